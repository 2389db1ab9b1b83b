/**
 * Observed counts as bars with the expected counts marked (chi-square goodness of fit): one bar per
 * level, a tick at the count the null hypothesis expects.
 */
import type { Figure } from '../types.js';
import { quantitative, tooltipNumber } from './axes.js';
import { ACCENT, buildSpec, buildTitle, formatAxisTitle, PRIMARY } from './theme.js';

/** What the figure shows. */
export interface ExpectedBarInput {
  column: string;
  levels: readonly string[];
  observed: readonly number[];
  expected: readonly number[];
  title: string;
  subtitle?: string;
}

/** A Vega-Lite bar chart of observed counts with the expected counts as ticks. */
export function buildExpectedBarSpec(input: ExpectedBarInput): Figure {
  const values = input.levels.map((level, k) => ({ level, observed: input.observed[k], expected: Math.round(input.expected[k] * 100) / 100 }));
  const x = { field: 'level', type: 'nominal', sort: [...input.levels], title: formatAxisTitle(input.column), axis: { labelAngle: input.levels.length > 6 ? -40 : 0 } };
  const layer = [
    {
      mark: { type: 'bar', color: PRIMARY, opacity: 0.85 },
      encoding: { x, y: quantitative('observed', 'Count'), tooltip: [{ field: 'level', type: 'nominal', title: input.column }, tooltipNumber('observed', 'observed'), tooltipNumber('expected', 'expected')] },
    },
    {
      mark: { type: 'tick', color: ACCENT, thickness: 3, size: 40 },
      encoding: { x, y: quantitative('expected', 'Count') },
    },
  ];
  return {
    kind: 'bar',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { data: { values }, layer }),
    caption: 'Bars: observed counts; orange ticks: the counts expected under the null proportions.',
  };
}
