/** Analyses of proportions and counts: mantel_haenszel. */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { computeMantelHaenszel, validateStratified, type MantelHaenszelResult, type StratifiedTable } from './mantel-haenszel.js';
import { summarizeMantelHaenszel } from './summarize-mh.js';

/** The columns of the set roles. */
const columnsOf = (...names: (string | undefined)[]): string[] => [...new Set(names.filter((c): c is string => Boolean(c)))];

const mantelHaenszel: Analysis<StratifiedTable, MantelHaenszelResult> = {
  id: 'mantel_haenszel',
  columnsFor: (roles: Roles) => columnsOf(roles.row, roles.col, roles.strata),
  validate: validateStratified,
  compute: computeMantelHaenszel,
  check: () => [],
  variant: (_input, result) => `Mantel-Haenszel chi-squared test ${result.correction ? 'with' : 'without'} continuity correction`,
  summarize: (result, input, _checks, options) => summarizeMantelHaenszel(result, input, options),
};

/** Proportion analyses by id. */
export const proportionAnalyses: Record<'mantel_haenszel', Analysis> = { mantel_haenszel: mantelHaenszel };
