/**
 * Scatter plots of two numeric columns, optionally coloured by a third; above 5,000 points (or
 * the byte budget) a deterministic sample is drawn and the caption says "showing N of M points".
 */
import type { Figure } from '../types.js';
import { createPlotRounder } from './aggregate.js';
import { computeKeptLevels } from './build-bar.js';
import { quantitative, tooltipNumber } from './axes.js';
import { sampleIndices } from './random.js';
import type { PairedValues } from './select.js';
import { buildGroupColorScale, buildSpec, buildTitle, formatAxisTitle, PRIMARY } from './theme.js';

/** At most this many points in one scatter plot. */
export const MAX_SCATTER_POINTS = 5000;

/** Bytes of JSON the points of one scatter may take (a spec must stay under 200 KB). */
export const SCATTER_BYTE_BUDGET = 140_000;

/** Plotted points and the caption that says whether they are a sample. */
export interface ScatterPoints {
  values: Record<string, unknown>[];
  shown: number;
  total: number;
  /** Colour levels drawn (beyond eight, the rarest pooled into "Other"). */
  colorLevels?: string[];
  caption?: string;
}

/** At most this many colours in one scatter; rarer levels share an "Other" colour. */
export const MAX_SCATTER_COLORS = 8;

/** The points to draw: all of them, or a deterministic sample within the point and byte budgets. */
export function computeScatterPoints(pairs: PairedValues, seed: number, byteBudget = SCATTER_BYTE_BUDGET): ScatterPoints {
  const total = pairs.n;
  const roundX = createPlotRounder(pairs.x);
  const roundY = createPlotRounder(pairs.y);
  const colors = pairs.color ? computeKeptLevels(pairs.color.labels, MAX_SCATTER_COLORS, pairs.color.levels) : undefined;
  const keptColors = new Set(colors?.levels);
  const pointAt = (i: number): Record<string, unknown> => {
    const p: Record<string, unknown> = { x: roundX(pairs.x[i]), y: roundY(pairs.y[i]) };
    if (pairs.color) {
      const label = pairs.color.labels[i];
      p.c = keptColors.has(label) ? label : colors?.other;
    }
    return p;
  };
  let limit = Math.min(total, MAX_SCATTER_POINTS);
  if (limit > 0) {
    const probe = sampleIndices(total, Math.min(limit, 200), seed);
    const bytesPerPoint = JSON.stringify(probe.map(pointAt)).length / probe.length + 1;
    limit = Math.min(limit, Math.floor(byteBudget / bytesPerPoint));
  }
  const indices = sampleIndices(total, limit, seed);
  const values = indices.map(pointAt);
  const notes: string[] = [];
  if (values.length < total) {
    notes.push(`Showing ${values.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} points (a deterministic random sample, seed ${seed}).`);
  }
  if (colors && colors.pooled > 0) notes.push(`The ${colors.pooled} least frequent levels of ${pairs.color?.name} share the colour "Other".`);
  return { values, shown: values.length, total, colorLevels: colors?.levels, caption: notes.length > 0 ? notes.join(' ') : undefined };
}

/** The point layer of a scatter (shared with the regression plot). */
export function buildPointLayer(pairs: PairedValues, points: ScatterPoints): Record<string, unknown> {
  const xTitle = formatAxisTitle(pairs.xName);
  const yTitle = formatAxisTitle(pairs.yName);
  const small = points.shown <= 1000;
  return {
    data: { values: points.values },
    mark: { type: 'circle', size: small ? 30 : 10, opacity: small ? 0.7 : 0.4 },
    encoding: {
      x: quantitative('x', xTitle, { scale: { zero: false } }),
      y: quantitative('y', yTitle, { scale: { zero: false } }),
      color: pairs.color
        ? { field: 'c', type: 'nominal', scale: buildGroupColorScale(points.colorLevels ?? pairs.color.levels), title: formatAxisTitle(pairs.color.name) }
        : { value: PRIMARY },
      tooltip: [
        tooltipNumber('x', xTitle),
        tooltipNumber('y', yTitle),
        ...(pairs.color ? [{ field: 'c', type: 'nominal', title: formatAxisTitle(pairs.color.name) }] : []),
      ],
    },
  };
}

/** What a scatter plot shows. */
export interface ScatterInput {
  pairs: PairedValues;
  seed: number;
  title: string;
  subtitle?: string;
}

/** A Vega-Lite scatter plot. */
export function buildScatterSpec(input: ScatterInput): Figure {
  const points = computeScatterPoints(input.pairs, input.seed);
  return {
    kind: 'scatter',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { layer: [buildPointLayer(input.pairs, points)] }),
    ...(points.caption ? { caption: points.caption } : {}),
  };
}
