/**
 * Expected proportions stated for the levels of one column ("brown, blue, hazel and green eyes in
 * proportions 0.4, 0.3, 0.2 and 0.1", "in a 9:3:3:1 ratio" is not read): a list of two or more shares
 * that add up to one (or percentages to 100), as many as the column has levels, each level named in
 * the same order. That is a goodness-of-fit question with those proportions (`expected`, in the levels'
 * natural order, as chi2_gof takes them).
 */
import { compareNatural } from '../util/natural-sort.js';
import type { ColumnInfo } from './columns.js';
import type { Token } from './text.js';

/** The shares listed in the request ("0.4, 0.3, 0.2 and 0.1", "50%, 30% and 20%"), when they add up to one. */
export function readShareList(tokens: readonly Token[]): number[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const values: number[] = [];
    let j = i;
    for (;;) {
      const t = tokens[j];
      if (t?.kind !== 'number' || t.value === undefined) break;
      const share = t.percent ? t.value / 100 : t.value;
      if (!(share > 0 && share < 1) || (values.length > 0 && Boolean(t.percent) !== Boolean(tokens[i].percent))) break;
      values.push(share);
      // The next share follows a comma or a space, or "and" / "or" ("0.3, 0.2 and 0.1").
      if (tokens[j + 1]?.kind === 'number') j += 1;
      else if (/^(and|or)$/.test(tokens[j + 1]?.text ?? '') && tokens[j + 2]?.kind === 'number') j += 2;
      else break;
    }
    if (values.length >= 2 && Math.abs(values.reduce((s, v) => s + v, 0) - 1) < 0.005) return values;
    if (values.length > 0) i = j;
  }
  return undefined;
}

/** The shares in the column's natural level order, when every level is named, in the shares' order. */
export function expectedFor(column: ColumnInfo, levelsNamed: readonly string[], shares: readonly number[]): number[] | undefined {
  if (!column.factor || column.levels.length !== shares.length || levelsNamed.length !== shares.length) return undefined;
  if (new Set(levelsNamed).size !== shares.length || !levelsNamed.every((l) => column.levels.includes(l))) return undefined;
  return [...levelsNamed].sort(compareNatural).map((l) => shares[levelsNamed.indexOf(l)]);
}
