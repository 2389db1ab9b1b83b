/**
 * Normal QQ plots (R's `qqnorm` plotting positions and `qqline` reference line), one panel per
 * group; above 1,000 observations the order statistics are thinned evenly, keeping both tails.
 */
import type { Figure } from '../types.js';
import { computeQqPoints, createPlotRounder, QQ_MAX_POINTS } from './aggregate.js';
import { quantitative, tooltipNumber } from './axes.js';
import type { GroupedValues } from './select.js';
import { ACCENT, buildGroupColorScale, buildSpec, buildTitle, formatAxisTitle, PRIMARY } from './theme.js';

/** What a QQ plot shows. */
export interface QqplotInput {
  data: GroupedValues;
  title: string;
  subtitle?: string;
  /** Axis title of the sample quantiles, when not the column's own (e.g. "Residuals"). */
  valueTitle?: string;
}

/** A Vega-Lite normal QQ plot, faceted by group when the data are grouped. */
export function buildQqplotSpec(input: QqplotInput): Figure {
  const { data } = input;
  const grouped = data.group !== undefined;
  const all = Float64Array.from(data.samples.flatMap((s) => Array.from(s)));
  const round = createPlotRounder(all);
  const values: Record<string, unknown>[] = [];
  let thinned = false;
  // One figure shows at most about 2,500 points, however many groups it has.
  const perGroup = Math.max(200, Math.min(QQ_MAX_POINTS, Math.floor(2500 / data.levels.length)));
  data.samples.forEach((sample, k) => {
    if (sample.length < 2) return;
    const qq = computeQqPoints(Float64Array.from(sample).sort(), perGroup);
    thinned ||= qq.n > perGroup;
    for (let i = 0; i < qq.theoretical.length; i++) {
      values.push({ g: data.levels[k], kind: 'point', t: round3(qq.theoretical[i]), s: round(qq.sample[i]) });
    }
    const ends = [qq.theoretical[0], qq.theoretical[qq.theoretical.length - 1]];
    for (const t of ends) values.push({ g: data.levels[k], kind: 'line', t: round3(t), s: round(qq.intercept + qq.slope * t) });
  });
  const valueTitle = input.valueTitle ?? `Sample quantiles: ${formatAxisTitle(data.outcome)}`;
  const color = grouped
    ? { field: 'g', type: 'nominal', scale: buildGroupColorScale(data.levels), legend: null }
    : { value: PRIMARY };
  const x = quantitative('t', 'Theoretical normal quantiles');
  const y = quantitative('s', valueTitle, { scale: { zero: false } });
  const layer = [
    {
      transform: [{ filter: "datum.kind === 'line'" }],
      mark: { type: 'line', color: ACCENT, strokeWidth: 1.5, strokeDash: [5, 3] },
      encoding: { x, y },
    },
    {
      transform: [{ filter: "datum.kind === 'point'" }],
      mark: { type: 'circle', size: 18, opacity: 0.7 },
      encoding: { x, y, color, tooltip: [tooltipNumber('t', 'theoretical'), tooltipNumber('s', 'sample')] },
    },
  ];
  const caption = `Points: ordered observations against normal quantiles (R's ppoints); dashed line through the quartiles (R's qqline)${
    thinned ? `; above ${perGroup.toLocaleString('en-US')} observations per panel, ${perGroup.toLocaleString('en-US')} order statistics evenly spaced in rank, tails kept` : ''
  }.`;
  const title = buildTitle(input.title, input.subtitle);
  if (!grouped || data.levels.length === 1) {
    return { kind: 'qqplot', title: input.title, vegaLite: buildSpec(title, { data: { values }, layer }, { height: 300, width: 360 }), caption };
  }
  const columns = Math.min(3, data.levels.length);
  const panel = Math.floor(520 / columns) - 20;
  const spec = buildSpec(
    title,
    {
      data: { values },
      facet: { field: 'g', type: 'nominal', sort: data.levels, title: formatAxisTitle(data.group as string), header: { labelFontSize: 11 } },
      columns,
      spec: { width: panel, height: panel, layer },
      spacing: 12,
    },
    null,
  );
  return { kind: 'qqplot', title: input.title, vegaLite: spec, caption };
}

/** Theoretical quantiles to three decimals: far below a pixel at plot scale. */
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
