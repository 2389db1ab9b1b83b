/** Result tables and APA sentences of the correlations. */
import type { AnalysisOptions, AssumptionCheck, ResultTable, TableValue } from '../../types.js';
import { formatBounded, formatBoundedCi, formatDf, formatNumber, formatP, SYMBOL } from '../common/format.js';
import { recommendForNormality } from '../checks/normality-policy.js';
import type { Summary } from '../types.js';
import type { KendallResult } from './kendall.js';
import type { PearsonResult } from './pearson.js';
import type { SpearmanResult } from './spearman.js';
import type { CorrelationInput } from './validate.js';

const NOT_AVAILABLE = 'not available';

const ALTERNATIVE_TEXT = {
  'two-sided': 'two-sided',
  greater: 'one-sided, positive association',
  less: 'one-sided, negative association',
} as const;

/**
 * One-row table of a correlation. The estimate and its bounds are labelled by the estimate's symbol
 * (`r`, `r_s`, `τ_b`), so the table writes them as the sentence does (no leading zero).
 */
function buildTable(
  title: string,
  statisticLabel: string,
  row: Record<string, TableValue>,
  note: string,
  withDf: boolean,
  symbol: string,
  confLevel: number,
): ResultTable {
  const pct = `${formatNumber(confLevel * 100, 0)}%`;
  const columns = [
    { key: 'x', label: 'x' },
    { key: 'y', label: 'y' },
    { key: 'n', label: 'n' },
    { key: 'estimate', label: symbol },
    { key: 'statistic', label: statisticLabel },
    ...(withDf ? [{ key: 'df', label: 'df' }] : []),
    { key: 'pValue', label: 'p' },
    { key: 'ciLow', label: `${symbol} ${pct} CI lower` },
    { key: 'ciHigh', label: `${symbol} ${pct} CI upper` },
    { key: 'method', label: 'p-value method' },
  ];
  return { title, columns, rows: [row], note };
}

/** The table row of a rank correlation (Spearman, Kendall): no df; the Fisher-z interval when it could be formed. */
function buildRankRow(result: SpearmanResult | KendallResult, input: CorrelationInput, method: string): Record<string, TableValue> {
  return {
    x: input.xName,
    y: input.yName,
    n: result.n,
    estimate: result.estimate,
    statistic: result.statistic,
    pValue: result.pValue,
    ciLow: result.ciLow ?? NOT_AVAILABLE,
    ciHigh: result.ciHigh ?? NOT_AVAILABLE,
    method,
  };
}

/** Recommendations from failed checks (never acted on): the normality policy's remedies, then outliers. */
function recommendFromChecks(checks: AssumptionCheck[], input: CorrelationInput): string[] {
  const out = recommendForNormality(checks, 'correlation', [input.x, input.y]);
  const outliers = checks.find((c) => c.check === 'bivariate_outliers' && !c.ok);
  if (outliers) {
    out.push('Some points lie far from the rest: look at them in the figure, and compare with spearman, which resists outliers but measures a monotonic association of ranks rather than a linear one.');
  }
  return out;
}

/** Pearson: table and "r(30) = -.87, p < .001, 95% CI [-.93, -.74]". */
export function summarizePearson(result: PearsonResult, input: CorrelationInput, checks: AssumptionCheck[]): Summary {
  const summary = `r(${formatDf(result.df)}) = ${formatBounded(result.estimate)}, ${formatP(result.pValue)}${rankCi(result)}.`;
  const row = {
    x: input.xName,
    y: input.yName,
    n: result.n,
    estimate: result.estimate,
    statistic: result.statistic,
    df: result.df,
    pValue: result.pValue,
    ciLow: result.ciLow ?? NOT_AVAILABLE,
    ciHigh: result.ciHigh ?? NOT_AVAILABLE,
    method: 't test',
  };
  const note = `Pearson's product-moment correlation, ${ALTERNATIVE_TEXT[result.alternative]}; ${formatNumber(result.confLevel * 100, 0)}% CI by Fisher's z transformation${result.ciLow === null ? ' (needs n > 3)' : ''}.`;
  return {
    summary,
    tables: [buildTable("Pearson's correlation", 't', row, note, true, 'r', result.confLevel)],
    recommendations: recommendFromChecks(checks, input),
  };
}

const SPEARMAN_METHOD_TEXT = {
  exact: 'exact (all permutations, AS 89)',
  edgeworth: 'exact null distribution approximated by an Edgeworth series (AS 89)',
  't-approx': 't approximation',
} as const;

/** ", 95% CI [-.95, -.78]" (an open end at ±1 for a one-sided interval), or nothing without an interval. */
function rankCi(result: { ciLow: number | null; ciHigh: number | null; confLevel?: number }): string {
  if (result.ciLow === null || result.ciHigh === null) return '';
  return `, ${formatBoundedCi(result.confLevel ?? 0.95, result.ciLow, result.ciHigh)}`;
}

/** Why a rank correlation has no interval, for the note. */
function missingCi(result: { ciLow: number | null; estimate: number }, needed: number): string {
  if (result.ciLow !== null) return '';
  return Math.abs(result.estimate) >= 1 - 1e-12 ? ' No interval: the Fisher-z interval is degenerate at ±1.' : ` No interval: it needs n > ${needed}.`;
}

/** Spearman: table and "r_s(30) = -.89, p < .001, 95% CI [-.95, -.78], N = 32". */
export function summarizeSpearman(result: SpearmanResult, input: CorrelationInput, options: AnalysisOptions): Summary {
  const summary = `${SYMBOL.spearman}(${result.n - 2}) = ${formatBounded(result.estimate)}, ${formatP(result.pValue)}${rankCi(result)}, N = ${result.n}.`;
  const row = buildRankRow(result, input, SPEARMAN_METHOD_TEXT[result.method]);
  const note = `Spearman's rank correlation ${SYMBOL.spearman}, ${ALTERNATIVE_TEXT[result.alternative]}; S = (n^3 - n)(1 - ${SYMBOL.spearman})/6. CI by Fisher's z with the Bonett-Wright SE sqrt((1 + ${SYMBOL.spearman}²/2) / (n − 3)) (R's cor.test gives none).${missingCi(result, 3)}`;
  // R warns "Cannot compute exact p-value with ties" whenever an exact p-value was wanted (the default).
  const warnings =
    result.ties && options.exact !== false ? ['There are tied values, so the p-value uses the t approximation (an exact p-value needs untied data).'] : [];
  return { summary, tables: [buildTable("Spearman's rank correlation", 'S', row, note, false, SYMBOL.spearman, options.confLevel)], warnings };
}

/** Kendall: table and "Kendall's τ_b = -.73, z = -5.87, p < .001, 95% CI [-.84, -.58], N = 32". */
export function summarizeKendall(result: KendallResult, input: CorrelationInput, options: AnalysisOptions): Summary {
  const stat = result.method === 'exact' ? `T = ${result.statistic}` : `z = ${formatNumber(result.statistic)}`;
  const summary = `Kendall's ${SYMBOL.kendall} = ${formatBounded(result.estimate)}, ${stat}, ${formatP(result.pValue)}${rankCi(result)}, N = ${result.n}.`;
  const row = buildRankRow(result, input, result.method === 'exact' ? 'exact' : 'normal approximation (tie-corrected variance)');
  const note = `Kendall's ${SYMBOL.kendall}, ${ALTERNATIVE_TEXT[result.alternative]}; the statistic is T (concordant pairs) when exact, z otherwise. CI by Fisher's z with the Fieller SE sqrt(0.437 / (n − 4)) (R's cor.test gives none).${missingCi(result, 4)}`;
  const wantedExact = options.exact === 'auto' ? result.n < 50 : options.exact;
  const warnings =
    result.ties && wantedExact ? ['There are tied values, so the p-value uses the normal approximation (an exact p-value needs untied data).'] : [];
  return {
    summary,
    tables: [buildTable("Kendall's rank correlation", result.method === 'exact' ? 'T' : 'z', row, note, false, SYMBOL.kendall, options.confLevel)],
    warnings,
  };
}
