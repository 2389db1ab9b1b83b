/**
 * Number formatting for reading (the result JSON keeps full precision; the renderer rounds for the
 * eye and keeps the exact value in the cell's title). APA conventions: p without a leading zero and
 * "< .001"; statistics bounded by 1 without the leading zero; integers stay integers.
 */

/** Column keys that hold p-values. */
const P_KEYS = /^(p|p_value|p_adj|f_p_value|p\.value|pvalue|p_val)$/i;

/** Column keys that hold degrees of freedom. */
const DF_KEYS = /^(df|df1|df2|df_between|df_within|df_model|df_resid|df_num|df_den)$/i;

/** Column keys that hold counts. */
const COUNT_KEYS = /^(n|n_\d+|n_missing|count|missing|rows|distinct)$/i;

/** Column keys that hold statistics bounded by 1 in absolute value (APA: no leading zero). */
const BOUNDED_KEYS = /^(r|rho|tau|estimate_r|r_squared|adj_r_squared|eta_squared|omega_squared|epsilon_squared|cramers_v|rank_biserial|w)$/i;

/** A p-value as APA writes it: ".061", "< .001", "1.000". */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p < 0.001) return '< .001';
  if (p >= 0.9995) return '1.000';
  return p.toFixed(3).replace(/^0/, '');
}

/** A p-value with its symbol: "p = .061", "p < .001". */
export function formatPWithSymbol(p: number): string {
  const text = formatPValue(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

/** Degrees of freedom: integers as integers, fractional ones to two decimals. */
export function formatDf(df: number): string {
  if (!Number.isFinite(df)) return '—';
  return Number.isInteger(df) ? String(df) : df.toFixed(2);
}

/** A general number for reading: integers as integers, tiny or huge values in scientific notation, else 3 decimals. */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'NA';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  // Thousands separators from 10,000 up (so years and four-digit values read as they are written).
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return Math.abs(x) >= 10000 ? x.toLocaleString('en-US') : String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 10 ** -digits || abs >= 1e6)) return x.toExponential(2);
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A statistic bounded by 1 (correlations, effect sizes of variance explained) without the leading zero. */
export function formatBounded(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  return formatNumber(x, digits).replace(/^(-?)0\./, '$1.');
}

/** A table cell's value, formatted by what its column key says it holds. */
export function formatCell(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // JSON has no infinities: the kernel stores them as strings (kernel/notebook/outputs.ts).
  if (value === 'Infinity') return '∞';
  if (value === '-Infinity') return '−∞';
  if (value === 'NaN') return 'NA';
  if (typeof value !== 'number') return String(value);
  if (P_KEYS.test(key)) return formatPValue(value);
  if (DF_KEYS.test(key)) return formatDf(value);
  if (COUNT_KEYS.test(key) && Number.isInteger(value)) return formatNumber(value);
  if (BOUNDED_KEYS.test(key) && Math.abs(value) <= 1) return formatBounded(value);
  return formatNumber(value);
}

/** Whether a column holds numbers that should be right-aligned. */
export function isNumericColumn(rows: readonly Record<string, unknown>[], key: string): boolean {
  return rows.some((r) => typeof r[key] === 'number') && rows.every((r) => r[key] == null || typeof r[key] === 'number');
}

/** "outcome = flipper_length_mm, group = sex": roles for a decision line (JSON or camelCase keys). */
export function formatRoles(roles: Record<string, unknown> | undefined): string {
  if (!roles) return '';
  const parts: string[] = [];
  for (const [role, value] of Object.entries(roles)) {
    if (value === undefined || value === null || value === '') continue;
    const name = role === 'pairId' ? 'pair_id' : role;
    parts.push(`${name} = ${Array.isArray(value) ? value.join(' + ') : String(value)}`);
  }
  return parts.join(', ');
}

/**
 * The options a reader must see next to the analysis because they restrict the rows or change the
 * hypothesis (review L8): `where`, `levels`, a one-sided `alternative`, a non-zero `mu`, a confidence
 * level other than 95%. Reads snake_case or camelCase JSON; anything else is left out.
 */
export function formatDecisionOptions(options: Record<string, unknown> | undefined): string[] {
  if (!options) return [];
  const out: string[] = [];
  const where = Array.isArray(options.where) ? options.where : [];
  const conditions = where
    .filter((w): w is Record<string, unknown> => typeof w === 'object' && w !== null)
    .map((w) => `${String(w.column)} ${w.op === '!=' ? '≠' : '='} ${String(w.value)}`);
  if (conditions.length) out.push(`only rows where ${conditions.join(' and ')}`);
  if (Array.isArray(options.levels) && options.levels.length) out.push(`only levels ${options.levels.map(String).join(', ')}`);
  if (typeof options.alternative === 'string' && options.alternative !== 'two-sided') out.push(`one-sided test (alternative: ${options.alternative})`);
  if (typeof options.mu === 'number' && options.mu !== 0) out.push(`tested against ${formatNumber(options.mu)} (mu)`);
  const conf = options.conf_level ?? options.confLevel;
  if (typeof conf === 'number' && conf !== 0.95) out.push(`${formatNumber(conf * 100, 1).replace(/\.0$/, '')}% confidence intervals`);
  return out;
}

/** What the decision line says about who pinned a reused decision (nothing when it was you). */
export function formatPinOrigin(origin: unknown): string | undefined {
  if (origin === 'another-author') return 'pinned by another author';
  if (origin === 'file') return 'pinned in the file, not by you';
  return undefined;
}

/** An analysis id as words: "ttest_welch" -> "ttest welch" (used when no variant name is known). */
export function formatAnalysisId(id: string | undefined): string {
  return (id ?? '').replace(/_/g, ' ');
}
