/** Repeated-measures analyses in long format (one row per subject and condition): friedman, anova_rm. */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { computeAnovaRm, type AnovaRmResult } from './anova-rm.js';
import { validateBlocks, type BlockInput } from './blocks.js';
import { computeFriedman, summarizeFriedman, type FriedmanResult } from './friedman.js';
import { checkAnovaRm, summarizeAnovaRm } from './summarize-rm.js';

/** The outcome, condition and subject columns. */
function blockColumns(roles: Roles): string[] {
  return [...new Set([roles.outcome, roles.within ?? roles.group, roles.subject ?? roles.pairId].filter((c): c is string => Boolean(c)))];
}

const friedman: Analysis<BlockInput, FriedmanResult> = {
  id: 'friedman',
  columnsFor: blockColumns,
  validate: validateBlocks,
  compute: (input) => computeFriedman(input),
  check: () => [],
  variant: () => 'Friedman rank sum test',
  summarize: (result, input) => summarizeFriedman(result, input),
};

const anovaRm: Analysis<BlockInput, AnovaRmResult> = {
  id: 'anova_rm',
  columnsFor: blockColumns,
  validate: validateBlocks,
  compute: (input, options) => computeAnovaRm(input, options.confLevel),
  check: (input, result) => checkAnovaRm(input, result),
  variant: () => 'One-way repeated-measures ANOVA',
  summarize: (result, input, checks, options) => summarizeAnovaRm(result, input, checks, options),
};

/** Repeated-measures analyses by id. */
export const repeatedAnalyses: Record<'friedman' | 'anova_rm', Analysis> = { friedman, anova_rm: anovaRm };
