/**
 * Numbers for reading, written once: the APA sentence, the result renderer, the Markdown and plain
 * text fallbacks and the HTML report all format through here, so one value reads the same
 * everywhere. The JSON keeps full precision; only text is rounded.
 *
 * APA conventions: p without a leading zero and "< .001"; statistics bounded by 1 (correlations,
 * variance explained) without the leading zero; integers stay integers; an infinite CI bound is ∞.
 * Pure: no Node, no DOM (the renderers bundle it too).
 */
import { snakeKey } from './keys.js';

/** A p-value as APA writes it: ".061", "< .001", "1.000"; "NA" when not a number. */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return 'NA';
  if (p < 0.001) return '< .001';
  const text = p.toFixed(3);
  return text.startsWith('1') ? '1.000' : text.replace(/^0/, '');
}

/** A p-value with its symbol, for sentences: "p = .061", "p < .001". */
export function formatP(p: number): string {
  const text = formatPValue(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

/** Infinity as text: a one-sided CI bound reads "∞" / "-∞". */
function formatInfinite(x: number): string {
  return x > 0 ? '∞' : '-∞';
}

/** A number with fixed decimals (sentences: 2 by default); "-0.00" reads "0.00". */
export function formatNumber(x: number, digits = 2): string {
  if (Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return formatInfinite(x);
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A statistic bounded by 1 (correlations, proportions, effect sizes of variance explained) without the leading zero. */
export function formatBounded(x: number, digits = 2): string {
  return formatNumber(x, digits).replace(/^(-?)0\./, '$1.');
}

/** "95% CI [.02, .45]": the interval of a statistic bounded by 1, without leading zeros. */
export function formatBoundedCi(confLevel: number, low: number, high: number, digits = 2): string {
  const open = low === -Infinity ? '(' : '[';
  const close = high === Infinity ? ')' : ']';
  return `${formatNumber(confLevel * 100, 0)}% CI ${open}${formatBounded(low, digits)}, ${formatBounded(high, digits)}${close}`;
}

/** Degrees of freedom: integers as integers, fractional ones to two decimals. */
export function formatDf(df: number): string {
  if (!Number.isFinite(df)) return Number.isNaN(df) ? 'NA' : formatInfinite(df);
  return Number.isInteger(df) ? String(df) : df.toFixed(2);
}

/** "95% CI [-0.75, -0.31]", "95% CI [0.47, ∞)" for a one-sided interval. */
export function formatCi(confLevel: number, low: number, high: number, digits = 2): string {
  const open = low === -Infinity ? '(' : '[';
  const close = high === Infinity ? ')' : ']';
  return `${formatNumber(confLevel * 100, 0)}% CI ${open}${formatNumber(low, digits)}, ${formatNumber(high, digits)}${close}`;
}

/**
 * A number in a table: integers as integers (thousands separated from 10,000 up, so years read as
 * written), tiny or huge values in scientific notation, else `digits` decimals.
 */
export function formatTableNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return formatInfinite(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return Math.abs(x) >= 10000 ? x.toLocaleString('en-US') : String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 10 ** -digits || abs >= 1e6)) return x.toExponential(2);
  return formatNumber(x, digits);
}

/** Column keys (snake_case, as the JSON has them; camelCase is folded first) that hold p-values. */
const P_KEYS = /^(p|p_value|p_adj|f_p_value|p_value_[a-z]+|[a-z_]+_p_value|p\.value|pvalue|p_val)$/;
/** Column keys that hold degrees of freedom. */
const DF_KEYS = /^(df|df1|df2|df_[a-z_]+)$/;
/** Column keys that hold counts. */
const COUNT_KEYS = /^(n|n_\d+|n_missing|count|missing|rows|distinct)$/;
/** Column keys that hold statistics bounded by 1 in absolute value. */
const BOUNDED_KEYS =
  /^(r|rho|tau|estimate_r|r_squared|adj_r_squared|eta_squared|eta_squared_partial|eta_squared_generalized|omega_squared|epsilon_squared|cramers_v|rank_biserial|w|kendalls_w|pseudo_r2_mcfadden)$/;

/** A key as the JSON spells it (`pAdj` -> `p_adj`), so internal and JSON tables format alike. */
const foldKey = snakeKey;

/**
 * Column labels that name a statistic bounded by 1 by its symbol (`r`, `r_s 95% CI lower`, `η²`), so
 * the table writes it as the sentence does (no leading zero).
 */
const BOUNDED_LABEL = /^(r|r_s|r_rb|τ_b|ρ|τ|φ|η²|ηp²|ω²|ε²|R²|Cramér's V)(\s|$)/;

/** Whether a table column holds a statistic bounded by 1 (correlations, variance explained), by its key or its label. */
export function isBoundedColumn(key: string, label = ''): boolean {
  return BOUNDED_KEYS.test(foldKey(key)) || BOUNDED_LABEL.test(label.trim());
}

/** Whether a table column holds p-values, by its key or its label (`p`, `p (adjusted)`). */
export function isPColumn(key: string, label = ''): boolean {
  return P_KEYS.test(foldKey(key)) || /^p(\s|$|-|\()/i.test(label.trim());
}

/** A table cell's value, formatted by what its column holds; null is an em dash. */
export function formatCell(key: string, value: unknown, label = ''): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // JSON has no infinities: stored results keep them as strings (kernel/notebook/outputs.ts).
  if (value === 'Infinity') return '∞';
  if (value === '-Infinity') return '-∞';
  if (value === 'NaN') return 'NA';
  if (typeof value !== 'number') return String(value);
  const k = foldKey(key);
  if (isPColumn(key, label)) return formatPValue(value);
  if (DF_KEYS.test(k)) return formatDf(value);
  if (COUNT_KEYS.test(k) && Number.isInteger(value)) return formatTableNumber(value);
  if (isBoundedColumn(key, label) && Math.abs(value) <= 1) return formatBounded(value, 3);
  return formatTableNumber(value);
}

/** Whether a table column holds numbers (right-aligned). */
export function isNumericColumn(rows: readonly Record<string, unknown>[], key: string): boolean {
  return rows.some((r) => typeof r[key] === 'number') && rows.every((r) => r[key] === null || r[key] === undefined || typeof r[key] === 'number');
}

/** Roles for a decision line: "outcome = body_mass_g, predictors = flipper_length_mm + species" (JSON or camelCase keys). */
export function formatRoles(roles: object | undefined): string {
  if (!roles) return '';
  const parts: string[] = [];
  for (const [role, value] of Object.entries(roles)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    parts.push(`${foldKey(role)} = ${Array.isArray(value) ? value.join(' + ') : String(value)}`);
  }
  return parts.join(', ');
}

/**
 * What a decision's options change, for the decision line (review L8): rows left out (`where`,
 * `levels`) and a hypothesis other than the default (one-sided, a non-zero mu, a confidence level
 * other than 95%). JSON or camelCase keys alike.
 */
export function formatDecisionOptions(options: object | undefined): string[] {
  if (!options) return [];
  const o = options as Record<string, unknown>;
  const out: string[] = [];
  const where = Array.isArray(o.where) ? o.where : [];
  const conditions = where
    .filter((w): w is Record<string, unknown> => typeof w === 'object' && w !== null)
    .map((w) => `${String(w.column)} ${w.op === '!=' ? '≠' : '='} ${String(w.value)}`);
  if (conditions.length) out.push(`only rows where ${conditions.join(' and ')}`);
  if (Array.isArray(o.levels) && o.levels.length) out.push(`only levels ${o.levels.map(String).join(', ')}`);
  if (typeof o.alternative === 'string' && o.alternative !== 'two-sided') out.push(`one-sided test (alternative: ${o.alternative})`);
  if (typeof o.mu === 'number' && o.mu !== 0) out.push(`tested against ${formatTableNumber(o.mu)} (mu)`);
  const conf = o.conf_level ?? o.confLevel;
  if (typeof conf === 'number' && conf !== 0.95) out.push(`${formatNumber(conf * 100, 1).replace(/\.0$/, '')}% confidence intervals`);
  if ((o.ss_type ?? o.ssType) === 3) out.push('type III sums of squares');
  return out;
}

/**
 * What the decision line says about a direction the request stated (`direction_asked`) while the
 * test stayed two-sided (#18 S1: a one-sided test only when asked for in so many words).
 */
export function formatDirectionAsked(direction: unknown): string | undefined {
  if (!direction || typeof direction !== 'object') return undefined;
  const statement = (direction as { statement?: unknown }).statement;
  if (typeof statement !== 'string' || !statement) return undefined;
  return `direction asked: ${statement}, tested two-sided (ask for a one-sided test to test only this direction)`;
}

/** What the decision line says about who pinned a reused decision (nothing when it was you). */
export function formatPinOrigin(origin: unknown): string | undefined {
  if (origin === 'another-author') return 'pinned by another author';
  if (origin === 'file') return 'pinned in the file, not by you';
  return undefined;
}

/**
 * The symbols of APA sentences, written once: sentences name statistics through these, and
 * `typesetSentence` gives numbers their minus sign. Subscripts Unicode lacks are written with an
 * underscore (d_z, r_rb), as the tables label them.
 */
export const SYMBOL = {
  chiSquared: 'χ²',
  etaSquared: 'η²',
  omegaSquared: 'ω²',
  epsilonSquared: 'ε²',
  spearman: 'r_s',
  kendall: 'τ_b',
  rankBiserial: 'r_rb',
  mu0: 'μ₀',
  phi: 'φ',
  cramersV: "Cramér's V",
  dz: 'd_z',
  dav: 'd_av',
  etaSquaredPartial: 'ηp²',
} as const;

/** The minus sign (U+2212) of typeset numbers. */
export const MINUS = '\u2212';

/**
 * The typographic pass of an APA sentence, applied once to every summary (kernel/analyses/run.ts):
 * a hyphen-minus before a number or ∞ at the start of a number (after a space, bracket, parenthesis
 * or `=`) becomes the minus sign; a sentence never ends in four dots. Hyphens inside words and
 * differences written "A - B" are left alone.
 */
export function typesetSentence(text: string): string {
  return text
    .replace(/(^|[\s([=,/])-(?=[\d.]*\d|∞)/g, `$1${MINUS}`)
    .replace(/\.{4,}/g, '...');
}

/** Units recognised as the last word of a column name, and how a label writes them. */
const UNITS: Record<string, string> = {
  mm: 'mm', cm: 'cm', m: 'm', km: 'km', um: 'µm', nm: 'nm', in: 'in', ft: 'ft',
  g: 'g', kg: 'kg', mg: 'mg', ug: 'µg', lb: 'lb', lbs: 'lb',
  s: 's', sec: 's', ms: 'ms', min: 'min', h: 'h', hr: 'h', hrs: 'h', days: 'days', yrs: 'years',
  ml: 'mL', l: 'L', dl: 'dL', pct: '%', percent: '%', usd: 'USD', eur: 'EUR',
  kcal: 'kcal', hz: 'Hz', db: 'dB', bpm: 'bpm', mmhg: 'mmHg', mph: 'mph', kmh: 'km/h', degc: '°C', degf: '°F',
};

/** Short column names that are words, not abbreviations, so they are capitalised like longer ones. */
const SHORT_WORDS = new Set(['age', 'sex', 'day', 'arm', 'run', 'lot', 'row', 'set', 'sum', 'dose']);

/**
 * A readable title from a column name (figure axes): `flipper_length_mm` -> "Flipper length (mm)",
 * `body_mass_g` -> "Body mass (g)", `Weight [kg]` -> "Weight (kg)". Words split at `_`, `.`, spaces
 * and camelCase; a last word that is a unit (the table above) goes into parentheses. Short one-word
 * names (`len`, `mpg`) and names in capitals are kept as written, since they are usually abbreviations.
 */
export function formatAxisTitle(name: string): string {
  const bracket = /^(.*?)\s*[[(]([^\])]+)[\])]\s*$/.exec(name);
  if (bracket) return `${formatAxisTitle(bracket[1])} (${bracket[2]})`;
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_.]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return name;
  let unit: string | undefined;
  if (words.length > 1) {
    const last = words[words.length - 1].toLowerCase();
    if (Object.hasOwn(UNITS, last)) {
      unit = UNITS[last];
      words.pop();
    }
  }
  const text = words.map((w, i) => (i === 0 ? w : w === w.toUpperCase() ? w : w.toLowerCase())).join(' ');
  const single = words.length === 1 && ((text.length <= 3 && !SHORT_WORDS.has(text)) || text === text.toUpperCase());
  const titled = single ? text : text.charAt(0).toUpperCase() + text.slice(1);
  return unit ? `${titled} (${unit})` : titled;
}

/**
 * A column's name for prose (the APA sentence): the axis title with a lower-case first letter unless
 * the name is an abbreviation or starts with one: `flipper_length_mm` -> "flipper length (mm)",
 * `Sepal.Length` -> "sepal length", `len` -> "len", `ID` -> "ID". Deterministic, from the name alone.
 */
export function formatVariableLabel(name: string): string {
  const title = formatAxisTitle(name);
  if (title.length > 1 && title[1] === title[1].toLowerCase() && title[0] !== title[0].toLowerCase()) {
    return title.charAt(0).toLowerCase() + title.slice(1);
  }
  return title;
}
