/**
 * Decision-suite cases of the factorial designs (rules/factorial.json), appended to the suite's SUITE
 * when imported (suite.test.ts imports this file). A regression named in words stays ols.
 */
import { SUITE, type SuiteCase } from './suite-cases.js';

const c = (dataset: string, prompt: string, expect: SuiteCase['expect']): SuiteCase => ({ dataset, prompt, expect });
const P = 'penguins';

/** The requests and the decisions a statistician expects. */
export const FACTORIAL_CASES: SuiteCase[] = [
  // Factorial ANOVA: two categorical predictors of a numeric outcome, by name, as an effect, as an interaction, as a formula.
  c('warpbreaks', 'effect of wool and tension on breaks', { analysis: 'anova_factorial', roles: { outcome: 'breaks', factors: ['wool', 'tension'] } }),
  c('ToothGrowth', 'two-way anova of len by supp and dose', { analysis: 'anova_factorial', roles: { outcome: 'len', factors: ['supp', 'dose'] } }),
  c('ToothGrowth', 'interaction of supp and dose on len', { analysis: 'anova_factorial', roles: { outcome: 'len', factors: ['supp', 'dose'] } }),
  c('warpbreaks', 'breaks ~ wool * tension', { analysis: 'anova_factorial', roles: { outcome: 'breaks', factors: ['wool', 'tension'] } }),
  c('ToothGrowth', 'does len depend on supp and dose?', { analysis: 'anova_factorial', roles: { outcome: 'len', factors: ['supp', 'dose'] } }),
  c(P, 'factorial anova of body mass by species and sex', { analysis: 'anova_factorial', roles: { outcome: 'body_mass_g', factors: ['species', 'sex'] } }),
  c(P, 'does body mass differ by species and sex', { analysis: 'anova_factorial', roles: { outcome: 'body_mass_g', factors: ['species', 'sex'] } }),
  c('ToothGrowth', 'two-way anova of len by supp and dose with type III sums of squares', { analysis: 'anova_factorial', roles: { outcome: 'len', factors: ['supp', 'dose'] }, options: { ssType: 3 } }),
  c('warpbreaks', 'breaks ~ wool * tension, type 3', { analysis: 'anova_factorial', roles: { outcome: 'breaks', factors: ['wool', 'tension'] }, options: { ssType: 3 } }),
  // An interaction with no outcome named: the only measurement, or asked which one (never guessed).
  c('warpbreaks', 'is there an interaction between wool and tension?', { analysis: 'anova_factorial', roles: { outcome: 'breaks', factors: ['wool', 'tension'] } }),
  c(P, 'interaction between species and sex', 'ambiguous'),
  // ANCOVA: a group compared adjusting for a numeric covariate, by name or as a formula.
  c('CO2', 'does Type affect uptake controlling for conc', { analysis: 'ancova', roles: { outcome: 'uptake', group: 'Type', covariates: ['conc'] } }),
  c('CO2', 'ancova of uptake by Type with covariate conc', { analysis: 'ancova', roles: { outcome: 'uptake', group: 'Type', covariates: ['conc'] } }),
  c('CO2', 'compare uptake between Treatment adjusting for conc', { analysis: 'ancova', roles: { outcome: 'uptake', group: 'Treatment', covariates: ['conc'] } }),
  c('CO2', 'ANCOVA: uptake ~ Type + conc', { analysis: 'ancova', roles: { outcome: 'uptake', group: 'Type', covariates: ['conc'] } }),
  c(P, 'does body mass differ between species adjusting for flipper length?', { analysis: 'ancova', roles: { outcome: 'body_mass_g', group: 'species', covariates: ['flipper_length_mm'] } }),
  // A covariate of a few coded values: a linear trend in the codes (ANCOVA) or categories (factorial ANOVA)? Asked.
  c('ToothGrowth', 'does len differ by supp controlling for dose', 'ambiguous'),
  c('mtcars', 'does mpg differ by gear controlling for wt', { analysis: 'ancova', roles: { outcome: 'mpg', group: 'gear', covariates: ['wt'] } }),
  // Not stolen: a named regression with mixed predictors stays ols; main effects only stay ols; one factor stays a one-factor test.
  c(P, 'regression of body mass on species and flipper length', { analysis: 'ols', roles: { outcome: 'body_mass_g', predictors: ['species', 'flipper_length_mm'] } }),
  c('CO2', 'linear regression of uptake on Type and conc', { analysis: 'ols', roles: { outcome: 'uptake', predictors: ['Type', 'conc'] } }),
  // A formula without an interaction or a design named is a linear model (the suite's formulas, e.g.
  // 'bill length ~ bill depth + species', decide ols): y ~ group + covariate stays ols unless ANCOVA is named.
  c('warpbreaks', 'breaks ~ wool + tension', { analysis: 'ols', roles: { outcome: 'breaks', predictors: ['wool', 'tension'] } }),
  c('CO2', 'uptake ~ Type + conc', { analysis: 'ols', roles: { outcome: 'uptake', predictors: ['Type', 'conc'] } }),
  c('warpbreaks', 'do breaks differ between wool types?', { analysis: 'ttest_welch', roles: { outcome: 'breaks', group: 'wool' } }),
];

SUITE.push(...FACTORIAL_CASES);
