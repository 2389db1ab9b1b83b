/**
 * The paired (slope) plot: each pair's two measurements joined by a line, so the within-pair changes
 * are seen, with the mean of each condition joined in the accent colour. Above 500 pairs a
 * deterministic sample of pairs is drawn and the caption says so.
 */
import type { Figure } from '../types.js';
import { createPlotRounder } from './aggregate.js';
import { quantitative, tooltipNumber } from './axes.js';
import { sampleIndices } from './random.js';
import { ACCENT, buildSpec, buildTitle, NEUTRAL } from './theme.js';

/** At most this many pairs are drawn. */
export const MAX_SLOPE_PAIRS = 500;

/** What a slope plot shows: `first[i]` and `second[i]` belong to pair i. */
export interface SlopesInput {
  first: Float64Array;
  second: Float64Array;
  /** The two conditions, in the order of the test (first minus second). */
  labels: [string, string];
  valueTitle: string;
  title: string;
  seed: number;
}

/** A Vega-Lite slope plot of paired measurements. */
export function buildSlopesSpec(input: SlopesInput): Figure {
  const n = input.first.length;
  const all = new Float64Array(2 * n);
  all.set(input.first);
  all.set(input.second, n);
  const round = createPlotRounder(all);
  const shown = sampleIndices(n, MAX_SLOPE_PAIRS, input.seed);
  const [a, b] = input.labels;
  const values: Record<string, unknown>[] = [];
  for (const i of shown) {
    values.push({ pair: i, cond: a, value: round(input.first[i]) });
    values.push({ pair: i, cond: b, value: round(input.second[i]) });
  }
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    m1 += input.first[i];
    m2 += input.second[i];
  }
  const means = [
    { cond: a, mean: round(m1 / n) },
    { cond: b, mean: round(m2 / n) },
  ];
  const x = { field: 'cond', type: 'ordinal', title: null, sort: [a, b], scale: { domain: [a, b], paddingOuter: 0.3 }, axis: { labelAngle: 0 } };
  const layer = [
    {
      data: { values },
      mark: { type: 'line', point: { filled: true, size: 25, color: NEUTRAL }, color: NEUTRAL, opacity: 0.45, strokeWidth: 1 },
      encoding: { x, y: quantitative('value', input.valueTitle, { scale: { zero: false } }), detail: { field: 'pair', type: 'nominal' }, tooltip: [tooltipNumber('value', input.valueTitle)] },
    },
    {
      data: { values: means },
      mark: { type: 'line', point: { filled: true, size: 90, color: ACCENT }, color: ACCENT, strokeWidth: 3 },
      encoding: { x, y: quantitative('mean', input.valueTitle, { scale: { zero: false } }), tooltip: [tooltipNumber('mean', 'mean')] },
    },
  ];
  const sampled = shown.length < n ? ` Showing ${shown.length.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} pairs (a deterministic sample).` : '';
  return {
    kind: 'paired_slopes',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title), { layer }),
    caption: `Each grey line joins one pair's two measurements; the thick line joins the means of ${a} and ${b}.${sampled}`,
  };
}
