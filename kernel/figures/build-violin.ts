/**
 * Violins per group: each group's kernel density (Gaussian, R's `bw.nrd0`) mirrored around its
 * position, scaled so that every violin has the same area (ggplot2's default), with the quartiles
 * and median inside.
 */
import type { Figure } from '../types.js';
import { computeBoxStats, createPlotRounder } from './aggregate.js';
import { buildGroupAxisX, quantitative, tooltipNumber } from './axes.js';
import { computeGroupDensities } from './build-kde.js';
import type { GroupedValues } from './select.js';
import { buildGroupColorScale, buildSpec, buildTitle, formatAxisTitle, NEUTRAL, PRIMARY } from './theme.js';

/** What a violin plot shows. */
export interface ViolinInput {
  data: GroupedValues;
  title: string;
  subtitle?: string;
}

/** Densities below this fraction of a group's peak are trimmed from the ends of its violin. */
const TRIM = 1e-3;

/** A Vega-Lite violin plot per group. */
export function buildViolinSpec(input: ViolinInput): Figure {
  const { data } = input;
  const grouped = data.group !== undefined;
  const levels = data.levels;
  const { grid, densities } = computeGroupDensities(data, 120);
  const all = Float64Array.from(data.samples.flatMap((s) => Array.from(s)));
  const round = createPlotRounder(all);
  const peak = Math.max(...densities.map((d) => Math.max(...d.density)));
  const halfWidth = 0.42;
  const outline: Record<string, unknown>[] = [];
  const boxes: Record<string, unknown>[] = [];
  densities.forEach((d, k) => {
    const own = Math.max(...d.density);
    for (let j = 0; j < grid.length; j++) {
      if (d.density[j] < TRIM * own) continue;
      const w = (d.density[j] / peak) * halfWidth;
      outline.push({ g: d.level, v: round(grid[j]), lo: Number((k - w).toFixed(5)), hi: Number((k + w).toFixed(5)) });
    }
    if (data.samples[k].length > 0) {
      const box = computeBoxStats(Float64Array.from(data.samples[k]).sort());
      boxes.push({ g: d.level, x: k, q1: round(box.q1), median: round(box.median), q3: round(box.q3), n: box.n });
    }
  });
  const valueTitle = formatAxisTitle(data.outcome);
  const groupAxis = buildGroupAxisX(levels, grouped ? formatAxisTitle(data.group as string) : null);
  const groupX = (field: string) => quantitative(field, groupAxis.axis.title as string | null, { scale: groupAxis.scale, axis: groupAxis.axis });
  const y = (field: string) => quantitative(field, valueTitle, { scale: { zero: false } });
  const color = grouped
    ? { field: 'g', type: 'nominal', scale: buildGroupColorScale(levels), legend: null }
    : { value: PRIMARY };
  const layer = [
    {
      data: { values: outline },
      mark: { type: 'area', orient: 'horizontal', fillOpacity: 0.35, strokeWidth: 1.2, line: false },
      encoding: { y: y('v'), x: groupX('lo'), x2: { field: 'hi' }, color, detail: { field: 'g' } },
    },
    {
      data: { values: boxes },
      layer: [
        { mark: { type: 'rule', strokeWidth: 5 }, encoding: { x: groupX('x'), y: y('q1'), y2: { field: 'q3' }, color: { value: NEUTRAL } } },
        {
          mark: { type: 'point', filled: true, size: 40 },
          encoding: {
            x: groupX('x'),
            y: y('median'),
            color: { value: 'white' },
            tooltip: [
              { field: 'g', type: 'nominal', title: 'group' },
              { field: 'n', type: 'quantitative', title: 'n' },
              tooltipNumber('q1', 'Q1'),
              tooltipNumber('median', 'median'),
              tooltipNumber('q3', 'Q3'),
            ],
          },
        },
      ],
    },
  ];
  const width = Math.min(560, Math.max(260, 110 * levels.length));
  return {
    kind: 'violin',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { layer }, { width }),
    caption:
      "Violins: Gaussian kernel densities (Silverman's bandwidth, as R's bw.nrd0), equal areas; grey bars: quartiles; white dots: medians.",
  };
}
