/** Tables and APA sentences of the one-way ANOVA and Welch's ANOVA. */
import type { AnalysisOptions, AssumptionCheck, ResultTable } from '../../types.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import { formatBounded, formatBoundedCi, formatDf, formatNumber, formatP, formatVariableLabel, SYMBOL } from '../common/format.js';
import { buildRecommendations } from '../ttest/recommend.js';
import { P_COLUMN, singleRowTable, tableColumns, tableRow, type ColumnSpec } from '../common/table.js';
import type { Summary } from '../types.js';
import type { AnovaResult, GroupSummary, WelchAnovaResult } from './compute.js';

/** A warning when a one-sided alternative was asked of an omnibus or family-wise procedure. */
export function buildAlternativeWarnings(options: AnalysisOptions, what: string): string[] {
  if (options.alternative === 'two-sided') return [];
  return [`--alternative ${options.alternative} does not apply to ${what}, which is non-directional; the result is the usual (two-sided) one.`];
}

/** "comparing mean weight across the 3 levels of group (N = 30)", with readable labels. */
export function describeGroups(what: string, outcome: string, group: string, k: number, n: number): string {
  return `comparing ${what}${formatVariableLabel(outcome)} across the ${k} levels of ${formatVariableLabel(group)} (N = ${n})`;
}

/** "η² = .26, 95% CI [.01, .49]", or the estimate alone when the interval could not be computed. */
export function formatVarianceExplained(symbol: string, es: number, low: number, high: number, confLevel: number): string {
  const ci = Number.isFinite(low) && Number.isFinite(high) ? `, ${formatBoundedCi(confLevel, low, high)}` : '';
  return `${symbol} = ${formatBounded(es)}${ci}`;
}

/** A bound for a table: NaN reads as text. */
function bound(x: number): number | string {
  return Number.isFinite(x) ? x : 'not available';
}

/** How the variance-explained intervals are computed, for table notes. */
const PVE_CI_NOTE =
  "Two-sided intervals by inverting the noncentral F distribution at the F implied by each estimate, each noncentrality bound λ converted to λ / (λ + df2), as R's effectsize (ncp method); a bound is 0 when that F is below the central F quantile.";

/** n, mean, SD per group. */
export function buildGroupTable(groups: readonly GroupSummary[], group: string): ResultTable {
  const specs: ColumnSpec[] = [['level', group], ['n', 'n'], ['mean', 'Mean'], ['sd', 'SD']];
  return {
    title: 'Descriptives',
    columns: tableColumns(specs),
    rows: groups.map((g) => tableRow(specs, g, { sd: Number.isNaN(g.sd) ? 'not available (n = 1)' : g.sd })),
  };
}

/** Summary of the classic one-way ANOVA. */
export function summarizeOneWayAnova(
  r: AnovaResult,
  input: KGroupInput,
  checks: AssumptionCheck[],
  options: AnalysisOptions,
): Summary {
  const anovaTable: ResultTable = {
    title: `One-way ANOVA of ${input.outcome} by ${input.group}`,
    columns: tableColumns([['source', 'Source'], ['df', 'df'], ['ss', 'Sum of squares'], ['ms', 'Mean square'], ['f', 'F'], P_COLUMN]),
    rows: [
      { source: input.group, df: r.dfBetween, ss: r.ssBetween, ms: r.msBetween, f: r.f, pValue: r.pValue },
      { source: 'Residuals', df: r.dfWithin, ss: r.ssWithin, ms: r.msWithin, f: null, pValue: null },
    ],
    note: 'Variances assumed equal across groups.',
  };
  const pct = `${formatNumber(r.confLevel * 100, 0)}%`;
  const effectTable: ResultTable = {
    title: 'Effect sizes',
    columns: [
      { key: 'etaSquared', label: `${SYMBOL.etaSquared} (= R²)` },
      { key: 'etaSquaredCiLow', label: `${SYMBOL.etaSquared} ${pct} CI lower` },
      { key: 'etaSquaredCiHigh', label: `${SYMBOL.etaSquared} ${pct} CI upper` },
      { key: 'omegaSquared', label: SYMBOL.omegaSquared },
      { key: 'omegaSquaredCiLow', label: `${SYMBOL.omegaSquared} ${pct} CI lower` },
      { key: 'omegaSquaredCiHigh', label: `${SYMBOL.omegaSquared} ${pct} CI upper` },
      { key: 'residualSd', label: 'Residual SD' },
    ],
    rows: [
      {
        etaSquared: r.etaSquared,
        etaSquaredCiLow: bound(r.etaSquaredCiLow),
        etaSquaredCiHigh: bound(r.etaSquaredCiHigh),
        omegaSquared: r.omegaSquared,
        omegaSquaredCiLow: bound(r.omegaSquaredCiLow),
        omegaSquaredCiHigh: bound(r.omegaSquaredCiHigh),
        residualSd: r.residualSd,
      },
    ],
    note: `${SYMBOL.omegaSquared} = (SS_between − df_between MS_within) / (SS_total + MS_within), less biased than ${SYMBOL.etaSquared}. ${PVE_CI_NOTE}`,
  };
  const effects = [
    formatVarianceExplained(SYMBOL.etaSquared, r.etaSquared, r.etaSquaredCiLow, r.etaSquaredCiHigh, r.confLevel),
    formatVarianceExplained(SYMBOL.omegaSquared, r.omegaSquared, r.omegaSquaredCiLow, r.omegaSquaredCiHigh, r.confLevel),
  ].join(', ');
  const summary = `F(${formatDf(r.dfBetween)}, ${formatDf(r.dfWithin)}) = ${formatNumber(r.f)}, ${formatP(r.pValue)}, ${effects}, ${describeGroups('mean ', input.outcome, input.group, r.groups.length, r.n)}.`;
  return {
    summary,
    tables: [anovaTable, effectTable, buildGroupTable(r.groups, input.group)],
    warnings: buildAlternativeWarnings(options, 'the ANOVA F test'),
    recommendations: buildRecommendations(checks, {
      design: 'k-groups',
      samples: input.samples,
      outcome: input.outcome,
      pooled: 'anova_oneway',
      omnibus: { test: 'anova_oneway', pValue: r.pValue, confLevel: options.confLevel, levels: input.levels },
    }),
  };
}

/** Summary of Welch's ANOVA. */
export function summarizeWelchAnova(
  r: WelchAnovaResult,
  input: KGroupInput,
  checks: AssumptionCheck[],
  options: AnalysisOptions,
): Summary {
  const pct = `${formatNumber(r.confLevel * 100, 0)}%`;
  const table: ResultTable = {
    title: `Welch's one-way ANOVA of ${input.outcome} by ${input.group}`,
    columns: [
      { key: 'f', label: 'F' },
      { key: 'df1', label: 'df1' },
      { key: 'df2', label: 'df2' },
      { key: 'pValue', label: 'p' },
      { key: 'omegaSquared', label: SYMBOL.omegaSquared },
      { key: 'omegaSquaredCiLow', label: `${SYMBOL.omegaSquared} ${pct} CI lower` },
      { key: 'omegaSquaredCiHigh', label: `${SYMBOL.omegaSquared} ${pct} CI upper` },
    ],
    rows: [
      {
        f: r.f,
        df1: r.df1,
        df2: r.df2,
        pValue: r.pValue,
        omegaSquared: r.omegaSquared,
        omegaSquaredCiLow: bound(r.omegaSquaredCiLow),
        omegaSquaredCiHigh: bound(r.omegaSquaredCiHigh),
      },
    ],
    note: `Variances not assumed equal (Welch 1951); df2 is fractional. ${SYMBOL.omegaSquared} is computed from Welch's F and its df, (F − 1) df1 / (F df1 + df2 + 1), as R's effectsize::omega_squared does for oneway.test. ${PVE_CI_NOTE}`,
  };
  const effect = formatVarianceExplained(SYMBOL.omegaSquared, r.omegaSquared, r.omegaSquaredCiLow, r.omegaSquaredCiHigh, r.confLevel);
  const summary = `Welch's F(${formatDf(r.df1)}, ${formatDf(r.df2)}) = ${formatNumber(r.f)}, ${formatP(r.pValue)}, ${effect}, ${describeGroups('mean ', input.outcome, input.group, r.groups.length, r.n)}.`;
  return {
    summary,
    tables: [table, buildGroupTable(r.groups, input.group)],
    warnings: buildAlternativeWarnings(options, "Welch's ANOVA"),
    recommendations: buildRecommendations(checks, {
      design: 'k-groups',
      samples: input.samples,
      outcome: input.outcome,
      omnibus: { test: 'welch_anova', pValue: r.pValue, confLevel: options.confLevel, levels: input.levels },
    }),
  };
}
