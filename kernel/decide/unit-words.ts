/**
 * Words for the units observed, as people write them: the rows of a table are tracts, arrestees,
 * tumours or cereals, and a request names them around the variables it asks about ("the share of
 * tracts bordering the river", "arrestees who are employed", "mean age of the arrestees", "for tracts
 * with a highway index of 24"). Such a plural names no variable, so it does not make a request ask.
 * Only a plural in one of these frames counts; a plural where a variable would stand still asks.
 */
import type { Token } from './text.js';

/** Words that open a clause about the units just named. */
const RELATIVE = /^(who|that|which|whose|where)$/;
/** Words for a share or a summary of the units ("the share of tracts", "the proportion of the tumours"). */
const SHARE_OF = /^(share|proportion|percentage|fraction|number|count|mean|average|median|most|majority|all|none)$/;
/** Words before a plural that restrict the rows to some units ("for tracts with", "among patients with"). */
const RESTRICT = /^(for|among|amongst)$/;

/** Whether the plural at `index` speaks of the units observed, with a column or level named elsewhere. */
export function isUnitNoun(tokens: readonly Token[], index: number, namesSomething: boolean): boolean {
  const t = tokens[index];
  if (!namesSomething || t.kind !== 'word' || t.stem === t.text || t.text.length < 5) return false;
  const next = tokens[index + 1];
  let k = index - 1;
  if (tokens[k]?.text === 'the') k--;
  const before = tokens[k];
  const beforeOf = before?.text === 'of' ? tokens[k - 1] : undefined;
  // "tracts that bound the river", "arrestees who are employed", "tracts bordering the river".
  if (next && (RELATIVE.test(next.text) || (next.kind === 'word' && /ing$/.test(next.text) && next.text.length >= 6))) return true;
  // "the share of tracts ...", "what proportion of the tumours are malignant".
  if (beforeOf && SHARE_OF.test(beforeOf.text)) return true;
  // "for tracts with a highway index of 24", "among patients with ulcers".
  if (before && RESTRICT.test(before.text) && next && /^(with|without|in|on|from)$/.test(next.text)) return true;
  // "mean age of the arrestees": the last word, after "of the".
  return before?.text === 'of' && tokens[index - 1]?.text === 'the' && tokens.slice(index + 1).every((x) => x.kind !== 'word');
}
