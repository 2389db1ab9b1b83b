/**
 * The empirical CDF of a sample as a step line against a reference CDF (one-sample
 * Kolmogorov-Smirnov), with the largest vertical gap marked. Above 1,000 observations the steps
 * are thinned evenly in rank.
 */
import type { Figure } from '../types.js';
import { createPlotRounder } from './aggregate.js';
import { quantitative, tooltipNumber } from './axes.js';
import { ACCENT, buildSpec, buildTitle, formatAxisTitle, NEUTRAL, PRIMARY } from './theme.js';

/** Most ECDF steps drawn. */
const MAX_STEPS = 1000;

/** What the ECDF figure shows. */
export interface EcdfInput {
  column: string;
  values: ArrayLike<number>;
  /** The reference CDF and its legend label ("normal(4.2, 1.1)"). */
  cdf: (x: number) => number;
  referenceLabel: string;
  title: string;
  subtitle?: string;
}

/** A Vega-Lite ECDF (steps) against the reference CDF (smooth line), the KS gap as a rule. */
export function buildEcdfSpec(input: EcdfInput): Figure {
  const sorted = Float64Array.from(input.values).sort();
  const n = sorted.length;
  const round = createPlotRounder(sorted);
  const stride = Math.max(1, Math.ceil(n / MAX_STEPS));
  const values: Record<string, unknown>[] = [];
  let gap = { x: sorted[0], low: 0, high: 0, size: -1 };
  for (let i = 0; i < n; i++) {
    const f = input.cdf(sorted[i]);
    const above = (i + 1) / n - f;
    const below = f - i / n;
    if (above > gap.size) gap = { x: sorted[i], low: f, high: (i + 1) / n, size: above };
    if (below > gap.size) gap = { x: sorted[i], low: i / n, high: f, size: below };
    if (i % stride === 0 || i === n - 1) values.push({ kind: 'ecdf', x: round(sorted[i]), y: (i + 1) / n });
  }
  const min = sorted[0];
  const max = sorted[n - 1];
  const pad = (max - min) * 0.05 || 1;
  for (let k = 0; k <= 100; k++) {
    const x = min - pad + ((max - min + 2 * pad) * k) / 100;
    values.push({ kind: 'reference', x: round(x), y: Math.round(input.cdf(x) * 1e4) / 1e4 });
  }
  values.push({ kind: 'gap', x: round(gap.x), y: gap.low, y2: gap.high });
  const x = quantitative('x', formatAxisTitle(input.column), { scale: { zero: false } });
  const y = quantitative('y', 'Cumulative proportion', { scale: { domain: [0, 1] } });
  const layer = [
    {
      transform: [{ filter: "datum.kind === 'reference'" }],
      mark: { type: 'line', color: ACCENT, strokeWidth: 1.5, strokeDash: [5, 3] },
      encoding: { x, y },
    },
    {
      transform: [{ filter: "datum.kind === 'ecdf'" }],
      mark: { type: 'line', interpolate: 'step-after', color: PRIMARY, strokeWidth: 1.5 },
      encoding: { x, y, tooltip: [tooltipNumber('x', input.column), tooltipNumber('y', 'ECDF')] },
    },
    {
      transform: [{ filter: "datum.kind === 'gap'" }],
      mark: { type: 'rule', color: NEUTRAL, strokeWidth: 2 },
      encoding: { x, y, y2: { field: 'y2' } },
    },
  ];
  const caption = `Solid steps: the empirical CDF of ${input.column}; dashed: ${input.referenceLabel}; grey bar: the largest vertical gap (the KS statistic D)${stride > 1 ? `; every ${stride}th step of ${n.toLocaleString('en-US')} drawn` : ''}.`;
  return { kind: 'qqplot', title: input.title, vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { data: { values }, layer }, { height: 300, width: 400 }), caption };
}
