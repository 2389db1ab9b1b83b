/** Families of analyses for scoring decisions: a right family with the wrong variant is "same family". */
import type { TaskId } from '../../../kernel/types.js';

export const FAMILIES: Record<string, TaskId[]> = {
  'two-groups': ['ttest_welch', 'ttest_ind', 'mann_whitney'],
  'k-groups': ['anova_oneway', 'welch_anova', 'kruskal_wallis', 'tukey_hsd', 'games_howell'],
  paired: ['ttest_paired', 'wilcoxon_signed_rank'],
  correlation: ['pearson', 'spearman', 'kendall'],
  contingency: ['chi2_independence', 'fisher_exact'],
  variance: ['levene', 'bartlett'],
  distribution: ['histogram', 'kde', 'qqplot', 'shapiro_wilk'],
  groupfigure: ['boxplot', 'violin'],
  xy: ['scatter', 'regplot'],
};

/** The family of an analysis or figure (itself when it has none). */
export function familyOf(task: TaskId): string {
  for (const [family, tasks] of Object.entries(FAMILIES)) if (tasks.includes(task)) return family;
  return task;
}
