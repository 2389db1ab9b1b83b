/**
 * Levels named by what they mean rather than as written: "men and women" for Sex = Male/Female or M/F,
 * "American and foreign" for Origin = USA/non-USA (lexicon entries with `level: true`), and "X and
 * non-X" for the two levels of a two-level column whose levels are X and its complement. A column's
 * levels are read this way only when every level of it is explained, so a code such as M in L/M/H
 * never becomes "men".
 */
import type { ColumnInfo } from './columns.js';
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
  return [...lexiconLevels(tokens, columns, words), ...complementLevels(tokens, columns), ...abbreviatedLevels(tokens, columns)];
}

/**
 * Levels the data abbreviate and the request writes out: a code in capitals spelled by the initials of
 * as many words ("family therapy" for FT, "slow learners" for SL; lower-case codes only when two are
 * spelled: "blue-collar and white-collar" for bc, wc), and a short level that begins a
 * longer word ("control" for Cont, "professors" for Prof). Words of three letters or more only.
 */
function abbreviatedLevels(tokens: readonly Token[], columns: readonly ColumnInfo[]): LevelWordHit[] {
  const out: LevelWordHit[] = [];
  // A word that is a column's name ("Age + Lrn") is that column, never part of a level's spelling.
  const names = new Set(columns.flatMap((c) => [c.whole, ...c.stems, ...c.words]));
  const spells = (t: Token) => t.kind === 'word' && t.text.length >= 3 && isContentToken(t) && !names.has(t.text) && !names.has(t.stem);
  for (const column of columns) {
    if (!column.factor || column.levels.length < 2 || column.levels.length > 8) continue;
    // Lower-case codes ("bc", "wc") are read only when two of them are spelled ("blue-collar and white-collar").
    const lower: LevelWordHit[] = [];
    for (const level of column.levels) {
      if (/^([A-Z]{2,4}|[a-z]{2,3})$/.test(level)) {
        const code = level.toLowerCase();
        for (let i = 0; i + code.length <= tokens.length; i++) {
          const span = tokens.slice(i, i + code.length);
          if (span.every((t, k) => spells(t) && t.text[0] === code[k])) (level === code ? lower : out).push({ start: i, end: i + code.length, column: column.name, level });
        }
      } else if (/^[A-Za-z]{4,}$/.test(level)) {
        const short = level.toLowerCase();
        for (const t of tokens) {
          if (spells(t) && t.text.length >= short.length + 2 && t.text.startsWith(short) && !column.levels.some((l) => l !== level && l.toLowerCase().startsWith(short))) {
            out.push({ start: t.index, end: t.index + 1, column: column.name, level });
          }
        }
      }
    }
    if (new Set(lower.map((h) => h.level)).size >= 2) out.push(...lower);
  }
  return out;
}

/** Level words of the lexicon, for the columns whose every level (two to four) one entry explains. */
function lexiconLevels(tokens: readonly Token[], columns: readonly ColumnInfo[], words: readonly LevelWord[]): LevelWordHit[] {
  const out: LevelWordHit[] = [];
  if (words.length === 0) return out;
  for (const column of columns) {
    if (!column.factor || column.levels.length < 2 || column.levels.length > 4) continue;
    // Each level must be explained, and no two levels by one meaning (entries of one meaning share `means`).
    const meaningOf = column.levels.map((l) => {
      const n = normalizeLevel(l);
      return words.filter((w) => w.means.includes(n)).map((w) => w.means.join('|'));
    });
    if (meaningOf.some((m) => m.length === 0)) continue;
    const used = meaningOf.map((m) => m[0]);
    if (new Set(used).size !== used.length) continue;
    const hits: LevelWordHit[] = [];
    for (const w of words) {
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
