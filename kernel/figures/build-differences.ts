/**
 * Pairwise differences with their simultaneous confidence intervals (after Tukey HSD or Games-Howell),
 * as R's `plot(TukeyHSD(...))`: one row per pair, the interval as a bar, the difference as a point, a
 * dashed line at 0; pairs whose adjusted p is below alpha are drawn in the accent colour.
 */
import type { Figure } from '../types.js';
import { quantitative, tooltipNumber } from './axes.js';
import { ACCENT, buildSpec, buildTitle, FIGURE_WIDTH, NEUTRAL } from './theme.js';

/** One pairwise comparison to draw: `label` is "B - A", the difference B minus A. */
export interface DifferenceRow {
  label: string;
  diff: number;
  ciLow: number;
  ciHigh: number;
  pAdj: number;
}

/** What a differences plot shows. */
export interface DifferencesInput {
  rows: readonly DifferenceRow[];
  confLevel: number;
  /** "Tukey" or "Games-Howell": names the adjustment in the caption. */
  adjustment: string;
  /** Axis title of the differences, e.g. "Difference in weight". */
  valueTitle: string;
  title: string;
}

/** Height per pair in pixels (a figure with many pairs grows, up to a limit). */
const ROW_HEIGHT = 22;

/** A Vega-Lite interval plot of pairwise differences with their simultaneous CIs. */
export function buildDifferencesSpec(input: DifferencesInput): Figure {
  const alpha = 1 - input.confLevel;
  const values = input.rows
    .filter((r) => Number.isFinite(r.diff) && Number.isFinite(r.ciLow) && Number.isFinite(r.ciHigh))
    .map((r) => ({ pair: r.label, diff: r.diff, low: r.ciLow, high: r.ciHigh, p: r.pAdj, sig: r.pAdj < alpha ? 'yes' : 'no' }));
  const order = values.map((v) => v.pair);
  const y = { field: 'pair', type: 'nominal', title: null, sort: order, axis: { labelLimit: 160 } };
  const x = quantitative('diff', input.valueTitle);
  const color = { field: 'sig', type: 'nominal', scale: { domain: ['yes', 'no'], range: [ACCENT, NEUTRAL] }, legend: null };
  const tooltip = [
    { field: 'pair', type: 'nominal', title: 'pair' },
    tooltipNumber('diff', 'difference'),
    tooltipNumber('low', 'CI low'),
    tooltipNumber('high', 'CI high'),
    tooltipNumber('p', 'p (adjusted)'),
  ];
  const layer = [
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', strokeDash: [4, 3], color: NEUTRAL }, encoding: { x: quantitative('zero') } },
    { mark: { type: 'rule', strokeWidth: 2.5 }, encoding: { y, x: quantitative('low', input.valueTitle), x2: { field: 'high' }, color, tooltip } },
    { mark: { type: 'point', filled: true, size: 70 }, encoding: { y, x, color, tooltip } },
  ];
  const pct = `${Math.round(input.confLevel * 100)}%`;
  return {
    kind: 'differences',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title), { data: { values }, layer }, { width: FIGURE_WIDTH, height: Math.min(600, Math.max(80, ROW_HEIGHT * values.length)) }),
    caption: `Each row: the difference of two group means (point) with its ${pct} ${input.adjustment} simultaneous confidence interval (bar); the dashed line is no difference. Coloured: ${input.adjustment}-adjusted p < ${String(Number(alpha.toFixed(4))).replace(/^0/, '')}.`,
  };
}
