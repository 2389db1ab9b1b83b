/** Tables and the APA sentence of the t-tests. */
import type { AssumptionCheck, ResultTable } from '../../types.js';
import { formatCi, formatDf, formatNumber, formatP, formatVariableLabel, SYMBOL } from '../common/format.js';
import { ciColumns, P_COLUMN, singleRowTable } from '../common/table.js';
import type { Summary } from '../types.js';
import type { OneSampleInput, PairedInput, TTestResult, TwoSampleInput } from './compute.js';
import { buildRecommendations, type RecommendationContext } from './recommend.js';

type TTestInput = OneSampleInput | TwoSampleInput | PairedInput;

/** The statistic's name in the sentence. */
const STATISTIC_NAME: Record<string, string> = {
  ttest_one_sample: 't',
  ttest_ind: 't',
  ttest_welch: "Welch's t",
  ttest_paired: 't',
};

/** "H1: true mean difference is less than 0", as R states the alternative. */
function describeAlternative(r: TTestResult, what: string): string {
  const relation = r.alternative === 'two-sided' ? 'not equal to' : r.alternative === 'less' ? 'less than' : 'greater than';
  return `Alternative hypothesis: the true ${what} is ${relation} ${r.mu}.`;
}

/** What the estimate is, in words. */
function estimateName(input: TTestInput): string {
  if (input.design === 'one-sample') return `mean of ${input.column}`;
  if (input.design === 'paired') return `mean difference (${input.labels[0]} - ${input.labels[1]})`;
  return `difference in means (${input.levels[0]} - ${input.levels[1]})`;
}

/** The test table: t, df, p, estimate with CI, effect sizes with CIs. */
function buildTestTable(r: TTestResult, input: TTestInput, title: string, dfNote: string): ResultTable {
  const pct = `${formatNumber(r.confLevel * 100, 0)}%`;
  return singleRowTable(
    title,
    [
      ['statistic', 't'],
      ['df', 'df'],
      P_COLUMN,
      ['estimate', 'Estimate'],
      ['se', 'SE'],
      ...ciColumns(pct),
      ['cohensD', input.design === 'paired' ? "Cohen's d_z" : "Cohen's d"],
      ['cohensDCiLow', `d ${pct} CI lower`],
      ['cohensDCiHigh', `d ${pct} CI upper`],
      ['hedgesG', "Hedges' g"],
      ...(r.cohensDAv === undefined ? [] : [['cohensDAv', SYMBOL.dav] as const]),
    ],
    r,
    {
      shown: {
        cohensDCiLow: finiteOrNull(r.cohensDCiLow),
        cohensDCiHigh: finiteOrNull(r.cohensDCiHigh),
        ...(r.cohensDAv === undefined ? {} : { cohensDAv: Number.isFinite(r.cohensDAv) ? r.cohensDAv : 'not available' }),
      },
      note: [
        `Estimate: ${estimateName(input)}.`,
        describeAlternative(r, input.design === 'one-sample' ? 'mean' : 'mean difference'),
        dfNote,
        effectNote(input),
        r.alternative === 'two-sided' ? '' : 'One-sided test: the open side of each confidence interval is infinite.',
      ]
        .filter(Boolean)
        .join(' '),
    },
  );
}

/** An infinite one-sided bound stays infinite (shown as ∞, like the mean difference's); a failed inversion says so instead of showing NaN. */
function finiteOrNull(x: number): number | string {
  return Number.isNaN(x) ? 'not available' : x;
}

/** How the effect size was standardized. */
function effectNote(input: TTestInput): string {
  if (input.design === 'one-sample') return `Cohen's d = (mean − ${SYMBOL.mu0}) / SD; its CI inverts the noncentral t.`;
  if (input.design === 'paired') {
    return `Cohen's ${SYMBOL.dz} = (mean difference − ${SYMBOL.mu0}) / SD of the differences; its CI inverts the noncentral t. ${SYMBOL.dz} grows with the correlation between the measurements; ${SYMBOL.dav} = (mean difference − ${SYMBOL.mu0}) / ((SD1 + SD2) / 2) (Lakens 2013) is comparable with a between-subjects d (no interval is given for it).`;
  }
  return `Cohen's d is standardised by the pooled SD (for Welch too); its CI inverts the noncentral t with n1 + n2 − 2 df. ${SYMBOL.dav} = (difference − ${SYMBOL.mu0}) / sqrt((SD1² + SD2²) / 2), the average-variance standardiser that fits unequal variances (no interval is given for it); the two agree when n or the SDs are equal. Hedges' g applies the exact small-sample correction.`;
}

/** Per-group (or per-measurement) n, mean and SD. */
function buildDescriptivesTable(r: TTestResult, input: TTestInput): ResultTable {
  const rows =
    input.design === 'one-sample'
      ? [{ level: input.column, n: r.n1, mean: r.mean1, sd: r.sd1 }]
      : [
          { level: labelsOf(input)[0], n: r.n1, mean: r.mean1, sd: r.sd1 },
          { level: labelsOf(input)[1], n: r.n2 ?? null, mean: r.mean2 ?? null, sd: r.sd2 ?? null },
        ];
  if (input.design === 'paired') {
    rows.push({ level: `${input.labels[0]} - ${input.labels[1]}`, n: r.n1, mean: r.meanDiff ?? null, sd: r.sdDiff ?? null });
  }
  return {
    title: 'Descriptives',
    columns: [
      { key: 'level', label: input.design === 'two-sample' ? input.group : 'Variable' },
      { key: 'n', label: 'n' },
      { key: 'mean', label: 'Mean' },
      { key: 'sd', label: 'SD' },
    ],
    rows,
  };
}

/** The two labels of a two-sample or paired input. */
function labelsOf(input: TwoSampleInput | PairedInput): [string, string] {
  return input.design === 'two-sample' ? input.levels : input.labels;
}

/** "95% CI [-0.75, -0.31]" for d, or nothing when the interval could not be computed. */
function effectCi(r: TTestResult): string {
  if (Number.isNaN(r.cohensDCiLow) || Number.isNaN(r.cohensDCiHigh)) return '';
  return `, ${formatCi(r.confLevel, r.cohensDCiLow, r.cohensDCiHigh)}`;
}

/**
 * The effect size of the sentence, named by its standardiser: d_z for paired designs, "d (pooled SD)"
 * for Welch, with d_av beside it where it differs in kind (paired, Welch).
 */
function effectText(id: string, r: TTestResult, input: TTestInput): string {
  const symbol = input.design === 'paired' ? SYMBOL.dz : id === 'ttest_welch' ? 'd (pooled SD)' : 'd';
  const dav = (input.design === 'paired' || id === 'ttest_welch') && r.cohensDAv !== undefined && Number.isFinite(r.cohensDAv) ? `, ${SYMBOL.dav} = ${formatNumber(r.cohensDAv)}` : '';
  return `${symbol} = ${formatNumber(r.cohensD)}${effectCi(r)}${dav}`;
}

/** The APA sentence: test, then what was compared. */
function buildSentence(id: string, r: TTestResult, input: TTestInput): string {
  const test = `${STATISTIC_NAME[id]}(${formatDf(r.df)}) = ${formatNumber(r.statistic)}, ${formatP(r.pValue)}, ${effectText(id, r, input)}`;
  const ci = formatCi(r.confLevel, r.ciLow, r.ciHigh);
  if (input.design === 'one-sample') {
    return `${test}; the mean of ${formatVariableLabel(input.column)} was ${formatNumber(r.mean1)} (SD = ${formatNumber(r.sd1)}, ${ci}) against ${SYMBOL.mu0} = ${r.mu}.`;
  }
  const [a, b] = labelsOf(input);
  // Wide paired data name the measurements themselves; otherwise name the outcome.
  const what = input.outcome ? `mean ${formatVariableLabel(input.outcome)} was` : 'the mean was';
  return `${test}; ${what} ${formatNumber(r.mean1)} for ${a} and ${formatNumber(r.mean2 ?? NaN)} for ${b} (difference = ${formatNumber(r.estimate)}, ${ci}).`;
}

/** What the recommendations are about: the design, the raw samples, the pooled model if any. */
function recommendationContext(id: string, input: TTestInput): RecommendationContext {
  if (input.design === 'one-sample') return { design: 'one-sample', samples: [input.x] };
  if (input.design === 'paired') return { design: 'paired', samples: [input.differences] };
  return { design: 'two-groups', samples: [input.x, input.y], outcome: input.outcome, ...(id === 'ttest_ind' ? { pooled: 'ttest_ind' as const } : {}) };
}

/** Summary of a t-test: test table, descriptives, sentence, recommendations from failed checks. */
export function summarizeTTest(
  id: 'ttest_one_sample' | 'ttest_ind' | 'ttest_welch' | 'ttest_paired',
  r: TTestResult,
  input: TTestInput,
  checks: AssumptionCheck[],
): Summary {
  const titles = {
    ttest_one_sample: ['One-sample t-test', ''],
    ttest_ind: ["Student's two-sample t-test", 'Pooled variance: df = n1 + n2 - 2.'],
    ttest_welch: ["Welch's two-sample t-test", 'Welch-Satterthwaite degrees of freedom.'],
    ttest_paired: ['Paired t-test', 'df = number of pairs - 1.'],
  } as const;
  const [title, dfNote] = titles[id];
  return {
    summary: buildSentence(id, r, input),
    tables: [buildTestTable(r, input, title, dfNote), buildDescriptivesTable(r, input)],
    recommendations: buildRecommendations(checks, recommendationContext(id, input)),
  };
}
