/**
 * Words of a request: tokenizing, light stemming, stopwords and tolerant word comparison
 * (plurals, typos scaled by length, abbreviations such as `wt` for "weight").
 */
import { editDistance } from '../util/suggest.js';
import { defaultRules } from './rules.js';

/** One token of a request. */
export interface Token {
  /** Position among the tokens. */
  index: number;
  /** As written. */
  raw: string;
  /** Lower case. */
  text: string;
  /** `text` without a plural / possessive ending. */
  stem: string;
  kind: 'word' | 'number' | 'symbol';
  /** For numbers (a trailing % is kept in `raw`). */
  value?: number;
  percent?: boolean;
  /** For numbers written with a plus glued on ("75+"). */
  plus?: boolean;
  /** A comma, semicolon or slash stands between the previous token and this one ("Adelie, Gentoo"). */
  listed?: boolean;
  /** A dash or an ellipsis alone stands between the previous token and this one ("x1 - x4", "q1…q9"). */
  ranged?: boolean;
  /** For numbers: a dash glued between the previous number and this one ("0-10", "1975-79"), a range written as one value. */
  dashed?: boolean;
}

const TOKEN = /(\d+(?:\.\d+)?[%+]?|\.\d+%?|[A-Za-z]+(?:'[A-Za-z]+)?|[~=<>*|:^])/g;

/** Splits a request (or a phrase, or a column name) into tokens; letters and digits split apart. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // camelCase and letter-digit boundaries become word boundaries: bodyMass -> body Mass, drug1 -> drug 1;
  // a dot between a letter and a digit separates pieces of a name (pretest.1 -> pretest 1), it is no decimal point.
  const spaced = text.replace(/([A-Za-z])\.(?=\d)/g, '$1 ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Za-z])(\d)/g, '$1 $2').replace(/(\d)([A-Za-z])/g, '$1 $2');
  let last = 0;
  for (const match of spaced.matchAll(TOKEN)) {
    const raw = match[0];
    const gap = spaced.slice(last, match.index);
    const listed = /[,;/]/.test(gap);
    const ranged = tokens.length > 0 && /^\s*(-|\u2013|\u2014|\u2026|\.\.\.?)\s*$/.test(gap);
    last = (match.index ?? 0) + raw.length;
    if (/^[\d.]/.test(raw)) {
      const percent = raw.endsWith('%');
      // "2+", "75+": a number with a plus glued to it is a lower bound ("the 75+ group").
      // The plus is kept as a flag only: the token reads as the number ("x1+x2" is still x1 and x2).
      const plus = raw.endsWith('+');
      const written = plus ? raw.slice(0, -1) : raw;
      const value = Number(percent ? written.slice(0, -1) : written);
      const dashed = tokens.at(-1)?.kind === 'number' && /^[-\u2013]$/.test(gap);
      tokens.push({ index: tokens.length, raw: written, text: written.toLowerCase(), stem: written.toLowerCase(), kind: 'number', value, percent, ...(plus ? { plus } : {}), ...(dashed ? { dashed } : {}) });
    } else if (/^[~=<>*|:^]$/.test(raw)) {
      tokens.push({ index: tokens.length, raw, text: raw, stem: raw, kind: 'symbol' });
    } else {
      const text = raw.toLowerCase().replace(/'s$/, '').replace(/'/g, '');
      tokens.push({ index: tokens.length, raw, text, stem: stemWord(text), kind: 'word', ...(listed ? { listed } : {}), ...(ranged ? { ranged } : {}) });
    }
  }
  return tokens;
}

/** Lower-case words of a name (`flipper_length_mm` -> flipper, length, mm). */
export function nameWords(name: string): string[] {
  return tokenize(name).map((t) => t.text);
}

/** A word without its plural ending (flippers -> flipper, species stays, categories -> category). */
export function stemWord(word: string): string {
  const hit = stems.get(word);
  if (hit !== undefined) return hit;
  const stem = computeStem(word);
  if (stems.size < 10_000) stems.set(word, stem);
  return stem;
}

const stems = new Map<string, string>();

function computeStem(word: string): string {
  if (word.length <= 3) return word;
  if (/(ss|us|is|ies)$/.test(word) && !word.endsWith('ies')) return word;
  if (word === 'species' || word === 'series') return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * Function words: never a column on their own, never an unknown column name. The list lives in
 * `rules/lexicon.json` (`words.function`), read once from the repository's rules.
 */
export const STOPWORDS: { has(word: string): boolean } = {
  has: (word: string) => functionWords().has(word),
};

let functionWordSet: Set<string> | undefined;

function functionWords(): Set<string> {
  functionWordSet ??= new Set(defaultRules().words.function);
  return functionWordSet;
}

/** Whether a token could be (part of) a column name: a word that is not a stopword, or a number. */
export function isContentToken(token: Token): boolean {
  return token.kind === 'word' && !STOPWORDS.has(token.text);
}

/** How well a request word matches one word of a column name, in [0, 1] (0 = no match). */
export function scoreWord(word: Token, nameWord: string, allowAbbreviation: boolean): number {
  const w = word.text;
  if (w === nameWord) return 1;
  if (word.kind !== 'word') return 0;
  if (word.stem === stemWord(nameWord)) return 0.95;
  // Plurals in -ves of names in -f / -fe: "shelves" for shelf, "leaves" for leaf, "knives" for knife.
  if (/ves$/.test(w) && (nameWord === `${w.slice(0, -3)}f` || nameWord === `${w.slice(0, -3)}fe`)) return 0.95;
  // The column name abbreviates the word: wt <- weight, hp <- horsepower, cyl <- cylinders, len <- length.
  // A name in -s abbreviates the plural: "truck" for trks (trucks), "year" for yrs.
  const said = nameWord.length >= 3 && nameWord.endsWith('s') && !w.endsWith('s') ? `${w}s` : w;
  if (allowAbbreviation && nameWord.length >= 2 && nameWord.length <= 4 && w.length > nameWord.length && (said.length > nameWord.length + 1 || w.startsWith(nameWord)) && w[0] === nameWord[0]) {
    // A prefix ("perimeter" -> peri) beats letters picked out of the word ("permeability" is not peri);
    // letters picked out are a consonant skeleton ("ctrl", "trt") or keep the word's first two ("location" is not lat).
    if (w.startsWith(nameWord)) return 0.84;
    if (isSubsequence(nameWord, said) && (nameWord.length <= 2 || w.startsWith(nameWord.slice(0, 2)) || !/[aeiou]/.test(nameWord.slice(1)))) return 0.8;
  }
  // A longer name that is the start of the word ("accel" for acceleration, "educ" for education), with a
  // clear remainder (not "count" for country).
  if (allowAbbreviation && nameWord.length >= 5 && nameWord.length <= 6 && w.length >= nameWord.length + 3 && w.startsWith(nameWord)) return 0.84;
  // The request abbreviates the name: temp -> temperature.
  if (w.length >= 4 && nameWord.length > w.length && nameWord.startsWith(w)) return 0.8;
  // A three-letter prefix of a long name word ("per" for perimeter) counts a little less; ties still ask.
  if (allowAbbreviation && w.length === 3 && nameWord.length >= 6 && nameWord.startsWith(w) && !STOPWORDS.has(w)) return 0.75;
  // Inflections beyond plurals: "smoking" / "smoker", "recovery" / "recovered" share a root of 4+ letters.
  const root = rootOf(w);
  if (root.length >= 4 && root === rootOf(nameWord)) return 0.85;
  // The name with an -ing / -ed ending added: "volunteering" for volunteer, "counted" for count.
  if (nameWord.length >= 5 && w.startsWith(nameWord) && /^(ing|ings|ed)$/.test(w.slice(nameWord.length))) return 0.85;
  // A short name ending in a silent e and its -ing / -ed forms: "voting" for vote, "rated" for rate.
  const silentE = /^(.{3,})(ing|ed)$/.exec(w);
  if (silentE && nameWord.length >= 4 && nameWord === `${silentE[1]}e`) return 0.85;
  // Typos, scaled by length: none below 4 letters, 1 edit from 4, 2 edits from 8.
  const shortest = Math.min(w.length, nameWord.length);
  const allowed = shortest >= 8 ? 2 : shortest >= 5 ? 1 : 0;
  if (allowed > 0 && w[0] === nameWord[0] && Math.abs(w.length - nameWord.length) <= allowed) {
    const d = Math.min(editDistance(w, nameWord), editDistance(word.stem, stemWord(nameWord)));
    if (d <= allowed) return d === 1 ? 0.85 : 0.8;
  }
  return 0;
}

/** A word without a common derivational ending (smoking, smoker -> smok; recovery, recovered -> recover). */
export function rootOf(word: string): string {
  const m = /^(.{4,}?)(ships|ship|ness|ings|ing|ers|er|ed|ions|ion|ments|ment|ies|y|es|s|e)$/.exec(word);
  return m ? m[1] : word;
}

/** Whether two words are at most one typo apart (insertion, deletion, substitution or swap of neighbours). */
export function isOneTypo(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Whether the letters of `short` appear in order in `long`. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Whether a request token matches a phrase word (`differ*` is a stem), tolerating small typos in long words. */
export function matchesPhraseWord(token: Token, phraseWord: string): boolean {
  if (phraseWord.endsWith('*')) {
    const stem = phraseWord.slice(0, -1);
    if (token.text.startsWith(stem)) return true;
    if (stem.length < 5 || token.kind !== 'word' || token.text[0] !== stem[0] || token.text.length < stem.length - 1) return false;
    for (let k = stem.length - 1; k <= stem.length + 1; k++) {
      if (isOneTypo(token.text.slice(0, k), stem)) return true;
    }
    return false;
  }
  if (token.text === phraseWord) return true;
  if (token.kind !== 'word') return false;
  if (token.stem === stemWord(phraseWord)) return true;
  return phraseWord.length >= 7 && token.text[0] === phraseWord[0] && isOneTypo(token.text, phraseWord);
}
