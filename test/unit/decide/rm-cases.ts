/**
 * Decision-suite cases of the one-way repeated-measures ANOVA (rules/repeated-measures.json), appended
 * to the suite's SUITE when imported (suite.test.ts imports this file). Long-format data: CO2 (each
 * Plant once at every conc), ChickWeight (each Chick weighed at up to 12 times), RoundingTimes (each
 * player under three methods), RmSpherical (each participant at three times).
 */
import { SUITE, type SuiteCase } from './suite-cases.js';

const c = (dataset: string, prompt: string, expect: SuiteCase['expect']): SuiteCase => ({ dataset, prompt, expect });
const CO2_RM = { analysis: 'anova_rm', roles: { outcome: 'uptake', within: 'conc', subject: 'Plant' } } as const;
const ROUNDING_RM = { analysis: 'anova_rm', roles: { outcome: 'time', within: 'method', subject: 'player_id' } } as const;

/** The requests and the decisions a statistician expects. */
export const RM_CASES: SuiteCase[] = [
  // Named.
  c('CO2', 'repeated measures anova of uptake over conc within each plant', CO2_RM),
  c('CO2', 'rm anova: uptake by conc, subjects are Plant', CO2_RM),
  c('RoundingTimes', 'within-subjects ANOVA of time across method, player_id as subject', ROUNDING_RM),
  // Named, but the data have no subjects measured under each condition: refused with the reason, never another ANOVA.
  c('penguins', 'repeated measures anova of body mass by species', 'ambiguous'),
  // Said in words: the same subjects under each condition.
  c('ChickWeight', 'does weight change over time within each chick', { analysis: 'anova_rm', roles: { outcome: 'weight', within: 'Time', subject: 'Chick' } }),
  c('RoundingTimes', 'within-subject comparison of time across methods', ROUNDING_RM),
  c('RmSpherical', 'same participants measured at three times', { analysis: 'anova_rm', roles: { outcome: 'score', within: 'time', subject: 'participant' } }),
  c('RoundingTimes', 'repeated measures: does time differ between methods for the same players?', ROUNDING_RM),
  // The formula of a within-subject factor: y ~ w | subject.
  c('CO2', 'uptake ~ conc | Plant', CO2_RM),
  c('RoundingTimes', 'time ~ method | player_id', ROUNDING_RM),
  // Not said, but the table shows it: each subject once under every level (never a silent between-subjects ANOVA).
  c('CO2', 'compare uptake across conc', CO2_RM),
  c('RoundingTimes', 'compare time across methods', ROUNDING_RM),
  // A between-subjects test named on such data: asked, with the reason (pairing-conflict).
  c('CO2', 'one-way anova of uptake by conc', 'ambiguous'),
  c('CO2', 'kruskal-wallis of uptake by conc', 'ambiguous'),
  // ... unless the request says the groups are independent.
  c('CO2', 'compare uptake across conc as independent groups', { analysis: 'welch_anova', roles: { outcome: 'uptake', group: 'conc' } }),
  // Nonparametric wording on the same designs: Friedman's test.
  c('CO2', 'compare median uptake across conc', { analysis: 'friedman', roles: { outcome: 'uptake', within: 'conc', subject: 'Plant' } }),
  c('RoundingTimes', 'time ~ method | player_id, nonparametric', { analysis: 'friedman', roles: { outcome: 'time', within: 'method', subject: 'player_id' } }),
  c('ChickWeight', 'nonparametric test of weight over time within each chick', { analysis: 'friedman', roles: { outcome: 'weight', within: 'Time', subject: 'Chick' } }),
  // A factor that does not vary within subjects is no within-subject factor.
  c('ChickWeight', 'compare weight by diet within each chick', 'ambiguous'), // Diet does not vary within a chick: a question with a menu, never anova_rm
  // Plants as the groups (no other subject column): a between-groups comparison, as before.
  c('CO2', 'uptake across the 12 plants', { analysis: 'welch_anova', roles: { outcome: 'uptake', group: 'Plant' } }),
];

SUITE.push(...RM_CASES);
