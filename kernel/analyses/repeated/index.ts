/** Repeated-measures analyses in long format (one row per subject and condition): friedman. */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { computeFriedman, summarizeFriedman, validateBlocks, type BlockInput, type FriedmanResult } from './friedman.js';

const friedman: Analysis<BlockInput, FriedmanResult> = {
  id: 'friedman',
  columnsFor: (roles: Roles) => [...new Set([roles.outcome, roles.within ?? roles.group, roles.subject ?? roles.pairId].filter((c): c is string => Boolean(c)))],
  validate: validateBlocks,
  compute: (input) => computeFriedman(input),
  check: () => [],
  variant: () => 'Friedman rank sum test',
  summarize: (result, input) => summarizeFriedman(result, input),
};

/** Repeated-measures analyses by id. */
export const repeatedAnalyses: Record<'friedman', Analysis> = { friedman };
