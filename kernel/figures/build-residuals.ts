/**
 * Regression diagnostics: residuals against fitted values (with the zero line) and observed against
 * fitted values (with the identity line), sampled like any scatter above 5,000 points.
 */
import type { Figure } from '../types.js';
import { buildPointLayer, computeScatterPoints } from './build-scatter.js';
import type { OlsFit } from './fit-ols.js';
import type { PairedValues } from './select.js';
import { ACCENT, buildSpec, buildTitle, formatAxisTitle } from './theme.js';

/** Residuals against fitted values, with a dashed zero line. */
export function buildResidualsSpec(fit: OlsFit, seed: number, subtitle?: string): Figure {
  const pairs: PairedValues = {
    xName: `Fitted ${formatAxisTitle(fit.outcome)}`,
    yName: 'Residuals',
    x: fit.fitted,
    y: fit.residuals,
    n: fit.n,
    nMissing: fit.nMissing,
    dropped: fit.dropped,
  };
  const points = computeScatterPoints(pairs, seed);
  const title = `Residuals vs fitted values: ${formatAxisTitle(fit.outcome)}`;
  const layer = [
    buildPointLayer(pairs, points),
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', strokeDash: [5, 3], color: ACCENT }, encoding: { y: { field: 'zero', type: 'quantitative', title: 'Residuals' } } },
  ];
  return {
    kind: 'scatter',
    title,
    vegaLite: buildSpec(buildTitle(title, subtitle), { layer }),
    caption: `Residuals should scatter evenly around zero with no pattern.${points.caption ? ` ${points.caption}` : ''}`,
  };
}

/** Observed against fitted values, with the identity line. */
export function buildObservedFittedSpec(fit: OlsFit, seed: number, subtitle?: string): Figure {
  const outcomeTitle = formatAxisTitle(fit.outcome);
  const pairs: PairedValues = {
    xName: `Fitted ${outcomeTitle}`,
    yName: `Observed ${outcomeTitle}`,
    x: fit.fitted,
    y: fit.observed,
    n: fit.n,
    nMissing: fit.nMissing,
    dropped: fit.dropped,
  };
  const points = computeScatterPoints(pairs, seed);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...fit.fitted, ...fit.observed]) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const pointLayer = buildPointLayer(pairs, points);
  const encoding = pointLayer.encoding as Record<string, Record<string, unknown>>;
  const title = `Observed vs fitted values: ${outcomeTitle}`;
  const layer = [
    pointLayer,
    {
      data: { values: [{ x: lo, y: lo }, { x: hi, y: hi }] },
      mark: { type: 'line', strokeDash: [5, 3], color: ACCENT },
      encoding: { x: encoding.x, y: encoding.y },
    },
  ];
  return {
    kind: 'scatter',
    title,
    vegaLite: buildSpec(buildTitle(title, subtitle), { layer }),
    caption: `Dashed line: observed = fitted.${points.caption ? ` ${points.caption}` : ''}`,
  };
}
