/** Tables and sentences of the post-hoc comparisons. */
import type { AnalysisOptions, AssumptionCheck, ResultTable } from '../../types.js';
import { summarizeGroups } from '../anova/compute.js';
import { buildAlternativeWarnings, buildGroupTable, describeGroups } from '../anova/summarize.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import { formatCi, formatNumber, formatP } from '../common/format.js';
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

/** At most this many pairs are written out in the sentence; the table has them all. */
const SHOWN_PAIRS = 4;

/**
 * The post-hoc sentence after the groups: α and the adjustment, then the significant differences
 * with their simultaneous intervals ("trt2 - trt1 = 0.87, 95% CI [0.17, 1.56], p = .012"), or that none was.
 */
function describeComparisons(comparisons: readonly Comparison[], confLevel: number, adjustment: string): string {
  const alpha = 1 - confLevel;
  const alphaText = formatNumber(alpha, 2).replace(/^0/, '');
  const pct = `${formatNumber(confLevel * 100, 0)}%`;
  const frame = `at familywise α = ${alphaText}, ${adjustment}-adjusted p-values and ${pct} simultaneous CIs`;
  const hits = comparisons.filter((c) => c.pAdj < alpha);
  if (hits.length === 0) return `${frame}: none of the ${comparisons.length} pairwise differences was significant`;
  const shown = hits
    .slice(0, SHOWN_PAIRS)
    .map((c) => `${c.group2} - ${c.group1} = ${formatNumber(c.diff)}, ${formatCi(confLevel, c.ciLow, c.ciHigh)}, ${formatP(c.pAdj)}`)
    .join('; ');
  const more = hits.length > SHOWN_PAIRS ? `; ${hits.length - SHOWN_PAIRS} more in the table` : '';
  return `${frame}: ${hits.length} of ${comparisons.length} pairwise differences ${hits.length === 1 ? 'was' : 'were'} significant: ${shown}${more}`;
}

/** The observations of all groups. */
function sizeOf(input: KGroupInput): number {
  return input.samples.reduce((n, s) => n + s.length, 0);
}

/** Summary of Tukey HSD. */
export function summarizeTukeyHsd(r: TukeyResult, input: KGroupInput, checks: AssumptionCheck[], options: AnalysisOptions): Summary {
  const note = `Difference = mean of the second-named group minus the first (R's "B-A"). Tukey-Kramer SE = sqrt(MS_within / 2 x (1/n_i + 1/n_j)), MS_within = ${formatNumber(r.msWithin, 4)} on ${r.dfWithin} df; q is the studentized range statistic |diff| / SE; the family-wise interval uses q_crit = ${formatNumber(r.qCritical, 4)}.`;
  return {
    summary: `Tukey HSD ${describeGroups('', input.outcome, input.group, input.levels.length, sizeOf(input))}, ${describeComparisons(r.comparisons, r.confLevel, 'Tukey')}.`,
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
    summary: `Games-Howell ${describeGroups('', input.outcome, input.group, input.levels.length, sizeOf(input))}, ${describeComparisons(r.comparisons, r.confLevel, 'Games-Howell')}.`,
    tables: [
      buildComparisonTable('Games-Howell', r.comparisons, r.confLevel, note),
      buildGroupTable(summarizeGroups(input), input.group),
    ],
    recommendations: buildRecommendations(checks, { design: 'k-groups', samples: input.samples, outcome: input.outcome }),
    warnings: buildAlternativeWarnings(options, 'Games-Howell (two-sided intervals)'),
  };
}
