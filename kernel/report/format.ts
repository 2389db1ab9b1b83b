/**
 * Text for reports and cell fallbacks: assumption lines, sample lines, captions and tables, with
 * numbers from the one formatter (kernel/contract/format.ts).
 */
import { formatCell, formatP, formatTableNumber, isNumericColumn as isNumericRows } from '../contract/format.js';
import type { AssumptionCheck, DroppedRows, Figure, ResultTable } from '../types.js';

export { formatDecisionOptions, formatDirectionAsked, formatPinOrigin, formatRoles } from '../contract/format.js';

/** The cells of a result table as text, row by row. */
export function formatTableRows(table: ResultTable): string[][] {
  return table.rows.map((row) => table.columns.map((c) => formatCell(c.key, row[c.key], c.label)));
}

/** Whether a column's cells are numbers (right-aligned). */
export function isNumericColumn(table: ResultTable, key: string): boolean {
  return isNumericRows(table.rows, key);
}

/** "shapiro_wilk on len | supp=OJ: statistic 0.93, p = .020 (not met)". */
export function formatAssumption(check: AssumptionCheck): string {
  const parts: string[] = [];
  if (check.statistic !== null && Number.isFinite(check.statistic)) parts.push(`statistic ${formatTableNumber(check.statistic)}`);
  if (check.pValue !== null && Number.isFinite(check.pValue)) parts.push(formatP(check.pValue));
  const numbers = parts.length > 0 ? `: ${parts.join(', ')}` : '';
  return `${check.check} on ${check.target}${numbers} (${check.ok ? 'met' : 'not met'})${check.note ? `. ${check.note}` : ''}`;
}

/** "n = 342; rows dropped: 2 (missing values in x)". */
export function formatSampleLine(n: number, dropped: readonly DroppedRows[]): string {
  const total = dropped.reduce((s, d) => s + d.count, 0);
  const reasons = dropped.map((d) => `${d.count.toLocaleString('en-US')} ${d.reason}`).join('; ');
  return `n = ${n.toLocaleString('en-US')}; rows dropped: ${total.toLocaleString('en-US')}${total > 0 ? ` (${reasons})` : ''}`;
}

/** A figure's caption: its own, else the one its spec carries in `usermeta` (figures rebuilt from a stored notebook). */
export function figureCaption(figure: Figure): string | undefined {
  if (figure.caption) return figure.caption;
  const stored = (figure.vegaLite.usermeta as { caption?: unknown } | undefined)?.caption;
  return typeof stored === 'string' && stored ? stored : undefined;
}
