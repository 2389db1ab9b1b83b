/**
 * Matching the words of a request to the dataset's columns and to the levels of its categorical
 * columns: every word n-gram against every column name (case, separators, units, plurals, typos,
 * abbreviations, a small lexicon) and every level value. Returns the mentions, overlapping ones
 * resolved by length and score; a stretch that fits two columns equally is kept as a tie.
 */
import { isSubjectCode } from './subject-codes.js';
import type { ColumnSchema, DatasetSchema } from '../types.js';
import { isContentToken, nameWords, scoreWord, stemWord, tokenize, type Token } from './text.js';
import { editDistance } from '../util/suggest.js';
import type { LexiconEntry } from './types.js';
import { isMonthName, monthAt, monthLevelMap } from './calendar.js';
import { isNameNoun, pieceOrders, scorePieces, type PieceOptions } from './name-pieces.js';

/** Unit and subject words of `rules/lexicon.json` (`words.units`, `words.subject`), as sets. */
export interface ColumnWords {
  units: ReadonlySet<string>;
  suffixes: ReadonlySet<string>;
  subject: ReadonlySet<string>;
}

/** What the engine needs to know about one column. */
export interface ColumnInfo {
  name: string;
  schema: ColumnSchema;
  /** Name words without a trailing unit. */
  words: string[];
  units: string[];
  /** `words` without plural endings. */
  stems: string[];
  /** First letters of the name's words and units (every kind of match keeps the first letter). */
  initials: Set<string>;
  joined: string;
  /** The whole name, lower case, without separators ("ncases", "body_mass_g" -> bodymassg). */
  whole: string;
  numeric: boolean;
  factor: boolean;
  /**
   * A measured quantity with few distinct values (ages 3, 5, 10 ... 25; concentrations 95 ... 1000):
   * numeric first, a grouping only when the request groups by it. Codes (1..k, 0/1) are not quantities.
   */
  quantity: boolean;
  subject: boolean;
  /** Level labels (factors only), in natural order as the schema gives them. */
  levels: string[];
  levelCount: number;
  levelTokens: Token[][];
  /** A coded month column (named month / mon / mnth, levels integers in 1..12): month number -> level. */
  months?: Map<number, string>;
  /** The column seen through its label (SPSS variable labels): matched like a second name. */
  alias?: ColumnInfo;
  /** Other orders in which people say the name's pieces ("female life expectancy" for lifeExpF; name-pieces.ts). */
  orders: string[][];
}

/** One stretch of the request that names a column (directly or through one of its levels). */
export interface Mention {
  start: number;
  end: number;
  text: string;
  column: string;
  score: number;
  via: 'name' | 'level';
  level?: string;
  /** Other columns this stretch fits equally well (an ambiguous word). */
  tiedWith: string[];
}

/** Column facts for a schema, cached per schema object and word lists. */
const infoCache = new WeakMap<DatasetSchema, WeakMap<ColumnWords, ColumnInfo[]>>();

/** The engine's view of every column of a schema. */
export function describeColumns(schema: DatasetSchema, vocabulary: ColumnWords): ColumnInfo[] {
  const cached = infoCache.get(schema)?.get(vocabulary);
  if (cached) return cached;
  const infos = schema.columns.map((c): ColumnInfo => {
    let all = nameWords(c.name);
    // A count glued to what it counts: "ncases" is the number of cases, "ncontrols" of controls.
    if (all.length === 1 && /^n[a-z]{4,}s$/.test(all[0]) && !/^n[aeiou]/.test(all[0].slice(0, 2))) all = [all[0].slice(1)];
    // A generic suffix glued to the name: "agegp" is age (+ gp), "feedtype" is feed (+ type).
    if (all.length === 1) {
      for (const suffix of vocabulary.suffixes) {
        if (all[0].length >= suffix.length + 3 && all[0].endsWith(suffix)) {
          all = [all[0].slice(0, -suffix.length), suffix];
          break;
        }
      }
    }
    let words = all;
    let units: string[] = [];
    // A unit after a one-letter name is no unit: "pH" is not p in hours, "Kw" no k in watts.
    if (all.length > 1 && vocabulary.units.has(all[all.length - 1]) && all.slice(0, -1).join('').length >= 2) {
      words = all.slice(0, -1);
      units = all.slice(-1);
    }
    const subject = c.kind === 'id' || isSubjectCode(c, schema.columns) || (all.some((w) => vocabulary.subject.has(w)) && c.kind !== 'text' && c.kind !== 'datetime');
    const levels = (c.levels ?? []).map((l) => l.value);
    // A subject-like name with few values ("block", "patient" 1..6) may still be grouped by when named.
    const factor = c.kind !== 'id' && (c.kind === 'categorical' || c.kind === 'boolean' || (c.kind === 'numeric' && c.usableAsGroup)) && levels.length >= 2;
    return {
      name: c.name,
      schema: c,
      words,
      units,
      stems: words.map(stemWord),
      initials: new Set(all.map((w) => w[0])),
      joined: words.join(''),
      whole: nameWords(c.name).join(''),
      numeric: c.kind === 'numeric' && !subject,
      factor,
      quantity: factor && c.kind === 'numeric' && !subject && isQuantity(levels),
      subject,
      levels,
      levelCount: levels.length || c.distinct,
      levelTokens: levels.map((l) => tokenize(l)),
      months: factor && isMonthName(all) ? monthLevelMap(levels) : undefined,
      orders: pieceOrders([...words, ...units]),
    };
  });
  for (const info of infos) if (info.schema.label) info.alias = labelAlias(info, info.schema.label);
  const bySchema = infoCache.get(schema) ?? new WeakMap<ColumnWords, ColumnInfo[]>();
  bySchema.set(vocabulary, infos);
  infoCache.set(schema, bySchema);
  return infos;
}

/**
 * Whether the values of a few-valued numeric column measure something rather than code groups: five or
 * more values that are not integers, or integers spread far wider than consecutive codes would be.
 */
function isQuantity(levels: readonly string[]): boolean {
  const values = levels.map(Number);
  if (values.length < 5 || values.some((v) => !Number.isFinite(v))) return false;
  if (values.some((v) => !Number.isInteger(v))) return true;
  return Math.max(...values) - Math.min(...values) + 1 > 2 * values.length;
}

/** Words of a label that do not name anything ("Age in years" -> age, years). */
const LABEL_FILLER = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'and', 'or', 'your', 'you', 'what', 'is', 'are', 'do', 'did', 'how', 'which', 'this', 'that']);

/** A column as its label names it: the label's content words in place of the name's. */
function labelAlias(info: ColumnInfo, label: string): ColumnInfo | undefined {
  const words = nameWords(label).filter((w) => !LABEL_FILLER.has(w));
  if (words.length === 0) return undefined;
  return { ...info, words, units: [], stems: words.map(stemWord), initials: new Set(words.map((w) => w[0])), joined: words.join('') };
}

/** Lexicon entries, tokenized once. */
export interface CompiledLexicon {
  /** Stemmed words joined by spaces -> the column-name words they may stand for. */
  byPhrase: Map<string, string[][]>;
}

/** Tokenizes the lexicon and indexes it by phrase. */
export function compileLexicon(lexicon: readonly LexiconEntry[]): CompiledLexicon {
  const byPhrase = new Map<string, string[][]>();
  for (const e of lexicon) {
    if (e.tieBreak || e.level) continue;
    const key = e.word.split(' ').map(stemWord).join(' ');
    byPhrase.set(key, [...(byPhrase.get(key) ?? []), ...e.means.map((m) => m.split(' '))]);
  }
  return { byPhrase };
}

/** A stretch of the request with its content words, computed once for every column. */
interface SpanInfo {
  span: Token[];
  words: Token[];
  glued: string;
}

interface Candidate {
  start: number;
  end: number;
  column: string;
  score: number;
  via: 'name' | 'level';
  level?: string;
  content: number;
}

/** Options for `findMentions`. */
export interface MentionOptions {
  /** Tokens that are analysis vocabulary: matched to columns only exactly. */
  vocabulary: (token: Token) => boolean;
  lexicon: CompiledLexicon;
  /** Levels named by their meaning ("men and women", "X and non-X"): see level-words.ts. */
  levelWords?: (tokens: readonly Token[], columns: readonly ColumnInfo[]) => { start: number; end: number; column: string; level: string }[];
  /** Generic last words of names ("type", "class", "code"): alone, a part of the name. */
  suffixes: ReadonlySet<string>;
  /** Words the lexicon lists as harmless ("slope", "children"): alone, they name a column as themselves or as its beginning, never shortened ("slope" is not sp). */
  harmless?: (token: Token) => boolean;
}

const MIN_SCORE = 0.65;
/** Words that set the roles of a request apart: never inside a name. */
const ROLE_MARKER = /^(across|by|between|versus|vs|against|among|amongst)$/;
const MAX_SPAN = 4;


/** Every column and level mention of a request, overlaps resolved. */
export function findMentions(tokens: readonly Token[], columns: readonly ColumnInfo[], options: MentionOptions): Mention[] {
  const candidates: Candidate[] = [];
  // Words that are a column's name are never the initials of a level ("Age + Lrn" is not the level AL).
  const columnStems = new Set(columns.flatMap((c) => c.stems));
  for (let start = 0; start < tokens.length; start++) {
    for (let end = start + 1; end <= Math.min(tokens.length, start + MAX_SPAN); end++) {
      const span = tokens.slice(start, end);
      const first = span[0];
      const last = span[span.length - 1];
      const content = span.filter(isContentToken).length;
      // "weight after": a time word may end a two-word name (see scoreTimeAfter).
      const timeAfter = end - start === 2 && TIME_PREFIX[last.text] !== undefined;
      // "median value", "water level": a noun among the function words may end a name phrase (name-pieces.ts).
      const nounLast = span.length >= 2 && isNameNoun(last);
      // A word that sets roles apart ("magnesium across glass types") ends a name: no name spans it.
      const spansMarker = span.some((t, k) => k > 0 && k < span.length - 1 && ROLE_MARKER.test(t.text));
      const spanOk = content > 0 && !spansMarker && isContentToken(first) && (isContentToken(last) || last.kind === 'number' || timeAfter || nounLast);
      const words = spanOk ? span.filter((t) => isContentToken(t) || t.kind === 'number' || (nounLast && t === last)) : [];
      const info: SpanInfo = { span, words, glued: words.map((t) => t.text).join('') };
      const lexiconMeans = spanOk ? options.lexicon.byPhrase.get(span.map((t) => t.stem).join(' ')) : undefined;
      const initial = first.text[0];
      for (const column of columns) {
        if (!spanOk && end - start === 1 && isStopwordColumn(tokens, start, column)) {
          candidates.push({ start, end, column: column.name, score: 0.9, via: 'name', content: 1 });
        }
        if (spanOk && (lexiconMeans !== undefined || timeAfter || column.initials.has(words[0].text[0]) || column.whole[0] === words[0].text[0] || column.alias?.initials.has(words[0].text[0]) || column.orders.some((o) => o[0][0] === words[0].text[0]))) {
          const byLabel = column.alias?.initials.has(words[0].text[0]) ? scoreName(info, column.alias, options) : 0;
          const score = Math.max(scoreName(info, column, options), byLabel, lexiconMeans ? scoreLexicon(lexiconMeans, column) : 0);
          if (score >= MIN_SCORE) candidates.push({ start, end, column: column.name, score, via: 'name', content });
        }
        for (let k = 0; k < column.levels.length; k++) {
          const level = column.levelTokens[k];
          // A level written as initials ("FT", "CBT") spelled out in words ("family therapy").
          // One phrase, never across a coordination ("miles and the accidents" is no MA).
          if (spanOk && level.length === 1 && span.length >= 2 && /^[A-Z]{2,4}$/.test(column.levels[k]) && level[0].text[0] === initial && !span.some((t) => columnStems.has(t.stem) || /^(and|or)$/.test(t.text))) {
            const score = scorePieces(span, [level[0].text], { exactOnly: options.vocabulary, isContent: isContentToken });
            if (score >= 0.85) candidates.push({ start, end, column: column.name, score, via: 'level', level: column.levels[k], content: span.length });
            continue;
          }
          if (level.length !== span.length || level[0].text[0] !== initial) continue;
          const score = scoreLevel(span, level, tokens, start, column, options.vocabulary);
          if (score >= MIN_SCORE) {
            candidates.push({ start, end, column: column.name, score, via: 'level', level: column.levels[k], content: span.length });
          }
        }
      }
    }
  }
  addNumericLevels(tokens, columns, candidates);
  addInitialLevels(tokens, columns, candidates);
  addPieceLevels(tokens, columns, candidates);
  addMonthLevels(tokens, columns, candidates);
  addCompoundHeads(tokens, columns, candidates, options);
  for (const h of options.levelWords?.(tokens, columns) ?? []) candidates.push({ ...h, score: 0.9, via: 'level', content: h.end - h.start });
  addSharedHeads(tokens, columns, candidates, options);
  const mentions = withListedLevels(withValueOf(withQualifiers(withIndicatorPhrases(resolveMentions(tokens, candidates), columns), columns, options.suffixes, (i) => options.vocabulary(tokens[i])), tokens), tokens, columns);
  // Bare numbers read as codes of a column need two of them ("diet 1 vs 2", "1 and 3"); one left after
  // another reading took the other ("time 1 and time 2" with Subject 1..6) is no code.
  const bare = (m: Mention) => m.via === 'level' && m.score === 0.9 && m.end - m.start === 1 && tokens[m.start].kind === 'number';
  return mentions.filter((m) => !bare(m) || mentions.filter((o) => o.column === m.column && bare(o) && o.level !== m.level).length > 0);
}

/**
 * A word coordinated with the first word of a name phrase shares the rest of the phrase ("pre vs post
 * weight" is pre weight vs post weight, "writing and non-writing hand span"): the word alone names the
 * column that it and the shared words spell, when that is another column than the phrase's.
 */
function addSharedHeads(tokens: readonly Token[], columns: readonly ColumnInfo[], candidates: Candidate[], options: MentionOptions): void {
  const phrases = candidates.filter((c) => c.via === 'name' && c.end - c.start >= 2 && c.score >= 0.8);
  for (const phrase of phrases) {
    const word = tokens[phrase.start - 2];
    if (!word || !isContentToken(word) || !/^(and|or|vs|versus)$/.test(tokens[phrase.start - 1].text)) continue;
    const span = [word, ...tokens.slice(phrase.start + 1, phrase.end)];
    const words = span.filter((t) => isContentToken(t) || t.kind === 'number');
    const info: SpanInfo = { span, words, glued: words.map((t) => t.text).join('') };
    // Or the shared words alone name another column, the word qualifying it ("measured vs reported weight").
    const rest = span.slice(1);
    const restWords = rest.filter((t) => isContentToken(t) || t.kind === 'number');
    const restInfo: SpanInfo = { span: rest, words: restWords, glued: restWords.map((t) => t.text).join('') };
    for (const column of columns) {
      if (column.name === phrase.column) continue;
      const score = scoreName(info, column, options);
      const bare = score >= 0.8 ? 0 : scoreName(restInfo, column, options);
      if (score >= 0.8 || bare >= 0.95) candidates.push({ start: word.index, end: word.index + 1, column: column.name, score: Math.min(Math.max(score, bare * 0.9), phrase.score), via: 'name', content: 1 });
    }
  }
}

/**
 * A word that fits only part of a column's name right before a measurement named in full ("passenger
 * age" with passengerClass and age), or an identifier's name before another column's ("occupation
 * types"), qualifies it: one mention of the column named second.
 */
function withQualifiers(mentions: Mention[], columns: readonly ColumnInfo[], suffixes: ReadonlySet<string>, isVocabulary: (index: number) => boolean): Mention[] {
  const out: Mention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    const next = mentions[k + 1];
    const measured = next ? columns.find((c) => c.name === next.column) : undefined;
    const named = columns.find((c) => c.name === m.column);
    // A part: a low score, or fewer words than the name has (its generic last word, "class", left out).
    const part = m.score < 0.8 || (named !== undefined && m.end - m.start < named.words.length + named.units.filter((u) => suffixes.has(u)).length);
    // An identifier's name before another column's ("occupation types", "race distance" for dist) says whose values those are.
    const rows = named?.schema.kind === 'id' && next !== undefined && next.column !== m.column && !isVocabulary(m.start);
    if (next && m.via === 'name' && next.via === 'name' && m.tiedWith.length === 0 && next.start === m.end && (next.score >= 0.95 || (rows && next.score >= 0.8)) && (rows || (part && measured?.numeric && !measured.factor))) {
      out.push({ ...next, start: m.start, text: `${m.text} ${next.text}` });
      k++;
      continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * A value that two columns hold ("African": region Africa, group africa), listed with values that only
 * one of them holds ("among OECD, African and other countries"), is that column's: a list names values
 * of one column. So is one hyphenated to one of the columns' names ("a high-status partner").
 */
function withListedLevels(mentions: Mention[], tokens: readonly Token[], columns: readonly ColumnInfo[]): Mention[] {
  // Twice: a value settled by its name settles the values listed with it ("low and high-status partners").
  return resolveListed(resolveListed(mentions, tokens, columns), tokens, columns);
}

function resolveListed(mentions: Mention[], tokens: readonly Token[], columns: readonly ColumnInfo[]): Mention[] {
  const joined = (a: Mention, b: Mention) => b.start - a.end <= 1 && (b.start === a.end ? tokens[b.start].listed === true : /^(and|or|vs|versus)$/.test(tokens[a.end].text) || tokens[a.end].listed === true);
  return mentions.map((m, k) => {
    if (m.via !== 'level' || m.tiedWith.length === 0) return m;
    const neighbours = [mentions[k - 1] && joined(mentions[k - 1], m) ? mentions[k - 1] : undefined, mentions[k + 1] && joined(m, mentions[k + 1]) ? mentions[k + 1] : undefined];
    const listed = neighbours.filter((o): o is Mention => o !== undefined && o.via === 'level' && o.tiedWith.length === 0);
    // So is a value hyphenated to one of the columns' names ("a high-status partner": partner.status = high).
    const named = mentions[k + 1]?.via === 'name' && mentions[k + 1].start === m.end && tokens[m.end].ranged === true && mentions[k + 1].tiedWith.length === 0 ? mentions[k + 1] : undefined;
    if (named && listed.length === 0) listed.push(named);
    const column = listed[0]?.column;
    if (column === undefined || !listed.every((o) => o.column === column)) return m;
    if (column === m.column) return { ...m, tiedWith: [] };
    // The other column holds the value spelled the same ("brown, blue, hazel and green eyes": Eye, not Hair).
    const level = m.tiedWith.includes(column) ? columns.find((c) => c.name === column)?.levels.find((l) => l.toLowerCase() === m.level?.toLowerCase()) : undefined;
    return level === undefined ? m : { ...m, column, level, tiedWith: [] };
  });
}

/**
 * A value followed by "of" and its own column's name ("plots that got 0.6 cwt of nitrogen", "20 mg of
 * drug"): the name says what the value is of, so the stretch names the value (a restriction), not the
 * column as a variable.
 */
function withValueOf(mentions: Mention[], tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const value = out[out.length - 1];
    if (value && m.via === 'name' && value.via === 'level' && value.column === m.column && m.tiedWith.length === 0 && value.end === m.start - 1 && tokens[value.end].text === 'of') {
      out[out.length - 1] = { ...value, end: m.end, text: `${value.text} of ${m.text}` };
      continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * A two-valued column named by one word right before a measurement spelled out from its pieces ("low
 * birth weight" with the columns low and bwt): the phrase names the indicator of that measurement,
 * the two-valued column, as a whole.
 */
function withIndicatorPhrases(mentions: Mention[], columns: readonly ColumnInfo[]): Mention[] {
  const info = (name: string) => columns.find((c) => c.name === name);
  const out: Mention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    const next = mentions[k + 1];
    const indicator = info(m.column);
    const measured = next ? info(next.column) : undefined;
    if (
      next && m.via === 'name' && next.via === 'name' && m.end - m.start === 1 && m.score >= 0.95 && next.start === m.end && next.score < 0.95 &&
      indicator?.factor && indicator.levelCount === 2 && measured?.numeric && !measured.factor
    ) {
      out.push({ ...m, end: next.end, text: `${m.text} ${next.text}` });
      k++;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** A column literally named like a common word ("vs" in mtcars), in a place where a column name fits. */
function isStopwordColumn(tokens: readonly Token[], index: number, column: ColumnInfo): boolean {
  const t = tokens[index];
  if (t.kind !== 'word' || column.words.length !== 1 || column.words[0] !== t.text || column.units.length > 0) return false;
  const prev = tokens[index - 1]?.text;
  const next = tokens[index + 1]?.text;
  const before = prev === undefined || /^(of|between|and|with|by|is|are|does|do|across|on|the|for|against|to|vs|versus)$/.test(prev);
  const after = next === undefined || /^(and|with|by|is|are|associated|related|against|across|or|differ\w*|on|given|~)$/.test(next);
  // The head of a noun phrase ("police database checks between ..."): qualified by a content word before it.
  const qualified = index > 0 && isContentToken(tokens[index - 1]) && next === 'between';
  return (before && after) || qualified;
}

/** How well a span names a column, in [0, 1]. */
function scoreName(info: SpanInfo, column: ColumnInfo, options: MentionOptions): number {
  const { span, words, glued } = info;
  if (words.length === 0) return 0;
  if (span.length === 2 && TIME_PREFIX[span[1].text] !== undefined && !isContentToken(span[1])) return scoreTimeAfter(span, column, { exactOnly: options.vocabulary, isContent: isContentToken });
  // Glued words: "bodymass", "petallength", "drug 1" for drug1.
  if (glued === column.joined || glued === column.joined + column.units.join('') || glued === column.whole) return 1;
  // A name written as one word with a typo ("body_mas_g", "flipperlenght"): two edits from 8 letters, one from 5.
  if (words.length === span.length) {
    const full = column.joined + column.units.join('');
    for (const target of column.units.length > 0 ? [column.joined, full] : [column.joined]) {
      const allowed = Math.min(glued.length, target.length) >= 8 ? 2 : Math.min(glued.length, target.length) >= 5 ? 1 : 0;
      if (allowed > 0 && glued[0] === target[0] && Math.abs(glued.length - target.length) <= allowed && column.words.length > 1 && editDistance(glued, target) <= allowed) return 0.85;
    }
  }
  // The name spelled out piece by piece: "heart weight" for Hwt, "post test 3" for post.test.3, "savings
  // ratio" for sr, "optden" for optical density (see name-pieces.ts).
  if (span.length >= 2) {
    const pieceOptions = { exactOnly: options.vocabulary, isContent: isContentToken };
    const spelled = Math.max(
      scorePieces(span, column.words, pieceOptions),
      column.units.length > 0 ? scorePieces(span, [...column.words, ...column.units], pieceOptions) : 0,
      scoreTimeAfter(span, column, pieceOptions),
      ...column.orders.map((order) => scorePieces(span, order, pieceOptions)),
    );
    if (spelled > 0) return Math.max(spelled, scoreWords(info, column, options));
  }
  return scoreWords(info, column, options);
}

/** Time words after the measurement they qualify, said in Latin in names: "weight after" is post + wt, "weight before" pre + wt. */
const TIME_PREFIX: Record<string, string> = { before: 'pre', after: 'post' };

/** "weight after (treatment)" for Postwt: the time word read first, as the name's prefix. */
function scoreTimeAfter(span: readonly Token[], column: ColumnInfo, options: PieceOptions): number {
  const [measure, time] = span;
  const prefix = span.length === 2 && time ? TIME_PREFIX[time.text] : undefined;
  if (!prefix || !isContentToken(measure)) return 0;
  const moved: Token = { ...time, text: prefix, stem: prefix, raw: time.raw };
  return scorePieces([moved, measure], column.words, { ...options, isContent: (t) => t === moved || options.isContent(t) });
}

/** How well the words of a span name a column in any order (all of it, or a part), in [0, 1]. */
function scoreWords(info: SpanInfo, column: ColumnInfo, options: MentionOptions): number {
  const { span, words, glued } = info;
  // Initials with a word left out ("disposable income" for dpi, disposable personal income): the first
  // and last letters of the name, the others in order; two words of four letters or more.
  if (
    span.length === 2 &&
    column.words.length === 1 &&
    column.units.length === 0 &&
    column.words[0].length === 3 &&
    span.every((t) => t.kind === 'word' && t.text.length >= 4 && isContentToken(t) && !options.vocabulary(t)) &&
    span[0].text[0] === column.words[0][0] &&
    span[1].text[0] === column.words[0][2]
  ) {
    return 0.75;
  }
  const used = new Set<number>();
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    const token = words[i];
    const exactOnly = options.vocabulary(token);
    // Alone, a harmless word may begin a name ("post" for Postwt) but is not shortened into one ("slope" for sp).
    const whole = span.length === 1 && options.harmless?.(token) === true;
    let best = 0;
    let bestIndex = -1;
    for (let k = 0; k < column.words.length; k++) {
      if (used.has(k)) continue;
      const s = exactOnly || (whole && !column.words[k].startsWith(token.text)) ? (token.text === column.words[k] || token.stem === column.stems[k] || abbreviatesWord(column, k, token) ? 1 : 0) : scoreWord(token, column.words[k], true);
      if (s > best) {
        best = s;
        bestIndex = k;
      }
    }
    // A piece of the name said with a lexicon word ("highway mileage" for MPG.highway, "city fuel economy" for MPG.city).
    if (best < 0.85 && column.words.length > 1) {
      const piece = lexiconPiece(words, i, column, used, options.lexicon);
      if (piece) {
        used.add(piece.index);
        total += 0.85;
        i += piece.length - 1;
        continue;
      }
    }
    if (bestIndex < 0) {
      if (column.units.includes(token.text) || column.units.includes(token.stem)) continue;
      return 0;
    }
    used.add(bestIndex);
    total += best;
  }
  // Only a generic last word of the name ("class" for passengerClass, "type" for feed_type): a part of it.
  if (used.size === 0) return words.length === 1 && column.words.length > 0 && column.units.includes(words[0].stem) && options.suffixes.has(words[0].stem) ? 0.7 : 0;
  const mean = total / used.size;
  const coverage = used.size / column.words.length;
  if (coverage === 1) return mean;
  // A part of the name: "flipper" for flipper_length_mm. Short generic parts count for less.
  if (glued.length < 3) return 0;
  return mean * (0.55 + 0.35 * coverage) * (column.words.length > 3 ? 0.95 : 1);
}

/**
 * An analysis word whose start is a one-word column's whole name of five letters or more, with a clear
 * remainder ("heterogeneity" for `hetero`): the dataset abbreviated that word, so it names the column,
 * not the method ("regress moral on heterogeneity" is no test of a variance).
 */
function abbreviatesWord(column: ColumnInfo, k: number, token: Token): boolean {
  const name = column.words[k];
  // Not the whole word with a derivational ending ("normality" is a property of `normal`, not the column).
  return column.words.length === 1 && column.units.length === 0 && name.length >= 5 && token.text.length >= name.length + 3 && token.text.startsWith(name) && !DERIVATIONS.test(token.text.slice(name.length));
}

/** Endings that make another word of a whole word ("normal" -> "normality", "group" -> "grouping"). */
const DERIVATIONS = /^(ity|ities|ly|ness|ing|ings|ed|ation|ations|ise|ize|ised|ized|ally|ers|ful|less|ment|ments)$/;

/** A lexicon phrase starting at words[i] (three words at most) that means one unused word of the column's name. */
function lexiconPiece(words: readonly Token[], i: number, column: ColumnInfo, used: ReadonlySet<number>, lexicon: CompiledLexicon): { index: number; length: number } | undefined {
  for (let length = Math.min(3, words.length - i); length >= 1; length--) {
    const means = lexicon.byPhrase.get(words.slice(i, i + length).map((t) => t.stem).join(' '));
    for (const m of means ?? []) {
      const index = m.length === 1 ? column.words.indexOf(m[0]) : -1;
      if (index >= 0 && !used.has(index)) return { index, length };
    }
  }
  return undefined;
}

/** A lexicon word for a column ("weight" -> wt, "horsepower" -> hp). */
function scoreLexicon(meansList: readonly string[][], column: ColumnInfo): number {
  let best = 0;
  for (const means of meansList) {
    if (means.length === column.words.length && means.every((w, k) => w === column.words[k])) best = Math.max(best, 0.85);
    else if (means.every((w) => column.words.includes(w)) && column.words.length > means.length) {
      // Part of the name through a synonym: "weigh" for body_mass_g.
      best = Math.max(best, means.length / column.words.length >= 0.5 ? 0.7 : 0.6);
    }
  }
  return best;
}

/** How well a span names one level of a column, in [0, 1]. */
function scoreLevel(span: readonly Token[], level: readonly Token[], tokens: readonly Token[], start: number, column: ColumnInfo, vocabulary: (t: Token) => boolean): number {
  if (level.length !== span.length || level.length === 0) return 0;
  if (level.every((t) => t.kind === 'number')) return 0; // numeric levels: see addNumericLevels
  let total = 0;
  for (let k = 0; k < span.length; k++) {
    const t = span[k];
    const l = level[k];
    if (l.kind === 'number') {
      if (t.kind !== 'number' || t.value !== l.value) return 0;
      total += 1;
      continue;
    }
    if (t.kind !== 'word') return 0;
    if (l.text.length <= 2) {
      // One- or two-letter levels ("A", "OJ"): exact case for one letter, and never a common word.
      // A code of a letter and a number ("c52", "d20") said whole is the level, in either case.
      const code = l.text.length === 1 && level[k + 1]?.kind === 'number' && t.text === l.text;
      if (l.text.length === 1 && !code && (t.raw !== l.raw || !singleLetterContext(tokens, start, column))) return 0;
      // A two-letter code that is also a function word ("US", "IN") counts only in capitals as written.
      if (l.text.length === 2 && (t.text !== l.text || (!isContentToken(t) && !(t.raw === l.raw && /^[A-Z]{2}$/.test(t.raw))))) return 0;
      total += 1;
      continue;
    }
    if (t.text === l.text) total += 1;
    else if (t.stem === l.stem) total += 0.95;
    // Analysis words ("higher", "lower") name a level only as written ("high" is not "higher").
    else if (vocabulary(t)) return 0;
    else if (l.text.length >= 5 && !levelTypoBlocked(t) && scoreWord(t, l.text, false) >= 0.8) total += 0.85;
    // An abbreviated level: "ctrl" for "control", "trt" for "treatment".
    else if (l.text.length >= 3 && !levelTypoBlocked(t) && scoreWord(t, l.text, true) >= 0.8) total += 0.8;
    else return 0;
  }
  return total / span.length;
}

function levelTypoBlocked(t: Token): boolean {
  return !isContentToken(t);
}

/** A one-letter level counts when the column is named just before it or another one-letter level of it is near. */
function singleLetterContext(tokens: readonly Token[], start: number, column: ColumnInfo): boolean {
  const prev = tokens[start - 1];
  if (prev && prev.kind === 'word' && column.words.some((w) => scoreWord(prev, w, false) >= 0.9)) return true;
  const singles = new Set(column.levels.filter((l) => l.length === 1));
  let count = 0;
  for (const t of tokens) if (t.kind === 'word' && t.raw.length === 1 && singles.has(t.raw)) count++;
  return count >= 2;
}

/** Numbers that are levels of a coded factor: two or more of them, or one right after the column's name. */
function addNumericLevels(tokens: readonly Token[], columns: readonly ColumnInfo[], candidates: Candidate[]): void {
  addNumericValues(tokens, columns, candidates);
  addRangeLevels(tokens, columns, candidates);
  for (const column of columns) {
    if (!column.factor) continue;
    const numericLevels = column.levels.filter((l) => l.trim() !== '' && Number.isFinite(Number(l)));
    if (numericLevels.length === 0) continue;
    const hits: { token: Token; level: string; byName: boolean }[] = [];
    for (const token of tokens) {
      if (token.kind !== 'number' || token.percent) continue;
      // A number right after another column's name is that column's ("time 2" is not Subject 2).
      const before = candidates.filter((c) => c.via === 'name' && c.end === token.index && c.score >= 0.8);
      const own = Math.max(0, ...before.filter((c) => c.column === column.name).map((c) => c.score));
      if (before.some((c) => c.column !== column.name && c.score > own)) continue;
      const level = numericLevels.find((l) => Number(l) === token.value);
      // "at day 258" for Time coded 152..258: the name read through the lexicon counts as said just before.
      if (level !== undefined) hits.push({ token, level, byName: own >= 0.8 });
    }
    const distinct = new Set(hits.map((h) => h.level));
    const namedAnywhere = tokens.some((t) => t.kind === 'word' && isContentToken(t) && column.words.some((w) => scoreWord(t, w, true) >= 0.8));
    for (const hit of hits) {
      const named = hit.byName || namedJustBefore(tokens, hit.token.index, column) || (distinct.size >= 2 && namedAnywhere);
      if (distinct.size >= 2 || named) {
        candidates.push({
          start: hit.token.index,
          end: hit.token.index + 1,
          column: column.name,
          score: named ? 1 : 0.9,
          via: 'level',
          level: hit.level,
          content: 1,
        });
      }
    }
  }
}

/** A level written as a range of two numbers ("0-10", "1975-79"), as its two numbers. */
const RANGE_LEVEL = /^\s*(\d+(?:\.\d+)?)\s*[-\u2013]\s*(\d+(?:\.\d+)?)\s*$/;

/**
 * Levels that are ranges ("0-10" cm, "1975-79"), named by the same two numbers joined by a dash ("for the
 * 0-10 layer only"): that level, as surely as its name, since no other reading of "0-10" names a value.
 */
function addRangeLevels(tokens: readonly Token[], columns: readonly ColumnInfo[], candidates: Candidate[]): void {
  const pairs = tokens.filter((t) => t.dashed === true && tokens[t.index - 1]?.kind === 'number');
  if (pairs.length === 0) return;
  for (const column of columns) {
    if (!column.factor) continue;
    for (const level of column.levels) {
      const m = RANGE_LEVEL.exec(level);
      if (!m) continue;
      for (const second of pairs) {
        const first = tokens[second.index - 1];
        if (first.value === Number(m[1]) && second.value === Number(m[2])) {
          candidates.push({ start: first.index, end: second.index + 1, column: column.name, score: 1, via: 'level', level, content: 1 });
        }
      }
    }
  }
}

/**
 * A number right after the name of a measured column with many values ("at day 21" with Time in 0..21,
 * "weight 200"): one value of it, a row filter, when the number lies in the column's range. The name
 * may be read through the lexicon or a label ("day" for Time), so the name candidates are consulted.
 */
function addNumericValues(tokens: readonly Token[], columns: readonly ColumnInfo[], candidates: Candidate[]): void {
  for (const token of tokens) {
    if (token.kind !== 'number' || token.percent || token.value === undefined) continue;
    const prev = tokens[token.index - 1];
    // "at day 21", "on day 15": a place or time preposition before the name ("mean age 25" may be a test value).
    if (!prev || prev.kind !== 'word' || !/^(at|on|in|for|during|after|of|from)$/.test(tokens[token.index - 2]?.text ?? '')) continue;
    for (const column of columns) {
      const summary = column.schema.summary;
      if (column.factor || !column.numeric || !summary || token.value < summary.min || token.value > summary.max) continue;
      const named = candidates.find((c) => c.via === 'name' && c.column === column.name && c.end === token.index && c.start === token.index - 1 && c.score >= 0.8);
      // Two values of one measured column ("at time 1 and time 2") are a comparison of time points, not a filter.
      const again = candidates.some((c) => c.via === 'name' && c.column === column.name && c.start !== token.index - 1 && c.score >= 0.8 && tokens[c.end]?.kind === 'number');
      // The value belongs to the column the word names best ("day 346" is day, not Time through "day").
      if (!named || again || candidates.some((c) => c.via === 'name' && c.column !== column.name && c.start === named.start && c.end === named.end && c.score > named.score)) continue;
      candidates.push({ start: token.index, end: token.index + 1, column: column.name, score: 1, via: 'level', level: token.raw, content: 1 });
    }
  }
}

/**
 * Levels coded by one letter (tension L, M, H) named by words with those initials ("low and high
 * tension"): two or more words, each of a different level, joined by and / or / vs / to, with the
 * column named in the request. One word alone is not read (a single "low" could be anything).
 */
function addInitialLevels(tokens: readonly Token[], columns: readonly ColumnInfo[], candidates: Candidate[]): void {
  for (const column of columns) {
    if (!column.factor || column.levels.length < 2 || column.levels.length > 4 || !column.levels.every((l) => /^[A-Z]$/.test(l))) continue;
    const named = candidates.some((c) => c.via === 'name' && c.column === column.name && c.score >= 0.9);
    const hits: { index: number; level: string }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      // "Yes or No" for a column coded Y/N: the answers' initials, although "yes" and "no" are function words.
      const answer = /^(yes|no)$/.test(t.text) && column.levels.includes('Y') && column.levels.includes('N');
      if (t.kind !== 'word' || ((t.text.length < 3 || !isContentToken(t)) && !answer)) continue;
      if (candidates.some((c) => c.via === 'name' && c.start <= i && i < c.end)) continue;
      const level = column.levels.find((l) => l.toLowerCase() === t.text[0]);
      if (level === undefined) continue;
      const joined = hits.length === 0 || (i - hits[hits.length - 1].index === 2 && /^(and|or|vs|versus|to)$/.test(tokens[i - 1].text));
      if (!joined) hits.length = 0;
      hits.push({ index: i, level });
    }
    // Unnamed, the column is read only from two or more words joined ("blue and orange crabs" for sp B/O)
    // whose initials no other column coded in letters holds as well.
    if (!named && (hits.length < 2 || columns.some((o) => o !== column && o.factor && o.levels.every((l) => /^[A-Z]$/.test(l)) && hits.every((h) => o.levels.includes(h.level))))) continue;
    // One word right after the column's name is its value ("vote yes" -> Y, as "month 1" is month = 1).
    if (hits.length < 2) {
      hits.length = 0;
      for (const name of candidates.filter((c) => c.via === 'name' && c.column === column.name && c.score >= 0.9)) {
        const t = tokens[name.end];
        if (!t || t.kind !== 'word' || t.text.length < 2 || !(isContentToken(t) || /^(yes|no)$/.test(t.text))) continue;
        if (candidates.some((c) => c.via === 'name' && c.start <= t.index && t.index < c.end)) continue;
        const level = column.levels.find((l) => l.toLowerCase() === t.text[0]);
        if (level !== undefined) hits.push({ index: t.index, level });
      }
      if (hits.length !== 1) continue;
    }
    if (new Set(hits.map((h) => h.level)).size !== hits.length) continue;
    for (const h of hits) candidates.push({ start: h.index, end: h.index + 1, column: column.name, score: 0.8, via: 'level', level: h.level, content: 1 });
  }
}

/**
 * A level glued from pieces ("DietEx", "lowFat") said as words, each piece a word or its beginning,
 * joined or not by plus / and / with ("diet + exercise", "diet-plus-exercise", "low fat").
 */
function addPieceLevels(tokens: readonly Token[], columns: readonly ColumnInfo[], candidates: Candidate[]): void {
  const joiner = (t: Token | undefined) => t !== undefined && /^(plus|and|with|&)$/.test(t.text);
  for (const column of columns) {
    if (!column.factor) continue;
    for (let k = 0; k < column.levels.length; k++) {
      const pieces = column.levelTokens[k];
      if (pieces.length < 2 || pieces.some((p) => p.kind !== 'word' || p.text.length < 2)) continue;
      for (let start = 0; start < tokens.length; start++) {
        let i = start;
        let ok = true;
        for (let p = 0; p < pieces.length && ok; p++) {
          if (p > 0 && joiner(tokens[i])) i++;
          const t = tokens[i];
          const piece = pieces[p].text;
          ok = t !== undefined && t.kind === 'word' && (t.text === piece || t.stem === pieces[p].stem || (p > 0 && piece.length >= 2 && t.text.length > piece.length && t.text.startsWith(piece)));
          i++;
        }
        if (ok && i - start > 1) candidates.push({ start, end: i, column: column.name, score: 0.95, via: 'level', level: column.levels[k], content: i - start });
      }
    }
  }
}

/**
 * A compound word whose head is a column's whole one-word name ("policyholders" for Holders,
 * "schoolteachers" for teachers): the head names the column, the first part qualifies it. The first
 * part has four letters or more ("non", "un" make a negation, see context.ts), the name five or more.
 */
function addCompoundHeads(tokens: readonly Token[], columns: readonly ColumnInfo[], candidates: Candidate[], options: MentionOptions): void {
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length < 9 || !isContentToken(t) || options.vocabulary(t)) continue;
    for (const column of columns) {
      if (column.words.length !== 1 || column.units.length > 0 || column.whole.length < 5) continue;
      const stem = column.stems[0];
      const head = t.text.endsWith(column.whole) ? column.whole : t.stem.endsWith(stem) ? stem : undefined;
      if (head === undefined || (t.text.endsWith(column.whole) ? t.text : t.stem).length - head.length < 4) continue;
      candidates.push({ start: t.index, end: t.index + 1, column: column.name, score: 0.8, via: 'name', content: 1 });
    }
  }
}

/** Month names that are levels of a coded month column ("May" -> Month = 5). */
function addMonthLevels(tokens: readonly Token[], columns: readonly ColumnInfo[], candidates: Candidate[]): void {
  if (!columns.some((c) => c.months)) return;
  for (let i = 0; i < tokens.length; i++) {
    const month = monthAt(tokens, i);
    if (month === undefined) continue;
    for (const column of columns) {
      const level = column.months?.get(month);
      if (level !== undefined) candidates.push({ start: i, end: i + 1, column: column.name, score: 0.95, via: 'level', level, content: 1 });
    }
  }
}

/** Month names read as months whose month no coded month column of the dataset holds ("January" when Month is 5..9). */
export function monthsOutOfRange(tokens: readonly Token[], columns: readonly ColumnInfo[]): { word: string; month: number; columns: string[] }[] {
  const monthColumns = columns.filter((c) => c.months);
  if (monthColumns.length === 0) return [];
  const out: { word: string; month: number; columns: string[] }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const month = monthAt(tokens, i);
    if (month === undefined || monthColumns.some((c) => c.months?.has(month))) continue;
    out.push({ word: tokens[i].raw, month, columns: monthColumns.map((c) => c.name) });
  }
  return out;
}

/** Whether a column name (or a lexicon word for it) stands right before a token ("dose 2", "drug 1"). */
function namedJustBefore(tokens: readonly Token[], index: number, column: ColumnInfo): boolean {
  for (let back = 1; back <= 2; back++) {
    const t = tokens[index - back];
    if (!t) return false;
    if (t.kind === 'word' && (column.words.some((w) => scoreWord(t, w, true) >= 0.8) || (column.words.includes('group') && /^(drug|treatment|condition|trt)$/.test(t.stem)))) {
      return true;
    }
    if (!(t.text === 'of' || t.text === '=' || t.text === 'level')) return false;
  }
  return false;
}

/** Overlapping candidates resolved: longer and better first; equal best columns of one stretch become a tie. */
function resolveMentions(tokens: readonly Token[], candidates: Candidate[]): Mention[] {
  const bySpan = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.start}:${c.end}`;
    const list = bySpan.get(key);
    if (list) list.push(c);
    else bySpan.set(key, [c]);
  }
  const spans = [...bySpan.values()].map((list) => {
    list.sort((a, b) => b.score - a.score || (a.via === b.via ? 0 : a.via === 'name' ? -1 : 1) || cmp(a.column, b.column));
    const best = list[0];
    const tied = list.filter((c) => c !== best && c.column !== best.column && best.score - c.score < 0.03 && c.via === best.via);
    return { best, tied: [...new Set(tied.map((c) => c.column))], weight: best.score + 0.3 * (best.content - 1) };
  });
  spans.sort(
    (a, b) =>
      b.weight - a.weight ||
      (a.best.via === b.best.via ? 0 : a.best.via === 'name' ? -1 : 1) ||
      a.best.start - b.best.start ||
      a.best.end - b.best.end,
  );
  const taken = new Array<boolean>(tokens.length).fill(false);
  const mentions: Mention[] = [];
  for (const { best, tied } of spans) {
    let free = true;
    for (let i = best.start; i < best.end && free; i++) free = !taken[i];
    if (!free) continue;
    for (let i = best.start; i < best.end; i++) taken[i] = true;
    mentions.push({
      start: best.start,
      end: best.end,
      text: tokens.slice(best.start, best.end).map((t) => t.raw).join(' '),
      column: best.column,
      score: Math.round(best.score * 1000) / 1000,
      via: best.via,
      level: best.level,
      tiedWith: tied,
    });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A word the request contrasts with a level of a column ("Adelie and Emperor") that is no level of it. */
export interface UnknownLevel {
  /** The word (or capitalised phrase) as written. */
  word: string;
  start: number;
  end: number;
  column: string;
  /** Levels of the column the request names, in order. */
  known: string[];
  /** A level close by edit distance ("Gentoo" for "Gentu"). */
  suggestion?: string;
}

/** Options for `unknownLevels`. */
export interface UnknownLevelOptions {
  /** Token indexes read as something already (column and level mentions, cue phrases). */
  covered: ReadonlySet<number>;
  /** Ordinary words of the request vocabulary (cue words, role words): never a level. */
  ordinary: (t: Token) => boolean;
}

/** Connector words between two items of a contrast; "compared with/to" is handled apart. */
const STRONG_CONNECTORS = /^(vs|versus|against)$/;
const WEAK_CONNECTORS = /^(and|or)$/;
/** Words between a connector and the item ("and the Emperor", "than in Emperor"). */
const ITEM_FILLER = /^(the|in|on|for|of|those|with)$/;
/** Words before a contrast that make "A and B" a comparison of groups. */
const CONTRAST_FRAME = /^(between|among|amongst|compar\w*|differ\w*|vs|versus)$/;
/** Verbs that often follow "and" in a request and are never group names. */
const ORDINARY_VERBS = new Set([
  'report', 'reports', 'plot', 'plots', 'print', 'include', 'summarize', 'summarise', 'interpret', 'present', 'display',
  'visualize', 'visualise', 'draw', 'graph', 'chart', 'explain', 'describe', 'fit', 'estimate', 'adjust', 'correct', 'save',
  'export', 'return', 'provide', 'add', 'state', 'interpretation', 'effect', 'effects', 'size', 'sizes', 'result', 'results',
]);

type Strength = 'strong' | 'weak' | 'list' | 'than';

/** Levels of factor columns contrasted with a word that is neither a level, a column nor an ordinary word. */
export function unknownLevels(tokens: readonly Token[], mentions: readonly Mention[], columns: readonly ColumnInfo[], options: UnknownLevelOptions): UnknownLevel[] {
  const out: UnknownLevel[] = [];
  const levelMentions = mentions.filter((m) => m.via === 'level' && m.level !== undefined);
  if (levelMentions.length === 0) return out;
  for (const m of levelMentions) {
    const column = columns.find((c) => c.name === m.column);
    if (!column || !column.factor || column.months || column.subject) continue;
    const words = column.levels.filter((l) => !Number.isFinite(Number(l)) || l.trim() === '');
    if (words.length < 2) continue;
    const capitalised = words.every((l) => /^[A-Z]/.test(l));
    const singleLetters = words.every((l) => l.length === 1);
    const isCandidate = (t: Token | undefined, strict: boolean): boolean => {
      if (!t || t.kind !== 'word' || options.covered.has(t.index) || !isContentToken(t) || STOPWORDS_OF_LEVELS.has(t.text)) return false;
      if (options.ordinary(t) || ORDINARY_VERBS.has(t.text) || monthAt(tokens, t.index) !== undefined) return false;
      if (singleLetters) return t.raw.length === 1 && /[A-Z]/.test(t.raw);
      if (t.text.length < 2) return false;
      if (strict && capitalised && !/^[A-Z]/.test(t.raw)) return false;
      return true;
    };
    const namedLevelOf = (i: number) => mentions.find((o) => o.column === m.column && o.via === 'level' && o.start <= i && i < o.end);
    // Right: "Adelie and Emperor", "Adelie penguins vs Emperor penguins".
    let r = m.end;
    let right = connectorAt(tokens, r);
    if (!right && capitalised && isCandidate(tokens[r], false) && !/^[A-Z]/.test(tokens[r].raw)) right = connectorAt(tokens, ++r);
    if (right) {
      let k = right.next;
      for (let n = 0; n < 2 && tokens[k] && ITEM_FILLER.test(tokens[k].text) && !namedLevelOf(k); n++) k++;
      let e = k;
      while (e < tokens.length && e - k < (capitalised ? 3 : 1) && isCandidate(tokens[e], true) && (e === k || !tokens[e].listed)) e++;
      if (e > k && accepts(right.strength, capitalised, tokens, m, k, e, mentions, namedLevelOf)) out.push(unknownAt(tokens, k, e, column, mentions));
    }
    // Left: "Emperor and Adelie", "Emperor, Adelie and Gentoo".
    let s = m.start;
    for (let n = 0; n < 2 && s > 0 && ITEM_FILLER.test(tokens[s - 1].text) && !tokens[s].listed; n++) s--;
    const left = connectorBefore(tokens, s);
    if (left) {
      let e = left.end;
      if (capitalised && isCandidate(tokens[e - 1], false) && !/^[A-Z]/.test(tokens[e - 1].raw) && !tokens[e - 1].listed) e--;
      let k = e;
      while (k > 0 && e - k < (capitalised ? 3 : 1) && isCandidate(tokens[k - 1], true) && (k === e || !tokens[k].listed)) k--;
      if (e > k && accepts(left.strength, capitalised, tokens, m, k, e, mentions, namedLevelOf, true)) out.push(unknownAt(tokens, k, e, column, mentions));
    }
  }
  const seen = new Set<string>();
  return out.filter((u) => {
    const key = `${u.start}:${u.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Words that never name a group although they are not stopwords. */
const STOPWORDS_OF_LEVELS = new Set(['non', 'rest', 'remaining', 'everything', 'everyone', 'none', 'together', 'combined', 'pooled', 'respectively', 'etc']);

/** A connector starting at token i: where the next item starts. */
function connectorAt(tokens: readonly Token[], i: number): { next: number; strength: Strength } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (WEAK_CONNECTORS.test(t.text)) return { next: i + 1, strength: t.listed ? 'list' : 'weak' };
  if (STRONG_CONNECTORS.test(t.text)) return { next: i + 1, strength: 'strong' };
  if (t.text === 'compared' && /^(with|to)$/.test(tokens[i + 1]?.text ?? '')) return { next: i + 2, strength: 'strong' };
  if (t.text === 'than') return { next: i + 1, strength: 'than' };
  if (t.listed) return { next: i, strength: 'list' };
  return undefined;
}

/** A connector ending just before token i: where the previous item ends. */
function connectorBefore(tokens: readonly Token[], i: number): { end: number; strength: Strength } | undefined {
  if (i <= 0) return undefined;
  const t = tokens[i - 1];
  if (WEAK_CONNECTORS.test(t.text)) return { end: i - 1, strength: t.listed ? 'list' : 'weak' };
  if (STRONG_CONNECTORS.test(t.text)) return { end: i - 1, strength: 'strong' };
  if (/^(with|to)$/.test(t.text) && tokens[i - 2]?.text === 'compared') return { end: i - 2, strength: 'strong' };
  if (t.text === 'than') return { end: i - 1, strength: 'than' };
  if (tokens[i].listed) return { end: i, strength: 'list' };
  return undefined;
}

/** Whether the contrast is clear enough to call the word an unknown level. */
function accepts(
  strength: Strength,
  capitalised: boolean,
  tokens: readonly Token[],
  level: Mention,
  start: number,
  end: number,
  mentions: readonly Mention[],
  namedLevelOf: (i: number) => Mention | undefined,
  left = false,
): boolean {
  if (strength === 'strong') return true;
  // Capitalised levels ("Adelie"): a capitalised word in the middle of the request is a name.
  if (capitalised) return tokens[start].index > 0 || strength !== 'than';
  if (strength === 'than') return false;
  // Lower-case levels ("casein", "ctrl"): only in a comparison frame or a list of levels.
  const first = Math.min(start, level.start);
  for (let i = Math.max(0, first - 8); i < first; i++) if (CONTRAST_FRAME.test(tokens[i].text)) return true;
  const after = tokens[end];
  if (after && mentions.some((o) => o.via === 'name' && o.start === end)) return true;
  if (after && tokens[level.end] && after.stem === tokens[level.end].stem && !left) return true;
  // A list with another level of the column on the far side ("soybean, corn and linseed").
  const before = left ? connectorBefore(tokens, start) : undefined;
  const next = left ? undefined : connectorAt(tokens, end);
  const at = before ? before.end - 1 : next ? next.next : -1;
  return at >= 0 && namedLevelOf(at) !== undefined;
}

/** The unknown level at tokens [start, end) of a column, with the closest real level when close. */
function unknownAt(tokens: readonly Token[], start: number, end: number, column: ColumnInfo, mentions: readonly Mention[]): UnknownLevel {
  // A coded level glued to its number ("trt3" when the levels are trt1 and trt2).
  const coded = column.levelTokens.some((l) => l.length === 2 && l[0].kind === 'word' && l[1].kind === 'number');
  let glued = '';
  if (coded && end - start === 1 && tokens[end]?.kind === 'number' && !tokens[end].percent) {
    glued = tokens[end].raw;
    end++;
  }
  const word = glued ? `${tokens[start].raw}${glued}` : tokens.slice(start, end).map((t) => t.raw).join(' ');
  const known: string[] = [];
  for (const m of mentions) if (m.column === column.name && m.via === 'level' && m.level !== undefined && !known.includes(m.level)) known.push(m.level);
  const lower = word.toLowerCase();
  let suggestion: string | undefined;
  let best = Infinity;
  let tie = false;
  for (const level of column.levels) {
    if (known.includes(level)) continue;
    const l = level.toLowerCase();
    const d = editDistance(lower, l);
    const allowed = Math.min(l.length, lower.length) >= 5 ? 2 : Math.min(l.length, lower.length) >= 3 ? 1 : 0;
    if (d > allowed) continue;
    if (d < best) {
      best = d;
      suggestion = level;
      tie = false;
    } else if (d === best) tie = true;
  }
  return { word, start, end, column: column.name, known, ...(suggestion && !tie ? { suggestion } : {}) };
}
