/** Tables and sentences of the post-hoc comparisons. */
import type { AnalysisOptions, AssumptionCheck, ResultTable } from '../../types.js';
import { summarizeGroups } from '../anova/compute.js';
import { buildAlternativeWarnings, buildGroupTable } from '../anova/summarize.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import { formatNumber, formatP } from '../common/format.js';
import { buildRecommendations } from '../ttest/recommend.js';
import { ciColumns, tableColumns, tableRow, type ColumnSpec } from '../common/table.js';
import type { Summary } from '../types.js';
import type { Comparison, GamesHowellResult, TukeyResult } from './compute.js';

/** The comparisons table. */
function buildComparisonTable(title: string, comparisons: readonly Comparison[], confLevel: number, note: string): ResultTable {
  const pct = `${formatNumber(confLevel * 100, 0)}%`;
  const specs: ColumnSpec[] = [
    ['comparison', 'Comparison'],
    ['diff', 'Difference'],
    ['se', 'SE'],
    ['df', 'df'],
    ['statistic', 'q'],
    ...ciColumns(pct),
    ['pAdj', 'p (adjusted)'],
  ];
  return {
    title,
    columns: tableColumns(specs),
    rows: comparisons.map((c) => tableRow(specs, c, { comparison: `${c.group2} - ${c.group1}` })),
    note,
  };
}

/** "B - A: diff = 1.23, p = .004" for the significant pairs, or a statement that none were. */
function describeSignificant(comparisons: readonly Comparison[], confLevel: number): string {
  const alpha = 1 - confLevel;
  const hits = comparisons.filter((c) => c.pAdj < alpha);
  if (hits.length === 0) return `no pair differed at the ${formatNumber(alpha, 2).replace(/^0/, '')} level`;
  const shown = hits
    .slice(0, 4)
    .map((c) => `${c.group2} - ${c.group1} = ${formatNumber(c.diff)} (${formatP(c.pAdj)})`)
    .join(', ');
  return `${hits.length} of ${comparisons.length} pairs differed: ${shown}${hits.length > 4 ? ', ...' : ''}`;
}

/** Summary of Tukey HSD. */
export function summarizeTukeyHsd(r: TukeyResult, input: KGroupInput, checks: AssumptionCheck[], options: AnalysisOptions): Summary {
  const note = `Difference = mean of the second-named group minus the first (R's "B-A"). Tukey-Kramer SE = sqrt(MS_within / 2 x (1/n_i + 1/n_j)), MS_within = ${formatNumber(r.msWithin, 4)} on ${r.dfWithin} df; q is the studentized range statistic |diff| / SE; the family-wise interval uses q_crit = ${formatNumber(r.qCritical, 4)}.`;
  return {
    summary: `Tukey HSD on ${input.outcome} across ${input.levels.length} groups of ${input.group}: ${describeSignificant(r.comparisons, r.confLevel)}.`,
    tables: [
      buildComparisonTable('Tukey HSD', r.comparisons, r.confLevel, note),
      buildGroupTable(summarizeGroups(input), input.group),
    ],
    recommendations: buildRecommendations(checks, { design: 'k-groups', samples: input.samples, outcome: input.outcome, pooled: 'tukey_hsd' }),
    warnings: buildAlternativeWarnings(options, 'Tukey HSD (two-sided intervals)'),
  };
}

/** Summary of Games-Howell. */
export function summarizeGamesHowell(
  r: GamesHowellResult,
  input: KGroupInput,
  checks: AssumptionCheck[],
  options: AnalysisOptions,
): Summary {
  const note = 'Difference = mean of the second-named group minus the first (R\'s "B-A"). SE = sqrt((s_i^2/n_i + s_j^2/n_j) / 2) with Welch-Satterthwaite df per pair; q = |diff| / SE is referred to the studentized range.';
  return {
    summary: `Games-Howell on ${input.outcome} across ${input.levels.length} groups of ${input.group}: ${describeSignificant(r.comparisons, r.confLevel)}.`,
    tables: [
      buildComparisonTable('Games-Howell', r.comparisons, r.confLevel, note),
      buildGroupTable(summarizeGroups(input), input.group),
    ],
    recommendations: buildRecommendations(checks, { design: 'k-groups', samples: input.samples, outcome: input.outcome }),
    warnings: buildAlternativeWarnings(options, 'Games-Howell (two-sided intervals)'),
  };
}
