/** The small descriptive tables that accompany plot-only tasks. */
import { mean, sd } from '../analyses/common/moments.js';
import { quantileSorted } from '../analyses/common/quantile.js';
import type { ResultTable } from '../types.js';
import type { GroupedValues, PairedValues } from './select.js';
import { formatAxisTitle } from './theme.js';

/** n, mean, SD, min, quartiles and max of each group (or of the whole column). */
export function buildDescriptiveTable(data: GroupedValues): ResultTable {
  const grouped = data.group !== undefined;
  const rows = data.samples.map((sample, k) => {
    const sorted = Float64Array.from(sample).sort();
    const row: Record<string, number | string | null> = {};
    if (grouped) row.group = data.levels[k];
    const n = sorted.length;
    Object.assign(row, {
      n,
      mean: n > 0 ? mean(sorted) : null,
      sd: n > 1 ? sd(sorted) : null,
      min: n > 0 ? sorted[0] : null,
      q1: n > 0 ? quantileSorted(sorted, 0.25) : null,
      median: n > 0 ? quantileSorted(sorted, 0.5) : null,
      q3: n > 0 ? quantileSorted(sorted, 0.75) : null,
      max: n > 0 ? sorted[n - 1] : null,
    });
    return row;
  });
  const columns = [
    ...(grouped ? [{ key: 'group', label: formatAxisTitle(data.group as string) }] : []),
    { key: 'n', label: 'n' },
    { key: 'mean', label: 'Mean' },
    { key: 'sd', label: 'SD' },
    { key: 'min', label: 'Min' },
    { key: 'q1', label: 'Q1' },
    { key: 'median', label: 'Median' },
    { key: 'q3', label: 'Q3' },
    { key: 'max', label: 'Max' },
  ];
  return { title: `Descriptives: ${formatAxisTitle(data.outcome)}`, columns, rows, note: 'Quartiles as R type 7.' };
}

/** n, means and SDs of the two columns of a scatter. */
export function buildPairedDescriptiveTable(pairs: PairedValues): ResultTable {
  const row = (name: string, values: Float64Array) => ({ variable: name, n: values.length, mean: mean(values), sd: sd(values) });
  return {
    title: 'Descriptives',
    columns: [
      { key: 'variable', label: 'Variable' },
      { key: 'n', label: 'n' },
      { key: 'mean', label: 'Mean' },
      { key: 'sd', label: 'SD' },
    ],
    rows: [row(pairs.xName, pairs.x), row(pairs.yName, pairs.y)],
  };
}
