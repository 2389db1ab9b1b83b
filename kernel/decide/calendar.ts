/**
 * Month names for numeric-coded month columns: "May" and "September" name the levels 5 and 9 of a
 * column called month / mon / mnth (birth_month, Month) whose values are integers in 1..12.
 *
 * Weekday names are deliberately not supported: a weekday column coded 1..7 may start on Monday
 * (ISO 8601) or on Sunday (R's lubridate::wday, US usage), and the schema cannot tell which.
 *
 * "May", "March" and "August" are also ordinary English words (a modal verb, a verb, an adjective),
 * and the abbreviations ("Jan", "Dec", "Sept") are short enough to be something else; those are read
 * as months only with evidence: written capitalised in the middle of the request, or next to another
 * month name ("May and September", "May to July"), or after a preposition of time ("in may").
 */
import type { Token } from './text.js';

/** Full month names and abbreviations -> month number. */
const MONTHS = new Map<string, number>([
  ['january', 1], ['jan', 1],
  ['february', 2], ['feb', 2],
  ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4],
  ['may', 5],
  ['june', 6], ['jun', 6],
  ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8],
  ['september', 9], ['sept', 9], ['sep', 9],
  ['october', 10], ['oct', 10],
  ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]);

/** Month names that are nothing else in a request about data. */
const PLAIN = new Set(['january', 'february', 'april', 'june', 'july', 'september', 'october', 'november', 'december']);

/** Words before a month name that make it a month ("in May", "between May and June"). */
const TIME_PREPOSITIONS = /^(in|during|between|from|since|until|till|through|throughout|of|for|vs|versus|than|and|or|to|before|after)$/;
/** Words after "may" that make it the modal verb ("than may be expected", "May not differ"). */
const MODAL_FOLLOWERS = /^(be|not|have|also|well|still|indeed|or|differ\w*|vary|varies|depend\w*|affect\w*|influence\w*|change\w*|increase\w*|decrease\w*|show\w*|help\w*|need\w*|explain\w*|predict\w*|relate\w*|correlate\w*|i|we|you|it|they|one)$/;
/** Connectors between two month names in a list or a range. */
const CONNECTORS = /^(and|or|vs|versus|to|through|till|until|with|against)$/;

/** A column name that means month (the name's words include month, mon or mnth). */
export function isMonthName(nameWords: readonly string[]): boolean {
  return nameWords.some((w) => w === 'month' || w === 'mon' || w === 'mnth');
}

/** Month number -> the column's level label, when every level is an integer in 1..12; else undefined. */
export function monthLevelMap(levels: readonly string[]): Map<number, string> | undefined {
  if (levels.length === 0) return undefined;
  const map = new Map<number, string>();
  for (const l of levels) {
    const v = Number(l);
    if (l.trim() === '' || !Number.isInteger(v) || v < 1 || v > 12) return undefined;
    map.set(v, l);
  }
  return map;
}

/** The month a token names as written, ignoring context. */
function monthWord(token: Token | undefined): number | undefined {
  return token && token.kind === 'word' ? MONTHS.get(token.text) : undefined;
}

/** A month name next to token i, across at most one connector ("May and September", "May, June"). */
function besideMonth(tokens: readonly Token[], i: number): boolean {
  for (const step of [-1, 1]) {
    const a = tokens[i + step];
    if (monthWord(a) !== undefined && reliable(tokens, i + step)) return true;
    if (a && CONNECTORS.test(a.text) && monthWord(tokens[i + 2 * step]) !== undefined && reliable(tokens, i + 2 * step)) return true;
  }
  return false;
}

/** A month word that would be read as a month on its own (without a neighbouring month). */
function reliable(tokens: readonly Token[], i: number): boolean {
  if (modal(tokens, i)) return false;
  return PLAIN.has(tokens[i].text) || standsAlone(tokens, i);
}

/** Evidence for an ambiguous month word without looking at neighbouring month names. */
function standsAlone(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  // Written capitalised, not as the request's first word: "in May", "Ozone of May".
  if (/^[A-Z]/.test(t.raw) && i > 0) return true;
  // Lower case after a preposition of time: "in may"; abbreviations after any time word ("vs dec").
  if (prev === undefined) return false;
  return t.text === 'may' ? /^(in|during|since|until|till|throughout)$/.test(prev.text) : TIME_PREPOSITIONS.test(prev.text);
}

/** "may" followed by a verb, "be", "not", a pronoun ...: the modal verb, whatever surrounds it. */
function modal(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  // No modal verb follows a preposition: "ozone in may differ ..." is the month.
  if (prev !== undefined && /^(in|during|since|until|till|throughout|between|from)$/.test(prev.text)) return false;
  return tokens[i].text === 'may' && next !== undefined && MODAL_FOLLOWERS.test(next.text);
}

/** The month named by token i of a request, when the word reads as a month there. */
export function monthAt(tokens: readonly Token[], i: number): number | undefined {
  const month = monthWord(tokens[i]);
  if (month === undefined || modal(tokens, i)) return undefined;
  if (reliable(tokens, i) || besideMonth(tokens, i)) return month;
  return undefined;
}

/** English name of a month number. */
export function monthLabel(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1];
}
