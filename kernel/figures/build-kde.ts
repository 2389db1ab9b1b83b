/** Kernel density curves (Gaussian kernel, R's `bw.nrd0` bandwidth) computed on a grid in the kernel. */
import type { Figure } from '../types.js';
import { computeBandwidth, computeGrid, computeKde, createPlotRounder } from './aggregate.js';
import { quantitative, tooltipNumber } from './axes.js';
import type { GroupedValues } from './select.js';
import { buildGroupColorScale, buildSpec, buildTitle, formatAxisTitle, PRIMARY } from './theme.js';

/** Points of each density curve. */
export const KDE_GRID_POINTS = 200;

/** What a density plot shows. */
export interface KdeInput {
  data: GroupedValues;
  title: string;
  subtitle?: string;
}

/** One group's density on a shared grid. */
export interface GroupDensity {
  level: string;
  bandwidth: number;
  density: Float64Array;
}

/**
 * Each group's density on one grid reaching three bandwidths beyond the data (R's `cut = 3`),
 * with its own bandwidth.
 */
export function computeGroupDensities(data: GroupedValues, points = KDE_GRID_POINTS): { grid: Float64Array; densities: GroupDensity[] } {
  const sorted = data.samples.map((s) => Float64Array.from(s).sort());
  const bandwidths = sorted.map((s) => computeBandwidth(s));
  let lo = Infinity;
  let hi = -Infinity;
  sorted.forEach((s, k) => {
    if (s.length === 0) return;
    lo = Math.min(lo, s[0] - 3 * bandwidths[k]);
    hi = Math.max(hi, s[s.length - 1] + 3 * bandwidths[k]);
  });
  const grid = computeGrid(lo, hi, points);
  return {
    grid,
    densities: sorted.map((s, k) => ({ level: data.levels[k], bandwidth: bandwidths[k], density: computeKde(s, bandwidths[k], grid) })),
  };
}

/** A Vega-Lite density plot: one filled curve per group. */
export function buildKdeSpec(input: KdeInput): Figure {
  const { data } = input;
  const grouped = data.group !== undefined;
  const { grid, densities } = computeGroupDensities(data);
  const roundX = createPlotRounder(grid);
  const maxDensity = Math.max(...densities.map((d) => Math.max(...d.density)));
  const roundY = createPlotRounder([0, maxDensity]);
  const values: Record<string, unknown>[] = [];
  for (const d of densities) {
    for (let j = 0; j < grid.length; j++) values.push({ g: d.level, x: roundX(grid[j]), density: roundY(d.density[j]) });
  }
  const valueTitle = formatAxisTitle(data.outcome);
  const color = grouped
    ? { field: 'g', type: 'nominal', scale: buildGroupColorScale(data.levels), title: formatAxisTitle(data.group as string) }
    : { value: PRIMARY };
  const x = quantitative('x', valueTitle, { scale: { zero: false, nice: false } });
  // Densities overlap; they must not stack.
  const y = quantitative('density', 'Density', { stack: null });
  const layer = [
    { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y, color, ...(grouped ? { detail: { field: 'g' } } : {}) } },
    {
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { x, y, color, tooltip: [tooltipNumber('x', valueTitle), tooltipNumber('density', 'density')] },
    },
  ];
  const bw = densities.map((d) => (grouped ? `${d.level} ${d.bandwidth.toPrecision(3)}` : d.bandwidth.toPrecision(3))).join(', ');
  return {
    kind: 'kde',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { data: { values }, layer }),
    caption: `Gaussian kernel density; bandwidth (Silverman's rule, as R's bw.nrd0): ${bw}.`,
  };
}
