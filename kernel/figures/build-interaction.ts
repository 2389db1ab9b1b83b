/**
 * The figures of the factorial designs. The interaction plot: the mean of each cell with its t
 * interval (from the cell's own SD), the first factor on x and one line per level of the second, so
 * non-parallel lines show an interaction. The ANCOVA plot: the outcome against the first covariate
 * coloured by group, with each group's fitted line from the ANCOVA model itself (common slope, the
 * group's adjusted mean at the covariates' means; other covariates held at their means).
 */
import type { Figure } from '../types.js';
import { computeMeanCi, createPlotRounder } from './aggregate.js';
import { quantitative, tooltipNumber } from './axes.js';
import { buildPointLayer, computeScatterPoints } from './build-scatter.js';
import type { PairedValues } from './select.js';
import { buildGroupColorScale, buildSpec, buildTitle, formatAxisTitle } from './theme.js';

/** One cell of the design: its levels of the plotted factors and its values. */
export interface InteractionCell {
  x: string;
  line: string;
  values: Float64Array;
}

/** What an interaction plot shows. */
export interface InteractionInput {
  outcome: string;
  xFactor: string;
  lineFactor: string;
  xLevels: string[];
  lineLevels: string[];
  cells: InteractionCell[];
  confLevel: number;
  title: string;
  subtitle?: string;
  /** Said in the caption, e.g. "tension = H" for one panel of a three-way design. */
  panel?: string;
}

/** A Vega-Lite interaction plot of cell means with their confidence intervals. */
export function buildInteractionSpec(input: InteractionInput): Figure {
  const all = input.cells.flatMap((c) => Array.from(c.values));
  const round = createPlotRounder(all);
  const rows = input.cells.map((c) => {
    const m = computeMeanCi(c.values, input.confLevel);
    return {
      x: c.x,
      line: c.line,
      mean: round(m.mean),
      low: Number.isFinite(m.low) ? round(m.low) : null,
      high: Number.isFinite(m.high) ? round(m.high) : null,
      n: c.values.length,
    };
  });
  const yTitle = `Mean ${formatAxisTitle(input.outcome)}`;
  const pct = `${Math.round(input.confLevel * 100)}%`;
  const x = { field: 'x', type: 'ordinal', title: formatAxisTitle(input.xFactor), sort: input.xLevels, scale: { domain: input.xLevels, paddingOuter: 0.3 }, axis: { labelAngle: 0 } };
  const color = { field: 'line', type: 'nominal', title: formatAxisTitle(input.lineFactor), scale: buildGroupColorScale(input.lineLevels), sort: input.lineLevels };
  const tooltip = [
    { field: 'x', type: 'nominal', title: formatAxisTitle(input.xFactor) },
    { field: 'line', type: 'nominal', title: formatAxisTitle(input.lineFactor) },
    tooltipNumber('mean', 'mean'),
    tooltipNumber('low', `${pct} CI lower`),
    tooltipNumber('high', `${pct} CI upper`),
    { field: 'n', type: 'quantitative', title: 'n' },
  ];
  const layer = [
    {
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: { x, y: quantitative('low', yTitle, { scale: { zero: false } }), y2: { field: 'high' }, color, tooltip },
    },
    {
      mark: { type: 'line', point: { filled: true, size: 60 }, strokeWidth: 2 },
      encoding: { x, y: quantitative('mean', yTitle, { scale: { zero: false } }), color, tooltip },
    },
  ];
  return {
    kind: 'interaction',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { data: { values: rows }, layer }),
    caption: `Cell means with ${pct} confidence intervals (t, from each cell's own SD); one line per level of ${input.lineFactor}. Lines that are not parallel suggest an interaction.${input.panel ? ` Panel: ${input.panel}.` : ''}`,
  };
}

/** What the ANCOVA plot shows: points (x = first covariate) coloured by group and each group's fitted line. */
export interface AncovaPlotInput {
  pairs: PairedValues & { color: NonNullable<PairedValues['color']> };
  /** Each group's line: y = intercept + slope x (the model's, other covariates at their means). */
  lines: { level: string; intercept: number; slope: number }[];
  seed: number;
  title: string;
  subtitle?: string;
  /** Other covariates held at their means, for the caption. */
  heldAt?: string;
}

/** A Vega-Lite scatter with the ANCOVA model's parallel lines. */
export function buildAncovaSpec(input: AncovaPlotInput): Figure {
  const points = computeScatterPoints(input.pairs, input.seed);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of input.pairs.x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const roundY = createPlotRounder(input.pairs.y);
  const roundX = createPlotRounder(input.pairs.x);
  const lineValues = input.lines.flatMap((l) => [lo, hi].map((x) => ({ x: roundX(x), y: roundY(l.intercept + l.slope * x), c: l.level })));
  const colorLevels = points.colorLevels ?? input.pairs.color.levels;
  const xTitle = formatAxisTitle(input.pairs.xName);
  const yTitle = formatAxisTitle(input.pairs.yName);
  const lineLayer = {
    data: { values: lineValues },
    mark: { type: 'line', strokeWidth: 2.5 },
    encoding: {
      x: quantitative('x', xTitle, { scale: { zero: false } }),
      y: quantitative('y', yTitle, { scale: { zero: false } }),
      color: { field: 'c', type: 'nominal', scale: buildGroupColorScale(colorLevels), title: formatAxisTitle(input.pairs.color.name) },
      detail: { field: 'c', type: 'nominal' },
    },
  };
  const notes = [
    `Lines: the ANCOVA model's fit for each group of ${input.pairs.color.name} (one common slope${input.heldAt ? `; ${input.heldAt} held at their means` : ''}).`,
    ...(points.caption ? [points.caption] : []),
  ];
  return {
    kind: 'scatter',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { layer: [buildPointLayer(input.pairs, points), lineLayer] }),
    caption: notes.join(' '),
  };
}
