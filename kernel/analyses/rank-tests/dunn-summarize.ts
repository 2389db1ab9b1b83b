/** Table and sentence of Dunn's pairwise comparisons. */
import type { AnalysisOptions, ResultTable } from '../../types.js';
import { buildAlternativeWarnings } from '../anova/summarize.js';
import { formatNumber, formatP } from '../common/format.js';
import { P_ADJUST_NAMES } from '../common/p-adjust.js';
import type { Summary } from '../types.js';
import type { KGroupInput } from './compute.js';
import type { DunnResult } from './dunn.js';

/** Summary of Dunn's test: the comparisons, the mean ranks, and a sentence naming alpha and the adjustment. */
export function summarizeDunn(r: DunnResult, input: KGroupInput, options: AnalysisOptions): Summary {
  const alpha = 1 - r.confLevel;
  const alphaText = formatNumber(alpha, 2).replace(/^0/, '');
  const hits = r.comparisons.filter((c) => c.pAdj < alpha);
  const shown = hits
    .slice(0, 4)
    .map((c) => `${c.group2} vs ${c.group1}: z = ${formatNumber(c.statistic)}, adjusted ${formatP(c.pAdj)}`)
    .join('; ');
  const found =
    hits.length === 0
      ? `no pair differed at alpha = ${alphaText}`
      : `${hits.length} of ${r.comparisons.length} pairs differed at alpha = ${alphaText} (${shown}${hits.length > 4 ? '; ...' : ''})`;
  const summary = `Dunn's test on the ranks of ${input.outcome} across ${input.levels.length} groups of ${input.group} (N = ${r.n}, ${P_ADJUST_NAMES[r.pAdjust]}): ${found}.`;
  const comparisons: ResultTable = {
    title: "Dunn's pairwise comparisons",
    columns: [
      { key: 'comparison', label: 'Comparison' },
      { key: 'diff', label: 'Mean rank difference' },
      { key: 'se', label: 'SE' },
      { key: 'statistic', label: 'z' },
      { key: 'pValue', label: 'p (unadjusted)' },
      { key: 'pAdj', label: `p (${r.pAdjust === 'none' ? 'unadjusted' : `${r.pAdjust}-adjusted`})` },
    ],
    rows: r.comparisons.map((c) => ({
      comparison: `${c.group2} - ${c.group1}`,
      diff: c.diff,
      se: c.se,
      statistic: c.statistic,
      pValue: c.pValue,
      pAdj: c.pAdj,
    })),
    note: `Difference = mean rank of the second-named group minus the first, on the joint ranks of all ${r.n} values (ties averaged). SE = sqrt((N(N+1)/12 - sum(t^3 - t)/(12(N-1))) (1/n_i + 1/n_j)), tie correction sum(t^3 - t) = ${r.tieCorrection}. Two-sided p = 2 P(Z > |z|), then ${P_ADJUST_NAMES[r.pAdjust]} over the ${r.comparisons.length} pairs. A difference in mean ranks says one group tends to have larger values (stochastic dominance), not that its mean or median is larger.`,
  };
  const descriptives: ResultTable = {
    title: 'Mean ranks',
    columns: [
      { key: 'level', label: input.group },
      { key: 'n', label: 'n' },
      { key: 'meanRank', label: 'Mean rank' },
    ],
    rows: r.groups.map((g) => ({ level: g.level, n: g.n, meanRank: g.meanRank })),
  };
  return { summary, tables: [comparisons, descriptives], warnings: buildAlternativeWarnings(options, "Dunn's test (two-sided)") };
}
