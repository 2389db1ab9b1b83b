/**
 * The predicted-probability curve of a logistic regression: the probability of success against the
 * first numeric predictor (one curve per level of the first factor), with its pointwise band from
 * the link scale (computed in the kernel, `computeProbabilityProfile`), over the observed 0/1
 * outcomes jittered a little off 0 and 1. Without a numeric predictor: one point and interval per level.
 */
import type { ProbabilityProfile } from '../analyses/logistic/predict.js';
import type { Figure } from '../types.js';
import { buildGroupAxisX, quantitative, tooltipNumber } from './axes.js';
import { computeJitter, sampleIndices } from './random.js';
import { ACCENT, buildGroupColorScale, buildSpec, buildTitle, formatAxisTitle, NEUTRAL } from './theme.js';

/** Observed points drawn at most (a seeded sample beyond). */
const MAX_POINTS = 5000;

/** What the figure shows. */
export interface ProbabilityCurveInput {
  profile: ProbabilityProfile;
  /** "P(am = 1)". */
  yTitle: string;
  confLevel: number;
  seed: number;
  title: string;
  subtitle?: string;
}

const round = (v: number, digits = 6) => Number(v.toPrecision(digits));

/** A Vega-Lite plot of predicted probabilities with their band over the observed outcomes. */
export function buildProbabilityCurveSpec(input: ProbabilityCurveInput): Figure {
  const { profile } = input;
  const levels = profile.curves.map((c) => c.level).filter((l): l is string => l !== undefined);
  const colored = profile.byFactor !== undefined && profile.xName !== undefined;
  const color = colored ? { field: 'level', type: 'nominal', scale: buildGroupColorScale(levels), title: formatAxisTitle(profile.byFactor as string) } : undefined;
  const y = quantitative('p', input.yTitle, { scale: { domain: [-0.05, 1.05], nice: false } });
  const pct = Math.round(input.confLevel * 100);
  const shown = sampleIndices(profile.observed.length, MAX_POINTS, input.seed);
  const jitter = computeJitter(shown.length, input.seed, 0.03);
  const points = shown.map((i, k) => {
    const o = profile.observed[i];
    return { x: round(o.x), p: round(o.y === 1 ? 1 - Math.abs(jitter[k]) : Math.abs(jitter[k]), 4), ...(o.level !== undefined ? { level: o.level } : {}) };
  });
  const layer: Record<string, unknown>[] = [];
  let xEncoding: Record<string, unknown>;
  if (profile.xName !== undefined) {
    const xTitle = formatAxisTitle(profile.xName);
    xEncoding = quantitative('x', xTitle, { scale: { zero: false } });
    const values = profile.curves.flatMap((c) => c.x.map((x, k) => ({ x: round(x), p: round(c.fit[k]), low: round(c.low[k]), high: round(c.high[k]), ...(c.level !== undefined ? { level: c.level } : {}) })));
    const detail = colored ? { color, detail: { field: 'level', type: 'nominal' } } : {};
    layer.push(
      { data: { values: points }, mark: { type: 'point', filled: true, size: 18, opacity: 0.45, ...(colored ? {} : { color: NEUTRAL }) }, encoding: { x: xEncoding, y, ...(colored ? { color } : {}) } },
      {
        data: { values },
        layer: [
          { mark: { type: 'area', opacity: 0.18, ...(colored ? {} : { color: ACCENT }) }, encoding: { x: xEncoding, y: quantitative('low', input.yTitle), y2: { field: 'high' }, ...(colored ? { color } : {}) } },
          {
            mark: { type: 'line', strokeWidth: 2.5, ...(colored ? {} : { color: ACCENT }) },
            encoding: {
              x: xEncoding,
              y,
              ...detail,
              tooltip: [tooltipNumber('x', xTitle), tooltipNumber('p', 'probability'), tooltipNumber('low', 'CI low'), tooltipNumber('high', 'CI high')],
            },
          },
        ],
      },
    );
  } else {
    const axis = buildGroupAxisX(levels, formatAxisTitle(profile.byFactor ?? ''));
    xEncoding = { field: 'x', type: 'quantitative', scale: axis.scale, axis: axis.axis };
    const jitterX = computeJitter(points.length, input.seed + 1, 0.25);
    const values = profile.curves.map((c, k) => ({ x: k, p: round(c.fit[0]), low: round(c.low[0]), high: round(c.high[0]), level: c.level ?? '' }));
    layer.push(
      { data: { values: points.map((pt, k) => ({ ...pt, x: pt.x + round(jitterX[k], 3) })) }, mark: { type: 'point', filled: true, size: 14, opacity: 0.35, color: NEUTRAL }, encoding: { x: xEncoding, y } },
      {
        data: { values },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2, color: ACCENT }, encoding: { x: xEncoding, y: quantitative('low', input.yTitle), y2: { field: 'high' } } },
          { mark: { type: 'point', filled: true, size: 90, color: ACCENT }, encoding: { x: xEncoding, y, tooltip: [{ field: 'level', type: 'nominal', title: 'level' }, tooltipNumber('p', 'probability'), tooltipNumber('low', 'CI low'), tooltipNumber('high', 'CI high')] } },
        ],
      },
    );
  }
  const held = profile.heldAt.length ? ` Other predictors held at: ${profile.heldAt.join('; ')}.` : '';
  const sampled = shown.length < profile.observed.length ? ` Showing ${shown.length.toLocaleString('en-US')} of ${profile.observed.length.toLocaleString('en-US')} observations.` : '';
  const what = profile.xName !== undefined
    ? `Line: predicted probability${colored ? ` for each level of ${profile.byFactor}` : ''} with its ${pct}% confidence band (Wald, on the log-odds scale)`
    : `Predicted probability for each level of ${profile.byFactor} with its ${pct}% confidence interval (Wald, on the log-odds scale)`;
  return {
    kind: 'probability_curve',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { layer }),
    caption: `${what}; points: the observed outcomes (1 at the top, 0 at the bottom, jittered).${held}${sampled}`,
  };
}
