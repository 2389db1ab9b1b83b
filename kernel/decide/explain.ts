/** Words for decisions: explanation templates filled from roles, task names and one-line reasons. */
import { taskField } from '../contract/index.js';
import type { AnalysisOptions, Roles, TaskId } from '../types.js';
import { formatList } from '../messages/index.js';
import type { Reason } from './types.js';

/** A sentence's first letter in upper case. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A short name of each task, for rationales (from the task catalogue). */
export const TASK_NAMES = taskField('name');

/** Why one would pick a task, in one line (for alternatives listed next to a decision). */
export const TASK_WHY = taskField('why');

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
    strata: roles.strata ?? '',
    within: roles.within ?? '',
    subject: roles.subject ?? '',
    covariates: (roles.covariates ?? []).join(', '),
    factors: (roles.factors ?? []).join(' × '),
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

/** What a named analysis needs of its columns, for "a chi-square test needs two categorical columns". */
export const NEEDS: Partial<Record<TaskId, string>> = {
  chi2_independence: 'two categorical columns',
  fisher_exact: 'two categorical columns',
  pearson: 'two numeric columns',
  spearman: 'two numeric (or ordinal) columns',
  kendall: 'two numeric (or ordinal) columns',
  ttest_welch: 'a numeric outcome and a grouping column of two levels',
  ttest_ind: 'a numeric outcome and a grouping column of two levels',
  ttest_paired: 'a numeric outcome measured twice on the same subjects',
  ttest_one_sample: 'one numeric column and a test value',
  mann_whitney: 'a numeric outcome and a grouping column of two levels',
  wilcoxon_signed_rank: 'a numeric outcome measured twice on the same subjects (or one column and a test value)',
  anova_oneway: 'a numeric outcome and a grouping column',
  welch_anova: 'a numeric outcome and a grouping column',
  kruskal_wallis: 'a numeric outcome and a grouping column',
  tukey_hsd: 'a numeric outcome and a grouping column of three or more levels',
  games_howell: 'a numeric outcome and a grouping column of three or more levels',
  levene: 'a numeric outcome and a grouping column',
  bartlett: 'a numeric outcome and a grouping column',
  shapiro_wilk: 'a numeric column',
  ols: 'a numeric outcome and one or more predictors',
  logistic: 'an outcome of two levels (or two of its levels named) and one or more predictors',
  histogram: 'a numeric column',
  qqplot: 'a numeric column',
  boxplot: 'a numeric column (optionally by a group)',
  violin: 'a numeric column (optionally by a group)',
  scatter: 'two numeric columns',
  regplot: 'two numeric columns',
  anova_rm: 'a numeric outcome, a column of conditions and a column of subjects, one row per subject and condition',
  anova_factorial: 'a numeric outcome and two or more grouping columns',
  ancova: 'a numeric outcome, a grouping column and one or more numeric covariates (what it is adjusted for)',
  chi2_gof: 'one categorical column (its counts against equal or given proportions)',
  ks_test: 'one numeric column (against a distribution), or a numeric outcome and a grouping column of two levels',
  partial_correlation: 'two numeric columns and one or more numeric columns to control for',
  binomial_test: 'one column of two levels and a test proportion',
  prop_test: 'a column of two levels compared between the two groups of another',
  mcnemar: 'two yes/no columns measured on the same subjects',
  friedman: 'a numeric outcome, a column of conditions and a column of subjects (blocks)',
  pairwise_ttest: 'a numeric outcome and a grouping column of three or more levels',
  var_test: 'a numeric outcome and a grouping column of two levels',
  mood_test: 'a numeric outcome and a grouping column of two levels',
  mantel_haenszel: 'two categorical columns of two levels and a column of strata',
  dunn: 'a numeric outcome and a grouping column of three or more levels',
  yuen: 'a numeric outcome and a grouping column of two levels',
  kde: 'a numeric column',
  bar: 'a categorical column',
};

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** The words of a reason (for the reasons built in one place; older ones carry their own sentence). */
export function reasonText(reason: Reason): string {
  const p = reason.params;
  switch (reason.code) {
    case 'named-test-unfit': {
      const name = TASK_NAMES[p.test as TaskId] ?? String(p.test);
      const why = p.column ? `; ${p.column} is ${p.kind}` : '';
      return `${capitalize(name)} was asked for ("${p.asked}"), but it needs ${p.need || 'other columns'}${why}. Choose an analysis that fits, or name other columns.`;
    }
    case 'unknown-word': {
      const closest = list(p.closest);
      const near = closest.length > 0 ? ` The closest: ${formatList(closest.map((c) => `'${c}'`))}.` : '';
      return `No column '${p.word}': the request names something the data do not have.${near} The columns are ${formatList(list(p.columns).map((c) => `'${c}'`), 'and')}.`;
    }
    case 'open-goal':
      if (p.open === 'bare-test') return `The request asks for a test of '${p.column}' without saying which (its distribution, its levels, or its relation to another column?). Choose one.`;
      if (p.open === 'one-sided-relation') return `The request asks whether '${p.column}' is related, but not to what. Choose the other column.`;
      if (p.open === 'relevant-for-what') return `The request asks whether '${p.column}' matters, but names nothing else it could matter for (or through). Choose the other column.`;
      if (p.open === 'compared-with-what') return `The request asks whether '${p.column}' is different without saying between which groups or from what value. Choose one.`;
      if (p.open === 'different-from-what') return `The request asks whether '${p.column}' is different at one group without saying from what (the other groups, or a value?). Choose one.`;
      if (p.open === 'no-outcome') return `The request sets groups of '${p.column}' against each other but does not say in what measurement. Choose the outcome.`;
      if (p.open === 'compared-on-what') return `The request compares the groups of '${p.column}' (or asks its effect) but does not say on what, and the data hold several things to compare them on. Choose the outcome.`;
      if (p.open === 'two-measures') return `The request compares '${p.column}' with another measurement without saying how: how they go together, or their difference on the same rows (only if they measure one quantity on one scale)? Choose one.`;
      if (p.open === 'nothing-named') return `The request ("${p.goal}") names no column, and the data hold several it could be about. Choose the columns.`;
      if (p.open === 'question-unread') return `The request names '${p.column}' but none of its words says what to find out about it (a difference, a relation, a trend?). Choose one.`;
      if (p.open === 'analysed-how') return `The request asks to analyse '${p.column}' without saying what to find out (its distribution, a difference between groups, a relation to another column?). Choose a first analysis.`;
      if (p.open === 'one-level') return `The request names one group ("${p.goal}") but not what to find out about it. Choose a first analysis.`;
      return `The request does not say what to find out${p.goal ? ` ("${p.goal}")` : ''}: which measurement, and compared how? Choose a first analysis or ask a question about named columns.`;
    case 'measurement-level': {
      const cols = list(p.columns);
      if (p.analysis === 'ancova') {
        return `${formatList(cols.map((c) => `'${c}'`), 'and')} ${cols.length > 1 ? 'hold' : 'holds'} only a few coded values: ANCOVA would hold ${cols.length > 1 ? 'them' : 'it'} constant as a number (a straight-line trend in the codes), a factorial ANOVA as categories. Choose one.`;
      }
      if (cols.length === 1 && (p.analysis === 'ttest_one_sample' || p.analysis === 'wilcoxon_signed_rank')) {
        return `'${cols[0]}' holds two values, so ${TASK_NAMES[p.analysis as TaskId] ?? p.analysis} would test the mean of their codes; the share of one value (a binomial test) answers the question directly. Choose one.`;
      }
      if (cols.length === 1) {
        return `'${cols[0]}' holds two coded values, so ${TASK_NAMES[p.analysis as TaskId] ?? p.analysis} compares means of codes; a comparison of proportions (a table of counts) answers the question directly. Choose one.`;
      }
      return `${formatList(cols.map((c) => `'${c}'`), 'and')} ${cols.length > 1 ? 'hold' : 'holds'} only a few coded values, so ${TASK_NAMES[p.analysis as TaskId] ?? p.analysis} treats codes as measurements; choose a rank correlation or a table of counts instead, or keep it as asked.`;
    }
    case 'time-point':
      return `'${p.word}' points to one time of ${p.column}: the analysis at ${p.column} = ${p.value} only, or over every ${p.column}? Choose one.`;
    case 'unlike-pair': {
      const [x, y] = list(p.columns);
      return `${capitalize(TASK_NAMES[p.test as TaskId] ?? String(p.test))} compares one quantity measured twice, but '${x}' and '${y}' look like two different measurements; the mean of their differences may mean little. Choose the paired test as asked or their association.`;
    }
    case 'crossed-design': {
      const [x, y] = list(p.columns);
      return `'${x}' and '${y}' look like design factors crossed once (every combination exactly once), so a table of their counts holds only ones and has nothing to test. Choose the test as asked or another analysis.`;
    }
    case 'stated-outcome':
      return `The request states ${p.column} as the outcome, but ${p.column} is ${p.kind} and no analysis in the catalogue takes it as the outcome with these columns; ${TASK_NAMES[p.analysis as TaskId] ?? String(p.analysis)} would use it as the ${p.role} instead. Choose that reading, or another analysis.`;
    case 'not-in-catalogue':
      return `The catalogue has no ${p.method}; nothing was run in its place. The closest analyses it has are offered.`;
    default:
      return '';
  }
}
