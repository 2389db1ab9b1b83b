/**
 * Numbers for reading (tables in cell text and reports): about four significant digits, p-values
 * as APA writes them, integers as integers. The JSON keeps full precision; only text is rounded.
 */
import type { AnalysisOptions, AssumptionCheck, DroppedRows, Figure, ResultTable, Roles, TableValue } from '../types.js';

/** Whether a table column holds p-values (by key or label: `p`, `pValue`, `p_value`, `pAdj`, `p (adj.)`). */
export function isPColumn(key: string, label = ''): boolean {
  return /^p(_|$|[A-Z0-9])/.test(key) || /p_?value|p_?adj/i.test(key) || /^p(\s|$|-|\()/i.test(label.trim());
}

/** A p-value for a table: "< .001", ".061", "1.000" (APA, no leading zero). */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return 'NA';
  if (p < 0.001) return '< .001';
  const text = p.toFixed(3);
  return text.startsWith('1') ? '1.000' : text.replace(/^0/, '');
}

/** A number with about four significant digits, without exponent for everyday magnitudes. */
export function formatReadable(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NA';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  if (magnitude >= 9 || magnitude < -4) return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  const decimals = Math.max(0, digits - 1 - magnitude);
  const text = x.toFixed(decimals);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** One table cell as text: p-values as APA, numbers readable, null as an em dash. */
export function formatTableValue(value: TableValue | undefined, key: string, label = ''): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  return isPColumn(key, label) ? formatPValue(value) : formatReadable(value);
}

/** The cells of a result table as text, row by row. */
export function formatTableRows(table: ResultTable): string[][] {
  return table.rows.map((row) => table.columns.map((c) => formatTableValue(row[c.key], c.key, c.label)));
}

/** Whether a column's cells are numbers (right-aligned). */
export function isNumericColumn(table: ResultTable, key: string): boolean {
  return table.rows.some((r) => typeof r[key] === 'number') && table.rows.every((r) => r[key] === null || typeof r[key] === 'number');
}

/** "outcome = len, group = supp". */
export function formatRoles(roles: Roles | Record<string, unknown>): string {
  return Object.entries(roles)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k === 'pairId' ? 'pair_id' : k} = ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join('; ');
}

/**
 * The options a reader must see on the decision line because they restrict the rows or change the
 * hypothesis (review L8): `where`, `levels`, a one-sided `alternative`, a non-zero `mu`, a confidence
 * level other than 95%. (renderers/result/format.ts says the same for the notebook view.)
 */
export function formatDecisionOptions(options: Partial<AnalysisOptions> | undefined): string[] {
  if (!options) return [];
  const out: string[] = [];
  const conditions = (Array.isArray(options.where) ? options.where : []).map((w) => `${w.column} ${w.op === '!=' ? '≠' : '='} ${w.value}`);
  if (conditions.length) out.push(`only rows where ${conditions.join(' and ')}`);
  if (Array.isArray(options.levels) && options.levels.length) out.push(`only levels ${options.levels.join(', ')}`);
  if (typeof options.alternative === 'string' && options.alternative !== 'two-sided') out.push(`one-sided test (alternative: ${options.alternative})`);
  if (typeof options.mu === 'number' && options.mu !== 0) out.push(`tested against ${formatReadable(options.mu)} (mu)`);
  if (typeof options.confLevel === 'number' && options.confLevel !== 0.95) out.push(`${formatReadable(options.confLevel * 100)}% confidence intervals`);
  return out;
}

/** Who pinned a reused decision, when it was not the person who ran it (review L8). */
export function formatPinOrigin(origin: unknown): string | undefined {
  if (origin === 'another-author') return 'pinned by another author';
  if (origin === 'file') return 'pinned in the file, not by you';
  return undefined;
}

/** "shapiro_wilk on len | supp=OJ: statistic 0.93, p = .020 (not met)". */
export function formatAssumption(check: AssumptionCheck): string {
  const parts: string[] = [];
  if (check.statistic !== null && Number.isFinite(check.statistic)) parts.push(`statistic ${formatReadable(check.statistic)}`);
  if (check.pValue !== null && Number.isFinite(check.pValue)) {
    const p = formatPValue(check.pValue);
    parts.push(p.startsWith('<') ? `p ${p}` : `p = ${p}`);
  }
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
