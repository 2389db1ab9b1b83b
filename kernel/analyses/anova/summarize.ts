/** Tables and APA sentences of the one-way ANOVA and Welch's ANOVA. */
import type { AnalysisOptions, AssumptionCheck, ResultTable } from '../../types.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import { formatBounded, formatDf, formatNumber, formatP } from '../common/format.js';
import { buildRecommendations } from '../ttest/recommend.js';
import { P_COLUMN, singleRowTable, tableColumns, tableRow, type ColumnSpec } from '../common/table.js';
import type { Summary } from '../types.js';
import type { AnovaResult, GroupSummary, WelchAnovaResult } from './compute.js';

/** A warning when a one-sided alternative was asked of an omnibus or family-wise procedure. */
export function buildAlternativeWarnings(options: AnalysisOptions, what: string): string[] {
  if (options.alternative === 'two-sided') return [];
  return [`--alternative ${options.alternative} does not apply to ${what}, which is non-directional; the result is the usual (two-sided) one.`];
}

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
  const effectTable = singleRowTable('Effect sizes', [['etaSquared', 'Eta-squared (= R-squared)'], ['omegaSquared', 'Omega-squared'], ['residualSd', 'Residual SD']], r, {
    note: 'Confidence intervals for eta- and omega-squared are not available.',
  });
  const summary = `F(${formatDf(r.dfBetween)}, ${formatDf(r.dfWithin)}) = ${formatNumber(r.f)}, ${formatP(r.pValue)}, eta-squared = ${formatBounded(r.etaSquared)}, omega-squared = ${formatBounded(r.omegaSquared)}, comparing mean ${input.outcome} across ${r.groups.length} groups of ${input.group} (N = ${r.n}).`;
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
  const table = singleRowTable(`Welch's one-way ANOVA of ${input.outcome} by ${input.group}`, [['f', 'F'], ['df1', 'df1'], ['df2', 'df2'], P_COLUMN], r, {
    note: 'Variances not assumed equal (Welch 1951); df2 is fractional. No effect size is reported for this test.',
  });
  const summary = `Welch's F(${formatDf(r.df1)}, ${formatDf(r.df2)}) = ${formatNumber(r.f)}, ${formatP(r.pValue)}, comparing mean ${input.outcome} across ${r.groups.length} groups of ${input.group} (N = ${r.n}).`;
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
