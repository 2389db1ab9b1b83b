/**
 * Decision-suite cases of the second-round designs (rules/designs.json), appended to the suite's
 * SUITE when imported (suite.test.ts imports this file).
 */
import { SUITE, type SuiteCase } from './suite-cases.js';

const c = (dataset: string, prompt: string, expect: SuiteCase['expect']): SuiteCase => ({ dataset, prompt, expect });
const P = 'penguins';

/** The requests and the decisions a statistician expects. */
export const DESIGN_CASES: SuiteCase[] = [
  // F test of two variances, named.
  c('ToothGrowth', 'F test of variances of len between supp groups', { analysis: 'var_test', roles: { outcome: 'len', group: 'supp' } }),
  c('sleep', 'F test for equality of variances of extra between the two groups', { analysis: 'var_test', roles: { outcome: 'extra', group: 'group' } }),
  c('mtcars', 'variance ratio test of mpg by am', { analysis: 'var_test', roles: { outcome: 'mpg', group: 'am' } }),
  c(P, 'ratio of the variances of flipper length between males and females', { analysis: 'var_test', roles: { outcome: 'flipper_length_mm', group: 'sex' } }),
  // Mood's test of scale.
  c('ToothGrowth', "Mood's test of len by supp", { analysis: 'mood_test', roles: { outcome: 'len', group: 'supp' } }),
  c(P, 'mood test for the scale of body mass between sexes', { analysis: 'mood_test', roles: { outcome: 'body_mass_g', group: 'sex' } }),
  // Kolmogorov-Smirnov.
  c('faithful', 'Kolmogorov-Smirnov test of eruptions', { analysis: 'ks_test', roles: { column: 'eruptions' }, options: { distribution: 'normal' } }),
  c('airquality', 'does Ozone follow an exponential distribution?', { analysis: 'ks_test', roles: { column: 'Ozone' }, options: { distribution: 'exponential' } }),
  c('faithful', 'is waiting uniformly distributed?', { analysis: 'ks_test', roles: { column: 'waiting' }, options: { distribution: 'uniform' } }),
  c('airquality', 'KS test: is Wind gamma distributed', { analysis: 'ks_test', roles: { column: 'Wind' }, options: { distribution: 'gamma' } }),
  c('mtcars', 'two-sample Kolmogorov-Smirnov test of mpg by transmission (am)', { analysis: 'ks_test', roles: { outcome: 'mpg', group: 'am' } }),
  c('sleep', 'is the distribution of extra the same in both groups? Kolmogorov Smirnov', { analysis: 'ks_test', roles: { outcome: 'extra', group: 'group' } }),
  c(P, 'do males and females have the same distribution of bill length', { analysis: 'ks_test', roles: { outcome: 'bill_length_mm', group: 'sex' } }),
  // Cochran-Mantel-Haenszel.
  c('UCBAdmissions', 'Mantel-Haenszel test of admission by gender stratified by department', { analysis: 'mantel_haenszel', roles: { row: 'Admit', col: 'Gender', strata: 'Dept' } }),
  c('UCBAdmissions', 'is admission associated with gender controlling for department?', { analysis: 'mantel_haenszel', roles: { row: 'Admit', col: 'Gender', strata: 'Dept' } }),
  c('Titanic', 'is survival associated with sex controlling for class?', { analysis: 'mantel_haenszel', roles: { row: 'Survived', col: 'Sex', strata: 'Class' } }),
  c('Titanic', 'common odds ratio of survival by age across classes', { analysis: 'mantel_haenszel', roles: { row: 'Survived', col: 'Age', strata: 'Class' } }),
  c('mtcars', 'Mantel-Haenszel test of am by engine shape, stratified by cyl', { analysis: 'mantel_haenszel', roles: { row: 'am', col: 'vs', strata: 'cyl' } }),
  // Binomial test, two proportions, McNemar, goodness of fit.
  c(P, 'binomial test of sex', { analysis: 'binomial_test', roles: { column: 'sex' } }),
  c(P, 'is the proportion of males different from 50%?', { analysis: 'binomial_test', roles: { column: 'sex' } }),
  c('Titanic', 'is the share of survivors different from 0.4', { analysis: 'binomial_test', roles: { column: 'Survived' }, options: { mu: 0.4 } }),
  c('mtcars', 'exact binomial test of am against 0.3', { analysis: 'binomial_test', roles: { column: 'am' }, options: { mu: 0.3 } }),
  c('Titanic', 'test of two proportions: survival by sex', { analysis: 'prop_test', roles: { outcome: 'Survived', group: 'Sex' } }),
  c('UCBAdmissions', 'compare proportions of admission between genders', { analysis: 'prop_test', roles: { outcome: 'Admit', group: 'Gender' } }),
  c('Performance', "McNemar's test of survey1 vs survey2", { analysis: 'mcnemar', roles: { before: 'survey1', after: 'survey2' } }),
  c('Performance', 'did approval change between survey1 and survey2 (before and after)?', { analysis: 'mcnemar', roles: { before: 'survey1', after: 'survey2' } }),
  c(P, 'goodness of fit test of species', { analysis: 'chi2_gof', roles: { column: 'species' } }),
  c('InsectSprays', 'are the sprays equally frequent? goodness of fit', { analysis: 'chi2_gof', roles: { column: 'spray' } }),
  c('mtcars', 'is cyl evenly distributed across its levels', { analysis: 'chi2_gof', roles: { column: 'cyl' } }),
  // Power: the numbers come from the request; no dataset column is needed.
  c(P, 'how many participants per group do I need for 80% power to detect d = 0.5?', { analysis: 'power_ttest', roles: {}, options: { power: 0.8, effectSize: 0.5 } }),
  c('sleep', 'sample size for a paired t-test with 90% power and a medium effect', { analysis: 'power_ttest', roles: {}, options: { power: 0.9, effectSize: 0.5, designType: 'paired' } }),
  c(P, 'what is the power with 30 per group to detect an effect size of 0.4?', { analysis: 'power_ttest', roles: {}, options: { effectSize: 0.4, n: 30 } }),
  c(P, 'how many per group for 80% power in an ANOVA with 4 groups and f = 0.25', { analysis: 'power_anova', roles: {}, options: { power: 0.8, effectSize: 0.25, groups: 4 } }),
  c('iris', 'sample size to detect a large effect across three groups with 90% power', { analysis: 'power_anova', roles: {}, options: { power: 0.9, effectSize: 0.4, groups: 3 } }),
  c('Titanic', 'how many people per group to detect proportions of 50% vs 75% with 80% power', { analysis: 'power_prop', roles: {}, options: { power: 0.8, p1: 0.5, p2: 0.75 } }),
  c('ToothGrowth', 'how many per group for 80% power to detect the difference in len between supp groups', { analysis: 'power_ttest', roles: { outcome: 'len', group: 'supp' }, options: { power: 0.8 } }),
  // Friedman: a within-subject factor in long format.
  c('RoundingTimes', 'Friedman test of time by method, blocked by player_id', { analysis: 'friedman', roles: { outcome: 'time', within: 'method', subject: 'player_id' } }),
  c('RoundingTimes', 'nonparametric repeated measures: does time differ between methods for the same players?', { analysis: 'friedman', roles: { outcome: 'time', within: 'method', subject: 'player_id' } }),
  // Pairwise t-tests with an adjustment.
  c(P, 'pairwise t-tests of flipper length between species', { analysis: 'pairwise_ttest', roles: { outcome: 'flipper_length_mm', group: 'species' } }),
  c('PlantGrowth', 'pairwise t tests of weight by group with bonferroni correction', { analysis: 'pairwise_ttest', roles: { outcome: 'weight', group: 'group' }, options: { pAdjust: 'bonferroni' } }),
  c('InsectSprays', 'compare count between sprays pairwise with false discovery rate adjusted p values', { analysis: 'pairwise_ttest', roles: { outcome: 'count', group: 'spray' }, options: { pAdjust: 'BH' } }),
  // Partial correlation: "controlling for" with numeric columns.
  c('mtcars', 'partial correlation of mpg and hp controlling for wt', { analysis: 'partial_correlation', roles: { x: 'mpg', y: 'hp', covariates: ['wt'] } }),
  c('airquality', 'is Ozone correlated with Temp controlling for Wind?', { analysis: 'partial_correlation', roles: { x: 'Ozone', y: 'Temp', covariates: ['Wind'] } }),
  c(P, 'correlation between bill length and bill depth, adjusting for body mass and flipper length', { analysis: 'partial_correlation', roles: { x: 'bill_length_mm', y: 'bill_depth_mm', covariates: ['body_mass_g', 'flipper_length_mm'] } }),
];

SUITE.push(...DESIGN_CASES);
