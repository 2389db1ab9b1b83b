/** Histograms from pre-computed bins (one panel per group, sharing the bins), never from raw rows. */
import type { Figure } from '../types.js';
import { computeBins, countBins, type Bins } from './aggregate.js';
import { quantitative, tooltipNumber } from './axes.js';
import type { GroupedValues } from './select.js';
import { buildGroupColorScale, buildSpec, buildTitle, FIGURE_WIDTH, formatAxisTitle, PRIMARY } from './theme.js';

/** What a histogram shows. */
export interface HistogramInput {
  data: GroupedValues;
  title: string;
  subtitle?: string;
  /** Axis title of the values, when not the column's own. */
  valueTitle?: string;
}

/** The bins shared by all groups of a histogram. */
export function computeHistogramBins(data: GroupedValues): Bins {
  const all = Float64Array.from(data.samples.flatMap((s) => Array.from(s))).sort();
  return computeBins(all);
}

/** A Vega-Lite histogram (counts per bin), faceted by group when the data are grouped. */
export function buildHistogramSpec(input: HistogramInput): Figure {
  const { data } = input;
  const bins = computeHistogramBins(data);
  const grouped = data.group !== undefined;
  const values: Record<string, unknown>[] = [];
  data.samples.forEach((sample, k) => {
    const counts = countBins(sample, bins.edges);
    counts.forEach((count, b) => values.push({ g: data.levels[k], x0: bins.edges[b], x1: bins.edges[b + 1], count }));
  });
  const valueTitle = input.valueTitle ?? formatAxisTitle(data.outcome);
  const encoding = {
    x: quantitative('x0', valueTitle, { bin: { binned: true, step: bins.width }, scale: { zero: false } }),
    x2: { field: 'x1' },
    y: quantitative('count', 'Count'),
    ...(grouped
      ? { color: { field: 'g', type: 'nominal', scale: buildGroupColorScale(data.levels), legend: null } }
      : { color: { value: PRIMARY } }),
    tooltip: [tooltipNumber('x0', 'from'), tooltipNumber('x1', 'to'), { field: 'count', type: 'quantitative', title: 'count' }],
  };
  const mark = { type: 'bar', binSpacing: 1, opacity: 0.85 };
  const rule = bins.rule === 'freedman-diaconis' ? 'Freedman-Diaconis rule' : "Sturges' rule";
  const caption = `Bin width ${bins.width} (${rule}, rounded to a nice number); ${data.n.toLocaleString('en-US')} observations.`;
  const title = buildTitle(input.title, input.subtitle);
  if (!grouped) {
    return { kind: 'histogram', title: input.title, vegaLite: buildSpec(title, { data: { values }, mark, encoding }), caption };
  }
  const panelHeight = Math.max(60, Math.min(120, Math.floor(360 / data.levels.length)));
  const spec = buildSpec(
    title,
    {
      data: { values },
      facet: {
        row: {
          field: 'g',
          type: 'nominal',
          sort: data.levels,
          title: null,
          header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelAlign: 'left', labelFontSize: 11, labelFontWeight: 'bold', labelPadding: 2 },
        },
      },
      spec: { width: FIGURE_WIDTH, height: panelHeight, mark, encoding },
      spacing: 6,
      resolve: { scale: { y: 'independent' } },
    },
    null,
  );
  return { kind: 'histogram', title: input.title, vegaLite: spec, caption };
}
