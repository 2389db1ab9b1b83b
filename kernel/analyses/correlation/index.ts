/** The correlation analyses of CONTRACT.md: pearson, spearman, kendall. */
import type { Roles } from '../../types.js';
import type { Analysis } from '../types.js';
import { checkPearson } from './check.js';
import { computeKendallCorrelation, computePearsonCorrelation, computeSpearmanCorrelation } from './compute.js';
import type { KendallResult } from './kendall.js';
import type { PearsonResult } from './pearson.js';
import type { SpearmanResult } from './spearman.js';
import { summarizeKendall, summarizePearson, summarizeSpearman } from './summarize.js';
import { validateCorrelation, type CorrelationInput } from './validate.js';

/** The x and y columns. */
function columnsForCorrelation(roles: Roles): string[] {
  return [roles.x, roles.y].filter((c): c is string => Boolean(c));
}

const pearson: Analysis<CorrelationInput, PearsonResult> = {
  id: 'pearson',
  columnsFor: columnsForCorrelation,
  validate: validateCorrelation,
  compute: computePearsonCorrelation,
  check: (input, result) => checkPearson(input, result.estimate),
  variant: () => "Pearson's product-moment correlation",
  summarize: (result, input, checks) => summarizePearson(result, input, checks),
};

const spearman: Analysis<CorrelationInput, SpearmanResult> = {
  id: 'spearman',
  columnsFor: columnsForCorrelation,
  validate: validateCorrelation,
  compute: computeSpearmanCorrelation,
  check: () => [],
  variant: (_input, result) =>
    `Spearman's rank correlation rho (${result.method === 't-approx' ? 't approximation' : result.method === 'exact' ? 'exact p-value' : 'Edgeworth series p-value'})`,
  summarize: (result, input, _checks, options) => summarizeSpearman(result, input, options),
};

const kendall: Analysis<CorrelationInput, KendallResult> = {
  id: 'kendall',
  columnsFor: columnsForCorrelation,
  validate: validateCorrelation,
  compute: computeKendallCorrelation,
  check: () => [],
  variant: (_input, result) => `Kendall's rank correlation tau-b (${result.method === 'exact' ? 'exact p-value' : 'normal approximation'})`,
  summarize: (result, input, _checks, options) => summarizeKendall(result, input, options),
};

/** Correlation analyses by id. */
export const correlationAnalyses: Record<'pearson' | 'spearman' | 'kendall', Analysis> = { pearson, spearman, kendall };
