/** APA-style number formatting for summary sentences (tables keep full precision). */

/** A p-value as APA writes it: "p = .061", "p < .001" (no leading zero). */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'p = NA';
  if (p < 0.001) return 'p < .001';
  const text = p.toFixed(3);
  return `p = ${text.startsWith('1') ? '1.000' : text.replace(/^0/, '')}`;
}

/** A number with fixed decimals and a true minus sign avoided (plain ASCII for portability). */
export function formatNumber(x: number, digits = 2): string {
  if (Number.isNaN(x)) return 'NA';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A statistic bounded by 1 (correlations, proportions) without the leading zero, as APA asks. */
export function formatBounded(x: number, digits = 2): string {
  return formatNumber(x, digits).replace(/^(-?)0\./, '$1.');
}

/** Degrees of freedom: integers as integers, fractional ones to two decimals. */
export function formatDf(df: number): string {
  return Number.isInteger(df) ? String(df) : formatNumber(df, 2);
}

/** "95% CI [-0.75, -0.31]". */
export function formatCi(confLevel: number, low: number, high: number, digits = 2): string {
  return `${formatNumber(confLevel * 100, 0)}% CI [${formatNumber(low, digits)}, ${formatNumber(high, digits)}]`;
}
