/** The sentence and tables of `describe`. */
import type { ResultTable } from '../../types.js';
import { formatNumber } from '../common/format.js';
import { tableColumns, tableRow, type ColumnSpec } from '../common/table.js';
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
  // Each row starts with the column described (and the group, when grouped).
  const lead: ColumnSpec[] = [['column', 'Column'], ...(result.group !== undefined ? [['group', result.group] as const] : [])];
  const stats: ColumnSpec[] = [
    ['n', 'N'],
    ['missing', 'Missing'],
    ['mean', 'Mean'],
    ['sd', 'SD'],
    ['se', 'SE'],
    ['min', 'Min'],
    ['q1', 'Q1'],
    ['median', 'Median'],
    ['q3', 'Q3'],
    ['max', 'Max'],
    ['skewness', 'Skewness'],
    ['kurtosis', 'Kurtosis'],
  ];
  const numeric: ResultTable = {
    title: 'Numeric columns',
    columns: tableColumns([...lead, ...stats]),
    rows: items.filter((c) => c.mean !== undefined).map((c) => tableRow([...lead, ...stats], c)),
    note: 'Quantiles: R type 7. Skewness and kurtosis: sample-adjusted G1 and excess G2 (SPSS, SAS; e1071 type 2).',
  };
  const counts: ColumnSpec[] = [
    ['value', 'Level'],
    ['count', 'Count'],
  ];
  const levels: ResultTable = {
    title: 'Categorical columns',
    columns: tableColumns([...lead, ...counts]),
    rows: items.flatMap((c) => (c.levels ?? []).map((l) => ({ ...tableRow(lead, c), ...tableRow(counts, l) }))),
  };
  const tables = [numeric, levels].filter((t) => t.rows.length > 0);
  return { summary, tables };
}
