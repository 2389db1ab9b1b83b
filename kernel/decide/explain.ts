/** Words for decisions: explanation templates filled from roles, task names and one-line reasons. */
import type { AnalysisOptions, Roles, TaskId } from '../types.js';

/** A sentence's first letter in upper case. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A short name of each task, for rationales. */
export const TASK_NAMES: Record<TaskId, string> = {
  describe: 'descriptive statistics',
  ttest_one_sample: 'one-sample t-test',
  ttest_ind: "Student's t-test",
  ttest_welch: "Welch's t-test",
  ttest_paired: 'paired t-test',
  mann_whitney: 'Mann-Whitney U test',
  wilcoxon_signed_rank: 'Wilcoxon signed-rank test',
  anova_oneway: 'one-way ANOVA',
  welch_anova: "Welch's ANOVA",
  kruskal_wallis: 'Kruskal-Wallis test',
  tukey_hsd: "Tukey's HSD",
  games_howell: 'Games-Howell comparisons',
  pearson: 'Pearson correlation',
  spearman: 'Spearman correlation',
  kendall: "Kendall's tau",
  ols: 'linear regression (OLS)',
  chi2_independence: 'chi-square test of independence',
  fisher_exact: "Fisher's exact test",
  shapiro_wilk: 'Shapiro-Wilk normality test',
  levene: "Levene's test",
  bartlett: "Bartlett's test",
  histogram: 'histogram',
  boxplot: 'box plot',
  violin: 'violin plot',
  scatter: 'scatter plot',
  kde: 'density plot',
  regplot: 'scatter plot with regression line',
  qqplot: 'QQ plot',
  bar: 'bar chart',
};

/** Why one would pick a task, in one line (for alternatives listed next to a decision). */
export const TASK_WHY: Record<TaskId, string> = {
  describe: 'Summaries first: n, missing, mean, sd and quartiles.',
  ttest_one_sample: 'Compares one mean with a fixed value.',
  ttest_ind: 'Assumes equal variances in both groups (pooled).',
  ttest_welch: 'Two group means without assuming equal variances.',
  ttest_paired: 'Same subjects measured twice: tests the mean difference.',
  mann_whitney: 'Rank-based: robust to non-normality and outliers.',
  wilcoxon_signed_rank: 'Rank-based test of paired differences (or of one sample against a value).',
  anova_oneway: 'Compares the means of three or more groups.',
  welch_anova: 'Compares three or more means without assuming equal variances.',
  kruskal_wallis: 'Rank-based comparison of three or more groups.',
  tukey_hsd: 'Which pairs of groups differ, with family-wise error control.',
  games_howell: 'Which pairs differ, without assuming equal variances.',
  pearson: 'Linear association between two numeric columns.',
  spearman: 'Monotonic (rank) association; robust to outliers.',
  kendall: 'Rank concordance; good with small samples and ties.',
  ols: 'Models the outcome as a linear function of predictors.',
  chi2_independence: 'Association between two categorical columns.',
  fisher_exact: 'Exact test for a 2x2 table; right when expected counts are small.',
  shapiro_wilk: 'Tests whether the values look normally distributed.',
  levene: 'Tests equal variances across groups (robust, median-centred).',
  bartlett: 'Tests equal variances across groups (sensitive to non-normality).',
  histogram: 'Shows the distribution of one numeric column.',
  boxplot: 'Shows medians, quartiles and outliers by group.',
  violin: 'Shows the full distribution shape by group.',
  scatter: 'Shows how two numeric columns vary together.',
  kde: 'Smooth estimate of a distribution.',
  regplot: 'Scatter with a fitted line and confidence band.',
  qqplot: 'Compares the quantiles with a normal distribution.',
  bar: 'Counts of each level of a categorical column.',
};

/** Values a template may use. */
export interface TemplateValues {
  roles: Roles;
  options: Partial<AnalysisOptions>;
  /** Number of groups of the group role. */
  k?: number;
  /** Levels of the group role as used (named, or all). */
  levels?: string[];
  /** Extra text for {small}. */
  small?: string;
}

/** Fills `{outcome}`, `{group}`, `{levels}`, `{k}`, `{mu}`, `{by_group}`... in a rule's explanation. */
export function renderExplanation(template: string, values: TemplateValues): string {
  const { roles, options } = values;
  const fields: Record<string, string> = {
    outcome: roles.outcome ?? '',
    group: roles.group ?? '',
    x: roles.x ?? '',
    y: roles.y ?? '',
    column: roles.column ?? '',
    column_or_all: roles.column ?? 'every column',
    predictors: (roles.predictors ?? []).join(' + '),
    pairId: roles.pairId ?? '',
    before: roles.before ?? '',
    after: roles.after ?? '',
    row: roles.row ?? '',
    col: roles.col ?? '',
    color: roles.color ?? '',
    levels: (values.levels ?? []).join(' vs '),
    k: String(values.k ?? ''),
    mu: String(options.mu ?? 0),
    by_group: roles.group ? ` by ${roles.group}` : '',
    by_color: roles.color ? `, coloured by ${roles.color}` : '',
    small: values.small ?? '',
  };
  return template.replace(/\{([a-z_A-Z]+)\}/g, (whole, key: string) => (key in fields ? fields[key] : whole));
}

/** "outcome: len, group: supp" for messages. */
export function describeRoles(roles: Roles): string {
  return Object.entries(roles)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)
    .join('; ');
}
