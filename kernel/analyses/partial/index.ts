/** Partial correlation: the association of two numeric columns with covariates held constant. */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { computePartial, summarizePartial, validatePartial, type PartialInput, type PartialResult } from './partial-correlation.js';

const partialCorrelation: Analysis<PartialInput, PartialResult> = {
  id: 'partial_correlation',
  columnsFor: (roles: Roles) => [...new Set([roles.x, roles.y, ...(roles.covariates ?? [])].filter((c): c is string => Boolean(c)))],
  validate: validatePartial,
  compute: computePartial,
  check: () => [],
  variant: (input) => `Partial correlation controlling for ${input.covariates.join(', ')}`,
  summarize: (result, input, _checks, options) => summarizePartial(result, input, options),
};

/** Partial correlation by id. */
export const partialAnalyses: Record<'partial_correlation', Analysis> = { partial_correlation: partialCorrelation };
