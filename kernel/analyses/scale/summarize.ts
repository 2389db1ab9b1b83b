/** Result tables and APA sentences of var_test and mood_test. */
import type { AnalysisOptions, AssumptionCheck } from '../../types.js';
import { formatCi, formatNumber, formatP } from '../common/format.js';
import type { Summary } from '../types.js';
import type { MoodResult } from './mood.js';
import type { VarTestResult } from './var-test.js';
import type { TwoSamples } from './validate.js';

/** Groups whose normality check failed, as "len | supp=OJ". */
function nonNormal(checks: readonly AssumptionCheck[]): string[] {
  return checks.filter((c) => c.check === 'shapiro_wilk' && !c.ok).map((c) => c.target);
}

/** var_test: "F(9, 9) = 0.86, p = .826, ratio 0.86, 95% CI [0.21, 3.45]". */
export function summarizeVarTest(result: VarTestResult, input: TwoSamples, checks: AssumptionCheck[], options: AnalysisOptions): Summary {
  const [a, b] = input.levels;
  const failed = nonNormal(checks);
  return {
    summary:
      `An F test comparing the variances of ${input.outcome} between ${input.group} = ${a} (s² = ${formatNumber(result.variance1)}) and ${b} (s² = ${formatNumber(result.variance2)}): ` +
      `F(${result.df1}, ${result.df2}) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}; the variance ratio was ${formatNumber(result.estimate)}, ` +
      `${formatCi(options.confLevel, result.ciLow, result.ciHigh)}.`,
    tables: [
      {
        title: `F test of equal variances of ${input.outcome}: ${a} vs ${b}`,
        columns: [
          { key: 'estimate', label: `Variance ratio (${a} / ${b})` },
          { key: 'ci_low', label: 'CI low' },
          { key: 'ci_high', label: 'CI high' },
          { key: 'statistic', label: 'F' },
          { key: 'df1', label: 'df1' },
          { key: 'df2', label: 'df2' },
          { key: 'p_value', label: 'p' },
        ],
        rows: [{ estimate: result.estimate, ci_low: result.ciLow, ci_high: result.ciHigh, statistic: result.statistic, df1: result.df1, df2: result.df2, p_value: result.pValue }],
        note: `Variances: ${a} ${formatNumber(result.variance1, 3)}, ${b} ${formatNumber(result.variance2, 3)}. ${formatNumber(options.confLevel * 100, 0)}% interval from the F distribution, as R var.test.`,
      },
    ],
    warnings: failed.length > 0 ? [`The F test of variances assumes normal data, and ${failed.join(', ')} ${failed.length === 1 ? 'does' : 'do'} not look normal (Shapiro-Wilk p < .05); its p-value can be far off.`] : [],
    recommendations: failed.length > 0 ? ["Consider levene because it tests equal variances without assuming normality (or mood_test, a rank-based test of scale)."] : [],
  };
}

/** mood_test: "Z = -1.04, p = .298". */
export function summarizeMood(result: MoodResult, input: TwoSamples): Summary {
  const [a, b] = input.levels;
  return {
    summary: `Mood's two-sample test of scale comparing the spread of ${input.outcome} between ${input.group} = ${a} and ${b}: Z = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}.`,
    tables: [
      {
        title: `Mood's test of scale of ${input.outcome}: ${a} vs ${b}`,
        columns: [
          { key: 'statistic', label: 'Z' },
          { key: 'p_value', label: 'p' },
          { key: 'n_1', label: `n (${a})` },
          { key: 'n_2', label: `n (${b})` },
        ],
        rows: [{ statistic: result.statistic, p_value: result.pValue, n_1: input.x.length, n_2: input.y.length }],
        note: `Normal approximation to the sum of squared centred ranks of ${a}${result.ties ? ', with the variance corrected for ties' : ''}, as R mood.test. A positive Z means ${a} is more spread out.`,
      },
    ],
    warnings: result.ties ? ['Some values are tied; the tie-corrected variance is used, as R does.'] : [],
  };
}
