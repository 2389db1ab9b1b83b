/**
 * Words for the units observed, as people write them: the rows of a table are tracts, arrestees,
 * tumours or cereals, and a request names them around the variables it asks about ("the share of
 * tracts bordering the river", "arrestees who are employed", "mean age of the arrestees", "for tracts
 * with a highway index of 24"). Such a plural names no variable, so it does not make a request ask.
 * Only a plural in one of these frames counts; a plural where a variable would stand still asks.
 */
import type { Mention } from './columns.js';
import type { Token } from './text.js';

/** Words that open a clause about the units just named. */
const RELATIVE = /^(who|that|which|whose|where)$/;
/**
 * Words for a share or a count of the units ("the share of tracts", "the proportion of the tumours",
 * "most of the patients"). Not mean, average or median: "the mean of the incomes" measures incomes.
 */
const SHARE_HEADS = /^(share|shares|proportion|proportions|percentage|percentages|fraction|number|numbers|count|counts|majority|most|none|ratio|rate|half)$/;
/** Words before a plural that restrict the rows to some units ("for tracts with", "among patients with"). */
const RESTRICT = /^(for|among|amongst)$/;

/**
 * Whether the plural at `index` speaks of the units observed rather than a variable:
 * - a clause about them follows ("tracts that bound the river", "arrestees who are employed", "tracts
 *   bordering the river"), when the request names a column or level elsewhere;
 * - it follows "of (the)" after a share word or a measured column's name ("the mean age of the
 *   arrestees", "what proportion of the tumours"); without a column before it ("the mean of the
 *   incomes") the noun is what is measured, and stays unknown when no column has that name;
 * - it restricts the rows ("for tracts with a highway index of 24", "among patients with ulcers").
 */
export function isUnitNoun(tokens: readonly Token[], index: number, mentions: readonly Mention[]): boolean {
  const t = tokens[index];
  if (t.kind !== 'word' || t.stem === t.text || t.text.length < 4) return false;
  const next = tokens[index + 1];
  let k = index - 1;
  if (tokens[k]?.text === 'the' || tokens[k]?.text === 'all') k--;
  const before = tokens[k];
  if (before?.text === 'of') {
    const head = tokens[k - 1];
    if (head && (SHARE_HEADS.test(head.text) || mentions.some((m) => m.via === 'name' && m.score >= 0.9 && m.end === k))) return true;
  }
  if (mentions.length === 0 || t.text.length < 5) return false;
  if (next && (RELATIVE.test(next.text) || (next.kind === 'word' && /ing$/.test(next.text) && next.text.length >= 6))) return true;
  return before !== undefined && RESTRICT.test(before.text) && next !== undefined && /^(with|without|in|on|from)$/.test(next.text);
}
