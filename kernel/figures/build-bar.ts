/**
 * Bar charts of counts: the levels of one categorical column, or grouped bars of a two-way table
 * (one bar per level of the second column within each level of the first). Counts only, so the
 * size does not depend on the rows; beyond 30 levels the rarest are pooled into "Other".
 */
import type { Figure } from '../types.js';
import { compareNatural } from '../util/natural-sort.js';
import { buildGroupColorScale, buildSpec, buildTitle, formatAxisTitle, PRIMARY } from './theme.js';
import type { LevelValues } from './select.js';

/** At most this many bars along the axis. */
export const MAX_BAR_LEVELS = 30;

/** At most this many bars (colours) within one bar group. */
export const MAX_BAR_GROUPS = 8;

/** What a bar chart shows. */
export interface BarInput {
  data: LevelValues;
  title: string;
  subtitle?: string;
  /** Keep levels in this order (e.g. `--levels`), else natural order. */
  levels?: readonly string[];
}

/** Levels in natural order, or, beyond `max`, the `max - 1` most frequent plus an "Other" pool. */
export function computeKeptLevels(labels: readonly string[], max: number, order?: readonly string[], weights?: readonly number[]): { levels: string[]; other?: string; pooled: number } {
  const counts = new Map<string, number>();
  labels.forEach((l, i) => counts.set(l, (counts.get(l) ?? 0) + (weights ? weights[i] : 1)));
  let levels = order && order.length > 0 ? order.filter((l) => counts.has(l)) : [...counts.keys()].sort(compareNatural);
  if (levels.length <= max) return { levels, pooled: 0 };
  const frequent = new Set([...levels].sort((a, b) => (counts.get(b) as number) - (counts.get(a) as number)).slice(0, max - 1));
  const pooled = levels.length - frequent.size;
  levels = levels.filter((l) => frequent.has(l));
  let other = `Other (${pooled} levels)`;
  while (counts.has(other)) other = `${other} `;
  return { levels: [...levels, other], other, pooled };
}

/** A Vega-Lite bar chart of counts (grouped bars when the data have a second column). */
export function buildBarSpec(input: BarInput): Figure {
  const { data } = input;
  const main = computeKeptLevels(data.labels, MAX_BAR_LEVELS, input.levels, data.weights);
  const kept = new Set(main.levels);
  const mainOf = (l: string) => (kept.has(l) ? l : (main.other as string));
  const second = data.groupLabels ? computeKeptLevels(data.groupLabels, MAX_BAR_GROUPS, undefined, data.weights) : undefined;
  const secondKept = new Set(second?.levels ?? []);
  const secondOf = (l: string) => (secondKept.has(l) ? l : (second?.other as string));
  const counts = new Map<string, number>();
  data.labels.forEach((l, i) => {
    const key = JSON.stringify([mainOf(l), data.groupLabels ? secondOf(data.groupLabels[i]) : '']);
    counts.set(key, (counts.get(key) ?? 0) + (data.weights ? data.weights[i] : 1));
  });
  const values: Record<string, unknown>[] = [];
  for (const level of main.levels) {
    for (const g of second ? second.levels : ['']) {
      const count = counts.get(JSON.stringify([level, g])) ?? 0;
      values.push(second ? { level, g, count } : { level, count });
    }
  }
  const xTitle = formatAxisTitle(data.column);
  const many = main.levels.length > 8;
  const encoding: Record<string, unknown> = {
    x: { field: 'level', type: 'nominal', sort: main.levels, title: xTitle, axis: { labelAngle: many ? -40 : 0, labelLimit: 120 } },
    y: { field: 'count', type: 'quantitative', title: 'Count' },
    tooltip: [
      { field: 'level', type: 'nominal', title: xTitle },
      ...(second ? [{ field: 'g', type: 'nominal', title: formatAxisTitle(data.group as string) }] : []),
      { field: 'count', type: 'quantitative', title: 'count' },
    ],
  };
  if (second) {
    encoding.xOffset = { field: 'g', type: 'nominal', sort: second.levels };
    encoding.color = { field: 'g', type: 'nominal', scale: buildGroupColorScale(second.levels), title: formatAxisTitle(data.group as string) };
  } else {
    encoding.color = { value: PRIMARY };
  }
  const notes: string[] = [`Counts of ${data.n.toLocaleString('en-US')} rows`];
  if (main.pooled > 0) notes.push(`the ${main.pooled} least frequent levels of ${data.column} pooled into "Other"`);
  if (second && second.pooled > 0) notes.push(`the ${second.pooled} least frequent levels of ${data.group} pooled into "Other"`);
  const width = Math.min(560, Math.max(200, main.levels.length * (second ? 24 * second.levels.length : 40)));
  return {
    kind: 'bar',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { data: { values }, mark: { type: 'bar' }, encoding }, { width }),
    caption: `${notes.join('; ')}.`,
  };
}
