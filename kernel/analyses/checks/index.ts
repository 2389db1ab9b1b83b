/** The check analyses of CONTRACT.md: shapiro_wilk, levene, bartlett. */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { checkNormality } from './assumptions.js';
import { computeBartlettTest, computeLeveneTest, computeNormality, type BartlettResult, type LeveneResult, type ShapiroWilkResult } from './compute.js';
import { summarizeBartlett, summarizeLevene, summarizeShapiroWilk } from './summarize.js';
import { validateNormality, validateVariances, type NormalityInput, type VarianceInput } from './validate.js';

/** Columns of the named roles that are set. */
function columnsOf(...names: (string | undefined)[]): string[] {
  return [...new Set(names.filter((c): c is string => Boolean(c)))];
}

const shapiroWilk: Analysis<NormalityInput, ShapiroWilkResult> = {
  id: 'shapiro_wilk',
  columnsFor: (roles: Roles) => columnsOf(roles.column ?? roles.outcome, roles.group),
  validate: validateNormality,
  compute: computeNormality,
  check: () => [],
  variant: (input) => `Shapiro-Wilk normality test${input.group ? ` per level of ${input.group}` : ''}`,
  summarize: (result, input) => summarizeShapiroWilk(result, input),
};

const levene: Analysis<VarianceInput, LeveneResult> = {
  id: 'levene',
  columnsFor: (roles: Roles) => columnsOf(roles.outcome, roles.group),
  validate: validateVariances,
  compute: computeLeveneTest,
  check: () => [],
  variant: (_input, result) => (result.center === 'median' ? "Levene's test (Brown-Forsythe, median-centred)" : "Levene's test (mean-centred)"),
  summarize: (result, input) => summarizeLevene(result, input),
};

const bartlett: Analysis<VarianceInput, BartlettResult> = {
  id: 'bartlett',
  columnsFor: (roles: Roles) => columnsOf(roles.outcome, roles.group),
  validate: validateVariances,
  compute: (input) => computeBartlettTest(input),
  // Bartlett's test assumes normal groups; say when they are not.
  check: (input) => checkNormality(input.samples.map((values, i) => ({ target: `${input.outcome} | ${input.group}=${input.levels[i]}`, values }))),
  variant: () => "Bartlett's test of homogeneity of variances",
  summarize: (result, input, checks) => summarizeBartlett(result, input, checks),
};

/** Check analyses by id. */
export const checkAnalyses: Record<'shapiro_wilk' | 'levene' | 'bartlett', Analysis> = { shapiro_wilk: shapiroWilk, levene, bartlett };
