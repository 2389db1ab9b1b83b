/**
 * Levels named by what they mean rather than as written: "men and women" for Sex = Male/Female or M/F,
 * "American and foreign" for Origin = USA/non-USA (lexicon entries with `level: true`), and "X and
 * non-X" for the two levels of a two-level column whose levels are X and its complement. A column's
 * levels are read this way only when every level of it is explained, so a code such as M in L/M/H
 * never becomes "men".
 */
import type { ColumnInfo, Mention } from './columns.js';
import { boundLevelHits } from './bound-levels.js';
import { isContentToken, stemWord, type Token } from './text.js';
import type { LexiconEntry } from './types.js';

/** One level-word entry of the lexicon, its phrase as stems. */
export interface LevelWord {
  stems: string[];
  /** Normalized level values the words stand for ("female", "f", "non usa"). */
  means: string[];
}

/** A stretch of the request read as a level of a column. */
export interface LevelWordHit {
  start: number;
  end: number;
  column: string;
  level: string;
}

/** The level entries of a lexicon (`level: true`), tokenized once. */
export function compileLevelWords(lexicon: readonly LexiconEntry[]): LevelWord[] {
  return lexicon.filter((e) => e.level).map((e) => ({ stems: e.word.split(' ').map(stemWord), means: e.means.map(normalizeLevel) }));
}

/** A level as words: lower case, separators as spaces ("non-USA" -> "non usa"). */
export function normalizeLevel(level: string): string {
  return level
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}

/** Every level named by its meaning: lexicon level words, and "X and non-X" contrasts. */
export function findLevelWords(tokens: readonly Token[], columns: readonly ColumnInfo[], words: readonly LevelWord[]): LevelWordHit[] {
  const prepared = prepare(columns, words);
  return [...lexiconLevels(tokens, prepared), ...complementLevels(tokens, columns), ...abbreviatedLevels(tokens, prepared), ...boundLevelHits(tokens, columns), ...joinedLevels(tokens, columns), ...hyphenTails(tokens, columns)];
}

/**
 * "front-wheel drive" with DriveTrain = Front / Rear / 4WD: a level written out, with a word hyphened to
 * it that names no column, is that level; the word describes it ("US-controlled" is US, not a level of another column).
 */
function hyphenTails(tokens: readonly Token[], columns: readonly ColumnInfo[]): LevelWordHit[] {
  const out: LevelWordHit[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [head, tail] = [tokens[i], tokens[i + 1]];
    if (head.kind !== 'word' || tail.kind !== 'word' || tail.ranged !== true || !isContentToken(tail) || head.text.length < 2) continue;
    // "blond-haired", "blue-eyed": a tail made from a column's name speaks of that column.
    if (columns.some((c) => c.words.some((w) => w.length >= 3 && tail.text.startsWith(w)) || c.stems.includes(tail.stem))) continue;
    for (const column of columns) {
      if (!column.factor) continue;
      const level = column.levels.find((l) => l.toLowerCase() === head.text && (l.length >= 3 || l === head.raw));
      if (level !== undefined) out.push({ start: i, end: i + 2, column: column.name, level });
    }
  }
  return out;
}

/**
 * A level written as one word that the request splits: "part-time" or "part time" for parttime,
 * "full-time" for fulltime, "part-timers" for the people of parttime. Two or three words whose letters
 * joined are the level (five letters or more), or the level and a plural or agent ending.
 */
const oneWordCache = new WeakMap<readonly ColumnInfo[], { column: string; level: string; l: string }[]>();

function joinedLevels(tokens: readonly Token[], columns: readonly ColumnInfo[]): LevelWordHit[] {
  const out: LevelWordHit[] = [];
  let words = oneWordCache.get(columns);
  if (!words) {
    words = columns.filter((c) => c.factor).flatMap((c) => c.levels.map((level) => ({ column: c.name, level, l: level.toLowerCase() }))).filter((w) => w.l.length >= 5 && /^[a-z]+$/.test(w.l));
    oneWordCache.set(columns, words);
  }
  if (words.length === 0) return out;
  for (let start = 0; start + 1 < tokens.length; start++) {
    if (tokens[start].kind !== 'word') continue;
    let joined = tokens[start].text;
    for (let end = start + 2; end <= Math.min(tokens.length, start + 3); end++) {
      const t = tokens[end - 1];
      if (t.kind !== 'word') break;
      joined += t.text;
      for (const { column, level, l } of words) if (joined.startsWith(l) && /^(|s|r|rs|ers)$/.test(joined.slice(l.length))) out.push({ start, end, column, level });
    }
  }
  return out;
}

/** What a schema's columns offer to these readings, computed once per column list (it is cached per schema). */
interface Prepared {
  /** Columns whose every level one lexicon meaning explains, with the meaning of each level. */
  explained: { column: ColumnInfo; used: string[] }[];
  words: readonly LevelWord[];
  /** Words that are a column's name. */
  names: Set<string>;
  /** Abbreviated levels: a code spelled by initials (lower-case ones need a second), or a short level beginning a word. */
  abbreviations: { column: ColumnInfo; level: string; code?: string; lower?: boolean; prefix?: string }[];
}

const preparedCache = new WeakMap<readonly ColumnInfo[], WeakMap<readonly LevelWord[], Prepared>>();

function prepare(columns: readonly ColumnInfo[], words: readonly LevelWord[]): Prepared {
  const hit = preparedCache.get(columns)?.get(words);
  if (hit) return hit;
  const explained: Prepared['explained'] = [];
  const abbreviations: Prepared['abbreviations'] = [];
  for (const column of columns) {
    if (!column.factor) continue;
    if (column.levels.length >= 2 && column.levels.length <= 4 && words.length > 0) {
      // Each level must be explained, and no two levels by one meaning (entries of one meaning share `means`).
      const meaningOf = column.levels.map((l) => {
        const n = normalizeLevel(l);
        return words.filter((w) => w.means.includes(n)).map((w) => w.means.join('|'));
      });
      const used = meaningOf.map((m) => m[0]);
      if (meaningOf.every((m) => m.length > 0) && new Set(used).size === used.length) explained.push({ column, used });
    }
    if (column.levels.length < 2 || column.levels.length > 8) continue;
    for (const level of column.levels) {
      if (/^([A-Z]{2,4}|[a-z]{2,3})$/.test(level)) abbreviations.push({ column, level, code: level.toLowerCase(), lower: level === level.toLowerCase() });
      else if (/^[A-Za-z]{4,}$/.test(level)) {
        const short = level.toLowerCase();
        if (!column.levels.some((l) => l !== level && l.toLowerCase().startsWith(short))) abbreviations.push({ column, level, prefix: short });
      }
    }
  }
  const prepared: Prepared = { explained, words, names: new Set(columns.flatMap((c) => [c.whole, ...c.stems, ...c.words])), abbreviations };
  const byWords = preparedCache.get(columns) ?? new WeakMap<readonly LevelWord[], Prepared>();
  byWords.set(words, prepared);
  preparedCache.set(columns, byWords);
  return prepared;
}

/**
 * Levels the data abbreviate and the request writes out: a code in capitals spelled by the initials of
 * as many words ("family therapy" for FT, "slow learners" for SL; lower-case codes only when two are
 * spelled: "blue-collar and white-collar" for bc, wc), and a short level that begins a
 * longer word ("control" for Cont, "professors" for Prof). Words of three letters or more only.
 */
function abbreviatedLevels(tokens: readonly Token[], prepared: Prepared): LevelWordHit[] {
  const out: LevelWordHit[] = [];
  if (prepared.abbreviations.length === 0) return out;
  // A word that is a column's name ("Age + Lrn") is that column, never part of a level's spelling.
  const spells = tokens.map((t) => t.kind === 'word' && t.text.length >= 3 && isContentToken(t) && !prepared.names.has(t.text) && !prepared.names.has(t.stem));
  const lower = new Map<string, LevelWordHit[]>();
  for (const { column, level, code, prefix } of prepared.abbreviations) {
    if (code !== undefined) {
      for (let i = 0; i + code.length <= tokens.length; i++) {
        let fits = true;
        for (let k = 0; k < code.length && fits; k++) fits = spells[i + k] && tokens[i + k].text[0] === code[k];
        if (!fits) continue;
        const h = { start: i, end: i + code.length, column: column.name, level };
        if (level === code) lower.set(column.name, [...(lower.get(column.name) ?? []), h]);
        else out.push(h);
      }
    } else if (prefix !== undefined) {
      for (const t of tokens) if (spells[t.index] && t.text.length >= prefix.length + 2 && t.text.startsWith(prefix)) out.push({ start: t.index, end: t.index + 1, column: column.name, level });
    }
  }
  // Lower-case codes ("bc", "wc") are read only when two of them are spelled ("blue-collar and white-collar").
  for (const hits of lower.values()) if (new Set(hits.map((h) => h.level)).size >= 2) out.push(...hits);
  return out;
}

/** Level words of the lexicon, for the columns whose every level (two to four) one entry explains. */
function lexiconLevels(tokens: readonly Token[], prepared: Prepared): LevelWordHit[] {
  const out: LevelWordHit[] = [];
  for (const { column, used } of prepared.explained) {
    const hits: LevelWordHit[] = [];
    for (const w of prepared.words) {
      const k = used.indexOf(w.means.join('|'));
      if (k < 0) continue;
      for (let i = 0; i + w.stems.length <= tokens.length; i++) {
        if (w.stems.every((s, j) => tokens[i + j].kind === 'word' && tokens[i + j].stem === s)) {
          hits.push({ start: i, end: i + w.stems.length, column: column.name, level: column.levels[k] });
        }
      }
    }
    // A function word ("first", "second") names a level only beside the column's name ("first class") or
    // contrasted with another level ("first and second"): "first, describe age" names none.
    const contrasted = new Set(hits.map((h) => h.level)).size >= 2;
    const besideName = (h: LevelWordHit) => column.words.some((w) => tokens[h.end]?.stem === stemWord(w));
    out.push(...hits.filter((h) => contrasted || besideName(h) || tokens.slice(h.start, h.end).every(isContentToken)));
  }
  return out;
}

/**
 * "X and non-X" (or "non-X vs X"): the two levels of the one two-level column whose levels are X and
 * its complement: a level written "non X" / "not X" beside X, or one-letter codes that are the initials
 * of X and of "non" (A/N for "Aboriginal and non-Aboriginal"). Two such columns: nothing is read.
 */
function complementLevels(tokens: readonly Token[], columns: readonly ColumnInfo[]): LevelWordHit[] {
  const pairs: { x: number; non: number }[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!/^(non|not)$/.test(tokens[i].text) || tokens[i + 1].kind !== 'word') continue;
    const stem = tokens[i + 1].stem;
    const x = tokens.findIndex((t, j) => t.kind === 'word' && t.stem === stem && j !== i + 1);
    if (x >= 0) pairs.push({ x, non: i });
  }
  const out: LevelWordHit[] = [];
  for (const { x, non } of pairs) {
    const word = tokens[x];
    const fits: LevelWordHit[][] = [];
    for (const column of columns) {
      if (!column.factor || column.levels.length !== 2) continue;
      const norm = column.levels.map(normalizeLevel);
      for (let k = 0; k < 2; k++) {
        const [yes, no] = [norm[k], norm[1 - k]];
        const written = (yes === word.text || stemWord(yes) === word.stem) && (no === `non ${yes}` || no === `not ${yes}`);
        const initials = yes.length === 1 && no === 'n' && word.text[0] === yes && yes !== 'n';
        if (written || initials) {
          fits.push([
            { start: x, end: x + 1, column: column.name, level: column.levels[k] },
            { start: non, end: non + 2, column: column.name, level: column.levels[1 - k] },
          ]);
        }
      }
    }
    if (fits.length === 1) out.push(...fits[0]);
  }
  return out;
}

/** Words before a level that restrict or leave out rows ("in Santiago", "among the unknowns", "leave out the ..."). */
const RESTRICTING = /^(in|among|amongst|for|within|excluding|except|without|out)$/;

/**
 * Levels coded by letters and named by a word the code begins: "Southern and Eastern cities" for
 * region = S, E (levels E, MW, S, W), "orange crabs" for sp = O, "in Santiago only" for SA, "Kellogg's
 * and General Mills cereals" for mfr = K, G, "leave out the unknowns" for u. Read only:
 * - from words no column, level or analysis word takes (a run of capitalised words is one name; a word in
 *   lower case only when nothing at all accounts for it);
 * - for a column whose every level is such a code (one to three letters, one case), so its letters stand for words;
 * - where a level can stand: two such words contrasted ("X and Y", "X vs Y") as two levels of one
 *   column; or one before a plural noun or "only" and written as a name (capitalised) or before the
 *   dataset's own word for its units ("orange crabs" in crabs); or one after "in", "among", "for" or
 *   an exclusion, as a name or as the head of its phrase ("leave out the unknowns"; not "among young voters");
 * - when one code fits best: the longest code that begins the word, and only one column offering it
 *   (SA over S for "Santiago"; "Southern" with S in two columns is left to ask).
 */
export function codedLevelMentions(tokens: readonly Token[], isFree: (index: number) => boolean, unaccounted: () => readonly number[], columns: readonly ColumnInfo[], datasetWords: ReadonlySet<string>): Mention[] {
  const coded = codedColumns(columns);
  if (coded.length === 0) return [];
  let unknown: Set<number> | undefined;
  const names: { start: number; end: number; fit?: { column: ColumnInfo; level: string } }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || t.text.length < 3 || !isFree(i)) continue;
    // A name in capitals ("General Mills") is read whole; a word in lower case only when nothing accounts for it.
    if (!isCapitalised(t) && !(unknown ??= new Set(unaccounted())).has(i)) continue;
    let end = i + 1;
    if (isCapitalised(t)) while (end < tokens.length && isFree(end) && isCapitalised(tokens[end])) end++;
    names.push({ start: i, end, fit: bestCode(t.text, coded) });
    i = end - 1;
  }
  const out: Mention[] = [];
  const mention = (n: (typeof names)[number]) => ({ start: n.start, end: n.end, text: tokens.slice(n.start, n.end).map((t) => t.raw).join(' '), column: n.fit?.column.name ?? '', score: 0.8, via: 'level' as const, level: n.fit?.level, tiedWith: [] });
  for (const n of names) {
    if (!n.fit) continue;
    // Two contrasted: "Southern and Eastern", "Kellogg's vs General Mills".
    const other = names.find((o) => o !== n && o.fit && o.fit.column === n.fit?.column && o.fit.level !== n.fit.level && contrasted(tokens, n, o));
    const next = tokens[n.end];
    const prev = tokens[n.start - 1]?.text === 'the' ? tokens[n.start - 2] : tokens[n.start - 1];
    const beforeUnits = next !== undefined && next.kind === 'word' && ((next.text !== next.stem && next.text.length >= 4) || next.text === 'only');
    const named = isCapitalised(tokens[n.start]) || (next !== undefined && datasetWords.has(next.stem));
    // After "among", a word in lower case is a level only as the head of its phrase ("the unknowns", not "young voters").
    const restricted = prev !== undefined && RESTRICTING.test(prev.text) && (isCapitalised(tokens[n.start]) || next === undefined || next.kind !== 'word' || !isContentToken(next) || next.text === 'only');
    if (other || (beforeUnits && named) || restricted) out.push(mention(n));
  }
  return out;
}

const codedCache = new WeakMap<readonly ColumnInfo[], ColumnInfo[]>();

/** Columns whose every level is a code of one to three letters of one case (cached per schema's columns). */
function codedColumns(columns: readonly ColumnInfo[]): ColumnInfo[] {
  let coded = codedCache.get(columns);
  if (!coded) {
    coded = columns.filter((c) => c.factor && c.levels.length >= 2 && c.levels.length <= 8 && (c.levels.every((l) => /^[A-Z]{1,3}$/.test(l)) || c.levels.every((l) => /^[a-z]{1,3}$/.test(l))));
    codedCache.set(columns, coded);
  }
  return coded;
}

function isCapitalised(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && /^[A-Z][a-z]/.test(t.raw);
}

/** The longest code beginning the word, when only one column offers a code that long. */
function bestCode(word: string, coded: readonly ColumnInfo[]): { column: ColumnInfo; level: string } | undefined {
  let best: { column: ColumnInfo; level: string }[] = [];
  let length = 0;
  for (const column of coded) {
    for (const level of column.levels) {
      const code = level.toLowerCase();
      if (!word.startsWith(code) || word.length < code.length + 2) continue;
      if (code.length > length) [best, length] = [[{ column, level }], code.length];
      else if (code.length === length && !best.some((b) => b.column === column)) best.push({ column, level });
    }
  }
  return best.length === 1 ? best[0] : undefined;
}

/** Two names joined by and / or / vs / versus (either order). */
function contrasted(tokens: readonly Token[], a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return second.start === first.end + 1 && /^(and|or|vs|versus)$/.test(tokens[first.end]?.text ?? '');
}
