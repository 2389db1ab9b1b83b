/** The sentence and tables of `describe`. */
import type { ResultTable } from '../../types.js';
import { formatNumber } from '../common/format.js';
import type { Summary } from '../types.js';
import type { ColumnDescription, DescribeResult } from './compute.js';

/** "body_mass_g: M = 4201.75, SD = 801.95, n = 342 (2 missing)." for one column, or a count for several. */
function describeOne(c: ColumnDescription): string {
  const where = c.group !== undefined ? `${c.column} (${c.group})` : c.column;
  const missing = c.missing > 0 ? ` (${c.missing} missing)` : '';
  if (c.mean !== undefined) {
    return `${where}: M = ${formatNumber(c.mean)}, SD = ${formatNumber(c.sd ?? NaN)}, Mdn = ${formatNumber(c.median ?? NaN)}, n = ${c.n}${missing}`;
  }
  if (c.levels) {
    const top = c.levels.slice(0, 6).map((l) => `${l.value} ${l.count}`).join(', ');
    return `${where}: ${c.levels.length} levels (${top}${c.levels.length > 6 ? ', ...' : ''}), n = ${c.n}${missing}`;
  }
  return `${where}: ${c.distinct} distinct values, n = ${c.n}${missing}`;
}

/** One sentence and two tables: numeric summaries and level counts. */
export function summarizeDescribe(result: DescribeResult): Summary {
  const items = result.columns;
  const names = [...new Set(items.map((c) => c.column))];
  const summary =
    items.length <= 4
      ? `${items.map(describeOne).join('; ')}.`
      : `Described ${names.length} column${names.length === 1 ? '' : 's'}${result.group ? ` by ${result.group}` : ''}.`;
  const grouped = result.group !== undefined;
  const numeric: ResultTable = {
    title: 'Numeric columns',
    columns: [
      { key: 'column', label: 'Column' },
      ...(grouped ? [{ key: 'group', label: result.group as string }] : []),
      { key: 'n', label: 'N' },
      { key: 'missing', label: 'Missing' },
      { key: 'mean', label: 'Mean' },
      { key: 'sd', label: 'SD' },
      { key: 'se', label: 'SE' },
      { key: 'min', label: 'Min' },
      { key: 'q1', label: 'Q1' },
      { key: 'median', label: 'Median' },
      { key: 'q3', label: 'Q3' },
      { key: 'max', label: 'Max' },
      { key: 'skewness', label: 'Skewness' },
      { key: 'kurtosis', label: 'Kurtosis' },
    ],
    rows: items
      .filter((c) => c.mean !== undefined)
      .map((c) => ({
        column: c.column,
        ...(grouped ? { group: c.group ?? null } : {}),
        n: c.n,
        missing: c.missing,
        mean: c.mean ?? null,
        sd: c.sd ?? null,
        se: c.se ?? null,
        min: c.min ?? null,
        q1: c.q1 ?? null,
        median: c.median ?? null,
        q3: c.q3 ?? null,
        max: c.max ?? null,
        skewness: c.skewness ?? null,
        kurtosis: c.kurtosis ?? null,
      })),
    note: 'Quantiles: R type 7. Skewness and kurtosis: sample-adjusted G1 and excess G2 (SPSS, SAS; e1071 type 2).',
  };
  const levels: ResultTable = {
    title: 'Categorical columns',
    columns: [
      { key: 'column', label: 'Column' },
      ...(grouped ? [{ key: 'group', label: result.group as string }] : []),
      { key: 'value', label: 'Level' },
      { key: 'count', label: 'Count' },
    ],
    rows: items.flatMap((c) =>
      (c.levels ?? []).map((l) => ({ column: c.column, ...(grouped ? { group: c.group ?? null } : {}), value: l.value, count: l.count })),
    ),
  };
  const tables = [numeric, levels].filter((t) => t.rows.length > 0);
  return { summary, tables };
}
