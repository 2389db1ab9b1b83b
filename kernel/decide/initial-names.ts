/**
 * One-letter names read from initials: a table with columns B, V, N, Y (block, variety, nitrogen,
 * yield) is asked about by the words, not the letters. A word names such a column when:
 * - nothing else accounts for it (it is no analysis word, lexicon word, other column's name or level:
 *   the caller passes only the words left unaccounted, see context.ts);
 * - it stands where a variable would (after "of", "by", "between" ..., or before "and", "by" ...), or
 *   after a count of its groups ("the three oat varieties": the count equals the column's number of levels);
 * - its first letter is the column's name, and no other column's name begins with that letter ("time"
 *   with columns T and temp is left to ask); two one-letter columns spelled alike ("n", "N") are tied;
 * - it is not a count or an amount said in words ("number of", "amount of", "count": N for "number"
 *   would read a phrase of the question as a variable).
 * Longer names spelled by initials ("savings ratio" for sr) are read by name-pieces.ts.
 */
import type { ColumnInfo, Mention } from './columns.js';
import type { Token } from './text.js';

/** A word left unaccounted by every other reading (context.ts). */
export interface UnaccountedWord {
  index: number;
  suggestion?: string;
  rolePosition: boolean;
}

/** Words that speak of a quantity of rows or of the question, never a variable's name. */
const NOT_A_VARIABLE = /^(number|numbers|amount|amounts|count|counts|total|totals|sample|samples|observation|observations|data|dataset|table|row|rows|column|columns|variable|variables|value|values|level|levels|group|groups)$/;

/** Mentions of one-letter columns by a word whose initial is the name (score 0.8: reported as a reading). */
export function initialNameMentions(tokens: readonly Token[], words: readonly UnaccountedWord[], columns: readonly ColumnInfo[]): Mention[] {
  const short = columns.filter((c) => /^[A-Za-z]$/.test(c.name));
  if (short.length === 0) return [];
  const out: Mention[] = [];
  for (const w of words) {
    const t = tokens[w.index];
    if (w.suggestion || !(w.rolePosition || countedBefore(tokens, w.index)) || t.kind !== 'word' || t.text.length < 3 || NOT_A_VARIABLE.test(t.text)) continue;
    const initial = t.text[0];
    const fits = short.filter((c) => c.name.toLowerCase() === initial);
    if (fits.length === 0) continue;
    // Another column whose name begins with the letter might be meant as well: not read.
    if (columns.some((c) => !fits.includes(c) && c.name.toLowerCase().startsWith(initial))) continue;
    if (!w.rolePosition && countedBefore(tokens, w.index) !== fits[0].levelCount) continue;
    out.push({ start: w.index, end: w.index + 1, text: t.raw, column: fits[0].name, score: 0.8, via: 'name', tiedWith: fits.slice(1).map((c) => c.name) });
  }
  return out;
}

const COUNT_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A count one or two words before a word ("three varieties", "the three oat varieties"), or 0. */
function countedBefore(tokens: readonly Token[], index: number): number {
  for (const k of [index - 1, index - 2]) {
    const t = tokens[k];
    if (!t) return 0;
    if (t.kind === 'number' && Number.isInteger(t.value)) return t.value as number;
    const word = COUNT_WORDS.indexOf(t.text);
    if (word >= 0) return word + 2;
  }
  return 0;
}
