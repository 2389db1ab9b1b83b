import { didYouMean, type MessageParams, type MessageTable } from './types.js';

/** Messages of the statistics engine (validation and degenerate data). */
export const analysisMessages = {
  'column-not-found': (p: MessageParams) => `No column '${p.column}'.${didYouMean(p.suggestion)}`,
  'column-not-numeric': (p: MessageParams) =>
    `Column '${p.column}' is ${p.kind}, but the ${p.role} of ${p.analysis} must be numeric.${p.note ? ` ${p.note}` : ''}`,
  'column-not-categorical': (p: MessageParams) =>
    `Column '${p.column}' has ${p.distinct} distinct values; the ${p.role} of ${p.analysis} must be a grouping column with few levels.`,
  'missing-role': (p: MessageParams) =>
    `${p.analysis} needs ${p.role}: add --${p.flag} COLUMN.`,
  'unexpected-role': (p: MessageParams) => `${p.analysis} does not use ${p.role}; remove --${p.flag}.`,
  'wrong-level-count': (p: MessageParams) =>
    `${p.analysis} needs ${p.expected} groups, but '${p.column}' has ${p.actual} (${p.levels}). Use --levels to keep the ones you want, or choose another analysis.`,
  'level-not-found': (p: MessageParams) =>
    `Column '${p.column}' has no level '${p.level}'.${didYouMean(p.suggestion)} Its levels are: ${p.levels}.`,
  'design-too-large': (p: MessageParams) =>
    `ols would fit ${Number(p.coefficients).toLocaleString('en')} coefficients (factor levels count one each) on ${Number(p.rows).toLocaleString('en')} rows: ` +
    `${(Number(p.values) / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} million values, about ${Number(p.gigabytes).toFixed(1)} GB of memory. ` +
    `Inferra fits at most ${(Number(p.max) / 1e6).toLocaleString('en')} million (rows × coefficients). Use fewer predictors or a factor with fewer levels, or analyze a subset of the rows with --where.`,
  'too-few-observations': (p: MessageParams) =>
    `${p.analysis} needs at least ${p.needed} complete observations${p.where ? ` in ${p.where}` : ''}, but there are ${p.actual}.`,
  'zero-variance': (p: MessageParams) =>
    `${p.where} has no variation (every value is ${p.value}), so ${p.analysis} cannot be computed.`,
  'perfect-fit': (p: MessageParams) =>
    `The model fits the data exactly (residual variance is zero), so standard errors and p-values are undefined.${p.detail ? ` ${p.detail}` : ''}`,
  'collinear-predictors': (p: MessageParams) =>
    `Predictors are perfectly collinear: ${p.terms} ${p.count === 1 ? 'is' : 'are'} a linear combination of the others. Remove ${p.count === 1 ? 'it' : 'them'} and run again.`,
  'empty-table-cell': (p: MessageParams) =>
    `The table of '${p.row}' by '${p.col}' has an empty row or column (${p.detail}); drop that level with --where or --levels.`,
  'invalid-option': (p: MessageParams) => `Option --${p.option} ${p.detail}`,
  'not-paired': (p: MessageParams) =>
    `A paired analysis needs each ${p.pairId} in both groups; ${p.detail}.`,
  'table-too-large': (p: MessageParams) =>
    `The ${p.rows} x ${p.cols} table (N = ${p.n}) is too large for ${p.analysis} by full enumeration (more than ${p.limit} steps). Use chi2_independence instead, or merge sparse levels.`,
  'sample-too-large': (p: MessageParams) =>
    `${p.analysis} accepts at most ${p.max} observations, but there are ${p.actual}.`,
} satisfies MessageTable;
