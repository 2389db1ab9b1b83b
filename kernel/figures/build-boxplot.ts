/**
 * Box plots per group (pre-aggregated: quartiles, Tukey whiskers, outliers) with the observations
 * jittered behind them when there are few enough, and each group's mean with its confidence interval.
 */
import { quantileT } from '../analyses/common/distributions.js';
import type { Figure, GroupBoxSummary } from '../types.js';
import { computeBoxStats, computeMeanCi, createPlotRounder, type BoxStats } from './aggregate.js';
import { buildGroupAxisX, quantitative, tooltipNumber } from './axes.js';
import { computeJitter, sampleIndices } from './random.js';
import type { GroupedValues } from './select.js';
import { ACCENT, buildGroupColorScale, buildSpec, buildTitle, formatAxisTitle, NEUTRAL, PRIMARY } from './theme.js';

/** Observations are drawn as points only below this many rows in total. */
export const MAX_RAW_POINTS = 2000;

/** At most this many outliers in one figure (beyond it a deterministic sample, extremes kept). */
export const MAX_OUTLIERS = 1000;

/** What a box plot shows. */
export interface BoxplotInput {
  data: GroupedValues;
  seed: number;
  confLevel: number;
  title: string;
  subtitle?: string;
  /** Draw means with confidence intervals (default true). */
  showMeans?: boolean;
  /** A horizontal reference line, e.g. the null value of a one-sample test. */
  reference?: { value: number; label: string };
  /** Axis title of the values, when not the outcome column's. */
  valueTitle?: string;
  /**
   * When `data` is a sample of the rows: each group's box and mean on every row. The boxes, whiskers
   * and means are drawn from these; the points are the sample's values beyond the whiskers.
   */
  boxes?: readonly GroupBoxSummary[];
}

/** A group's box from its whole-data summary, with the sample's values beyond its whiskers as outliers. */
function boxFromSummary(summary: GroupBoxSummary, sample: Float64Array): BoxStats {
  const outliers = Array.from(sample)
    .filter((v) => v < summary.whiskerLow || v > summary.whiskerHigh)
    .sort((a, b) => a - b);
  // The group's extremes are drawn even when the sample missed them.
  if (summary.min < summary.whiskerLow && outliers[0] !== summary.min) outliers.unshift(summary.min);
  if (summary.max > summary.whiskerHigh && outliers[outliers.length - 1] !== summary.max) outliers.push(summary.max);
  return { ...summary, outliers };
}

/** A mean with its t-based confidence interval from n, mean and SD. */
function meanCiFromSummary(summary: GroupBoxSummary, confLevel: number): { mean: number; low: number; high: number } {
  if (summary.n < 2) return { mean: summary.mean, low: NaN, high: NaN };
  const half = quantileT(1 - (1 - confLevel) / 2, summary.n - 1) * (summary.sd / Math.sqrt(summary.n));
  return { mean: summary.mean, low: summary.mean - half, high: summary.mean + half };
}

/** The smallest and largest value over every sample (what the plot rounder needs), without copying them. */
function rangeOf(samples: readonly Float64Array[]): [number, number] | [] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const sample of samples) {
    for (let i = 0; i < sample.length; i++) {
      if (sample[i] < lo) lo = sample[i];
      if (sample[i] > hi) hi = sample[i];
    }
  }
  return Number.isFinite(lo) ? [lo, hi] : [];
}

/** A Vega-Lite box plot per group with jittered points and means with CIs. */
export function buildBoxplotSpec(input: BoxplotInput): Figure {
  const { data, seed, confLevel } = input;
  const showMeans = input.showMeans ?? true;
  const levels = data.levels;
  const grouped = data.group !== undefined;
  const summaries = levels.map((level) => input.boxes?.find((b) => b.level === level));
  const wholeData = input.boxes !== undefined && summaries.every((b) => b !== undefined);
  const extremes = wholeData ? summaries.flatMap((b) => [b!.min, b!.max]) : [];
  const round = createPlotRounder([...rangeOf(data.samples), ...extremes]);
  const showPoints = !wholeData && data.n <= MAX_RAW_POINTS;
  const outlierBudget = Math.max(2, Math.floor(MAX_OUTLIERS / levels.length));

  const boxes: Record<string, unknown>[] = [];
  const means: Record<string, unknown>[] = [];
  const points: Record<string, unknown>[] = [];
  let outliersShown = 0;
  let outliersTotal = 0;
  data.samples.forEach((sample, k) => {
    if (sample.length === 0) return;
    const box = wholeData ? boxFromSummary(summaries[k]!, sample) : computeBoxStats(Float64Array.from(sample).sort());
    boxes.push({
      g: levels[k], x: k, lo: k - 0.22, hi: k + 0.22, n: box.n,
      q1: round(box.q1), median: round(box.median), q3: round(box.q3),
      wl: round(box.whiskerLow), wh: round(box.whiskerHigh),
    });
    if (showMeans) {
      const ci = wholeData ? meanCiFromSummary(summaries[k]!, confLevel) : computeMeanCi(sample, confLevel);
      const row: Record<string, unknown> = { g: levels[k], x: k + 0.32, mean: round(ci.mean) };
      if (Number.isFinite(ci.low)) Object.assign(row, { low: round(ci.low), high: round(ci.high) });
      means.push(row);
    }
    if (showPoints) {
      const jitter = computeJitter(sample.length, seed + k, 0.16);
      for (let i = 0; i < sample.length; i++) points.push({ g: levels[k], x: round(k + jitter[i]), v: round(sample[i]) });
    } else {
      outliersTotal += box.outliers.length;
      const picked = sampleIndices(box.outliers.length, outlierBudget, seed + k);
      if (picked.length > 0 && picked[picked.length - 1] !== box.outliers.length - 1) picked.push(box.outliers.length - 1);
      if (picked.length > 0 && picked[0] !== 0) picked.unshift(0);
      outliersShown += picked.length;
      for (const i of picked) points.push({ g: levels[k], x: k, v: round(box.outliers[i]) });
    }
  });

  const valueTitle = input.valueTitle ?? formatAxisTitle(data.outcome);
  const groupAxis = buildGroupAxisX(levels, grouped ? formatAxisTitle(data.group as string) : null);
  const color = grouped
    ? { field: 'g', type: 'nominal', scale: buildGroupColorScale(levels), legend: null }
    : { value: PRIMARY };
  const y = (field: string) => quantitative(field, valueTitle, { scale: { zero: false } });
  // Every layer carries the same scale and axis, so that Vega-Lite merges them into one axis.
  const groupX = (field: string) => quantitative(field, groupAxis.axis.title as string | null, { scale: groupAxis.scale, axis: groupAxis.axis });

  const layer: Record<string, unknown>[] = [];
  if (points.length > 0) {
    layer.push({
      data: { values: points },
      mark: { type: 'circle', size: showPoints ? 16 : 12, opacity: showPoints ? 0.5 : 0.7 },
      encoding: {
        x: groupX('x'),
        y: y('v'),
        color,
        tooltip: [{ field: 'g', type: 'nominal', title: grouped ? formatAxisTitle(data.group as string) : 'group' }, tooltipNumber('v', valueTitle)],
      },
    });
  }
  const boxEncoding = { x: groupX('x'), color };
  layer.push(
    {
      data: { values: boxes },
      layer: [
        { mark: { type: 'rule', strokeWidth: 1.2 }, encoding: { ...boxEncoding, y: y('wl'), y2: { field: 'q1' } } },
        { mark: { type: 'rule', strokeWidth: 1.2 }, encoding: { ...boxEncoding, y: y('q3'), y2: { field: 'wh' } } },
        {
          mark: { type: 'rect', fillOpacity: 0.18, strokeWidth: 1.2 },
          encoding: {
            x: groupX('lo'),
            x2: { field: 'hi' },
            y: y('q1'),
            y2: { field: 'q3' },
            fill: color,
            stroke: color,
            tooltip: [
              { field: 'g', type: 'nominal', title: 'group' },
              { field: 'n', type: 'quantitative', title: 'n' },
              tooltipNumber('q1', 'Q1'),
              tooltipNumber('median', 'median'),
              tooltipNumber('q3', 'Q3'),
            ],
          },
        },
        {
          mark: { type: 'rule', strokeWidth: 2.5 },
          encoding: { x: groupX('lo'), x2: { field: 'hi' }, y: y('median'), color },
        },
      ],
    },
  );
  if (showMeans && means.length > 0) {
    layer.push({
      data: { values: means },
      layer: [
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: groupX('x'), y: y('low'), y2: { field: 'high' }, color: { value: ACCENT } } },
        {
          mark: { type: 'point', shape: 'diamond', filled: true, size: 60 },
          encoding: {
            x: groupX('x'),
            y: y('mean'),
            color: { value: ACCENT },
            tooltip: [tooltipNumber('mean', 'mean'), tooltipNumber('low', 'CI low'), tooltipNumber('high', 'CI high')],
          },
        },
      ],
    });
  }
  if (input.reference) {
    layer.push({
      data: { values: [{ ref: input.reference.value, label: input.reference.label }] },
      layer: [
        { mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { y: y('ref'), color: { value: NEUTRAL } } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: -6, fontSize: 10 }, encoding: { y: y('ref'), x: { datum: -0.55, type: 'quantitative', scale: groupAxis.scale, axis: groupAxis.axis, title: groupAxis.axis.title }, text: { field: 'label' } } },
      ],
    });
  }

  const parts = ['Boxes: median and quartiles; whiskers: most extreme values within 1.5 IQR (Tukey)'];
  if (showMeans) parts.push(`diamonds: means with ${Math.round(confLevel * 100)}% CIs`);
  if (wholeData) {
    const rows = summaries.reduce((sum, b) => sum + b!.n, 0);
    parts.push(`${showMeans ? 'boxes, whiskers and means' : 'boxes and whiskers'} from all ${rows.toLocaleString('en-US')} rows`);
    parts.push(`points: outliers among a fixed sample of ${data.n.toLocaleString('en-US')} rows, and each group's extremes`);
  } else if (showPoints) parts.push('points: observations, jittered horizontally');
  else if (outliersTotal > 0) {
    parts.push(
      outliersShown < outliersTotal
        ? `points: ${outliersShown.toLocaleString('en-US')} of ${outliersTotal.toLocaleString('en-US')} outliers (a deterministic sample, extremes kept)`
        : 'points: outliers',
    );
  }
  const width = Math.min(560, Math.max(260, 110 * levels.length));
  return {
    kind: 'boxplot',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { layer }, { width }),
    caption: `${parts.join('; ')}.`,
  };
}
