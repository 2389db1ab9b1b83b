/**
 * The task catalogue: what Inferra knows about each analysis and figure, written once. The rule
 * engine (names, reasons, the two-group counterpart), the LLM answer check (role sets), the
 * explanations, the CLI and the decision scoring all read it from here.
 */
import type { Roles, TaskId } from '../types.js';

/** What one analysis or figure is, for people and for the decision code. */
export interface TaskInfo {
  /** Short name for rationales and buttons, lower case unless a proper name starts it ("Welch's t-test"). */
  readonly name: string;
  /** Why one would pick it, in one line (shown next to alternatives). */
  readonly why: string;
  /** The sets of roles it runs with: any one of them. */
  readonly roleSets: readonly (readonly (keyof Roles)[])[];
  /**
   * Tasks answering the same kind of question ("two-groups", "k-groups", ...): a right family with
   * the wrong variant is scored "same family", and alternatives list one task of each family.
   */
  readonly family: string;
  /** For a test of k groups: the test of two groups that it becomes for two levels. */
  readonly twoGroup?: TaskId;
  /** Analyses compute statistics; figures only draw. */
  readonly kind: 'analysis' | 'figure';
}

const GROUP_ROLES = [['outcome', 'group']] as const;
const XY = [['x', 'y']] as const;
const ROW_COL = [['row', 'col']] as const;
const ONE_COLUMN = [['column'], ['outcome']] as const;

/** Every task, by id. */
export const TASKS: { readonly [K in TaskId]: TaskInfo } = {
  describe: { kind: 'analysis', family: 'describe', roleSets: [[]], name: 'descriptive statistics', why: 'Summaries first: n, missing, mean, sd and quartiles.' },
  ttest_one_sample: { kind: 'analysis', family: 'one-sample', roleSets: ONE_COLUMN, name: 'one-sample t-test', why: 'Compares one mean with a fixed value.' },
  ttest_ind: { kind: 'analysis', family: 'two-groups', roleSets: GROUP_ROLES, name: "Student's t-test", why: 'Assumes equal variances in both groups (pooled).' },
  ttest_welch: { kind: 'analysis', family: 'two-groups', roleSets: GROUP_ROLES, name: "Welch's t-test", why: 'Two group means without assuming equal variances.' },
  ttest_paired: {
    kind: 'analysis', family: 'paired', roleSets: [['before', 'after'], ['outcome', 'group', 'pairId']],
    name: 'paired t-test', why: 'Same subjects measured twice: tests the mean difference.',
  },
  mann_whitney: { kind: 'analysis', family: 'two-groups', roleSets: GROUP_ROLES, name: 'Mann-Whitney U test', why: 'Rank-based: robust to non-normality and outliers.' },
  wilcoxon_signed_rank: {
    kind: 'analysis', family: 'paired', roleSets: [['before', 'after'], ['outcome', 'group', 'pairId'], ['column']],
    name: 'Wilcoxon signed-rank test', why: 'Rank-based test of paired differences (or of one sample against a value).',
  },
  anova_oneway: { kind: 'analysis', family: 'k-groups', twoGroup: 'ttest_welch', roleSets: GROUP_ROLES, name: 'one-way ANOVA', why: 'Compares the means of three or more groups.' },
  welch_anova: {
    kind: 'analysis', family: 'k-groups', twoGroup: 'ttest_welch', roleSets: GROUP_ROLES,
    name: "Welch's ANOVA", why: 'Compares three or more means without assuming equal variances.',
  },
  kruskal_wallis: {
    kind: 'analysis', family: 'k-groups', twoGroup: 'mann_whitney', roleSets: GROUP_ROLES,
    name: 'Kruskal-Wallis test', why: 'Rank-based comparison of three or more groups.',
  },
  tukey_hsd: { kind: 'analysis', family: 'k-groups', roleSets: GROUP_ROLES, name: "Tukey's HSD", why: 'Which pairs of groups differ, with family-wise error control.' },
  games_howell: { kind: 'analysis', family: 'k-groups', roleSets: GROUP_ROLES, name: 'Games-Howell comparisons', why: 'Which pairs differ, without assuming equal variances.' },
  yuen: {
    kind: 'analysis', family: 'two-groups', roleSets: GROUP_ROLES,
    name: "Yuen's trimmed-means test", why: 'Two group centres (20% trimmed means) without assuming normality or equal variances.',
  },
  dunn: {
    kind: 'analysis', family: 'k-groups', roleSets: GROUP_ROLES,
    name: "Dunn's test", why: 'Which pairs differ after Kruskal-Wallis: z tests on the mean ranks, Holm-adjusted.',
  },
  pearson: { kind: 'analysis', family: 'correlation', roleSets: XY, name: 'Pearson correlation', why: 'Linear association between two numeric columns.' },
  spearman: { kind: 'analysis', family: 'correlation', roleSets: XY, name: 'Spearman correlation', why: 'Monotonic (rank) association; robust to outliers.' },
  kendall: { kind: 'analysis', family: 'correlation', roleSets: XY, name: "Kendall's tau", why: 'Rank concordance; good with small samples and ties.' },
  ols: { kind: 'analysis', family: 'regression', roleSets: [['outcome', 'predictors']], name: 'linear regression (OLS)', why: 'Models the outcome as a linear function of predictors.' },
  chi2_independence: { kind: 'analysis', family: 'contingency', roleSets: ROW_COL, name: 'chi-square test of independence', why: 'Association between two categorical columns.' },
  fisher_exact: { kind: 'analysis', family: 'contingency', roleSets: ROW_COL, name: "Fisher's exact test", why: 'Exact test for a 2x2 table; right when expected counts are small.' },
  shapiro_wilk: { kind: 'analysis', family: 'distribution', roleSets: ONE_COLUMN, name: 'Shapiro-Wilk normality test', why: 'Tests whether the values look normally distributed.' },
  levene: { kind: 'analysis', family: 'variance', roleSets: GROUP_ROLES, name: "Levene's test", why: 'Tests equal variances across groups (robust, median-centred).' },
  bartlett: { kind: 'analysis', family: 'variance', roleSets: GROUP_ROLES, name: "Bartlett's test", why: 'Tests equal variances across groups (sensitive to non-normality).' },
  var_test: { kind: 'analysis', family: 'variance', roleSets: GROUP_ROLES, name: 'F test of two variances', why: 'Compares the variances of two groups (assumes normal data).' },
  mood_test: { kind: 'analysis', family: 'variance', roleSets: GROUP_ROLES, name: "Mood's test of scale", why: 'Rank-based comparison of the spread of two groups.' },
  ks_test: {
    kind: 'analysis', family: 'distribution', roleSets: [['column'], ['outcome'], ['outcome', 'group']],
    name: 'Kolmogorov-Smirnov test', why: 'Compares a sample with a named distribution, or two samples\' whole distributions.',
  },
  mantel_haenszel: {
    kind: 'analysis', family: 'contingency', roleSets: [['row', 'col', 'strata']],
    name: 'Cochran-Mantel-Haenszel test', why: 'Association in 2x2 tables across strata, with a common odds ratio.',
  },
  binomial_test: { kind: 'analysis', family: 'proportion', roleSets: [['column'], ['outcome']], name: 'exact binomial test', why: 'Compares the share of one level of a yes/no column with a fixed proportion.' },
  prop_test: { kind: 'analysis', family: 'proportion', roleSets: GROUP_ROLES, name: 'test of two proportions', why: 'Compares the share of a yes/no outcome between two groups.' },
  mcnemar: { kind: 'analysis', family: 'paired', roleSets: [['before', 'after']], name: "McNemar's test", why: 'A yes/no answer measured twice on the same units: did it change?' },
  chi2_gof: { kind: 'analysis', family: 'proportion', roleSets: [['column'], ['outcome']], name: 'chi-square goodness-of-fit test', why: 'Compares the counts of one categorical column with expected proportions.' },
  power_ttest: { kind: 'analysis', family: 'power', roleSets: [[], ['outcome', 'group'], ['column']], name: 'power analysis for a t-test', why: "Sample size (or power) to detect a Cohen's d." },
  power_prop: { kind: 'analysis', family: 'power', roleSets: [[], ['outcome', 'group']], name: 'power analysis for two proportions', why: 'Sample size (or power) to tell two proportions apart.' },
  power_anova: { kind: 'analysis', family: 'power', roleSets: [[], ['outcome', 'group']], name: 'power analysis for a one-way ANOVA', why: "Sample size per group (or power) to detect a Cohen's f." },
  friedman: {
    kind: 'analysis', family: 'repeated', roleSets: [['outcome', 'within', 'subject']],
    name: 'Friedman test', why: 'Rank-based comparison of three or more conditions measured on the same subjects.',
  },
  anova_rm: {
    kind: 'analysis', family: 'repeated', roleSets: [['outcome', 'within', 'subject']],
    name: 'repeated-measures ANOVA', why: 'Compares the means of conditions measured on the same subjects, with sphericity corrections.',
  },
  pairwise_ttest: { kind: 'analysis', family: 'k-groups', roleSets: GROUP_ROLES, name: 'pairwise t-tests', why: 'Every pair of groups compared, with Holm (or another) p-value adjustment.' },
  partial_correlation: {
    kind: 'analysis', family: 'correlation', roleSets: [['x', 'y', 'covariates']],
    name: 'partial correlation', why: 'Association of two numeric columns with other columns held constant.',
  },
  logistic: {
    kind: 'analysis', family: 'regression', roleSets: [['outcome', 'predictors']],
    name: 'logistic regression', why: 'Models the odds of a two-level outcome (success or not) from predictors; odds ratios with intervals.',
  },
  anova_factorial: {
    kind: 'analysis', family: 'factorial', roleSets: [['outcome', 'factors']],
    name: 'factorial ANOVA', why: 'Main effects and interactions of two or three grouping factors on a numeric outcome.',
  },
  ancova: {
    kind: 'analysis', family: 'ancova', roleSets: [['outcome', 'group', 'covariates']],
    name: 'ANCOVA', why: 'Group means compared after adjusting for numeric covariates.',
  },
  histogram: { kind: 'figure', family: 'distribution', roleSets: [['column']], name: 'histogram', why: 'Shows the distribution of one numeric column.' },
  boxplot: { kind: 'figure', family: 'group-figure', roleSets: [['outcome']], name: 'box plot', why: 'Shows medians, quartiles and outliers by group.' },
  violin: { kind: 'figure', family: 'group-figure', roleSets: [['outcome']], name: 'violin plot', why: 'Shows the full distribution shape by group.' },
  scatter: { kind: 'figure', family: 'xy', roleSets: XY, name: 'scatter plot', why: 'Shows how two numeric columns vary together.' },
  kde: { kind: 'figure', family: 'distribution', roleSets: [['column']], name: 'density plot', why: 'Smooth estimate of a distribution.' },
  regplot: { kind: 'figure', family: 'xy', roleSets: XY, name: 'scatter plot with regression line', why: 'Scatter with a fitted line and confidence band.' },
  qqplot: { kind: 'figure', family: 'distribution', roleSets: [['column']], name: 'QQ plot', why: 'Compares the quantiles with a normal distribution.' },
  bar: { kind: 'figure', family: 'bar', roleSets: [['column']], name: 'bar chart', why: 'Counts of each level of a categorical column.' },
};

/** One field of every task, by id (`taskField('name')` -> the names). */
export function taskField<K extends keyof TaskInfo>(field: K): { readonly [T in TaskId]: TaskInfo[K] } {
  return Object.fromEntries(Object.entries(TASKS).map(([id, info]) => [id, info[field]])) as { [T in TaskId]: TaskInfo[K] };
}

/** The name of a task with its first letter in upper case, for buttons and headings ("One-way ANOVA"). */
export function taskTitle(task: TaskId): string {
  const name = TASKS[task].name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
