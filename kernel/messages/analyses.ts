import { didYouMean } from './types.js';

/** Messages of the statistics engine (validation and degenerate data). What is wrong; the doors add how to fix it. */
export const analysisMessages = {
  'column-not-found': (p: { column: string; suggestion?: string }) => `No column '${p.column}'.${didYouMean(p.suggestion)}`,
  'column-not-numeric': (p: { column: string; kind: string; role: string; analysis: string; note?: string }) =>
    `Column '${p.column}' is ${p.kind}, but the ${p.role} of ${p.analysis} must be numeric.${p.note ? ` ${p.note}` : ''}`,
  'column-not-categorical': (p: { column: string; distinct: number; role: string; analysis: string }) =>
    `Column '${p.column}' has ${p.distinct} distinct values; the ${p.role} of ${p.analysis} must be a grouping column with few levels.`,
  'missing-role': (p: { analysis: string; role: string }) => `${p.analysis} needs a column for its ${p.role} role, and none was given.`,
  'unexpected-role': (p: { analysis: string; role: string }) => `${p.analysis} does not use a ${p.role} column.`,
  'wrong-level-count': (p: { analysis: string; expected: number | string; column: string; actual: number; levels: string }) =>
    `${p.analysis} needs ${p.expected} groups, but '${p.column}' has ${p.actual}${p.levels ? ` (${p.levels})` : ''}.`,
  'level-not-found': (p: { column: string; level: string; suggestion?: string; levels: string }) =>
    `Column '${p.column}' has no level '${p.level}'.${didYouMean(p.suggestion)} Its levels are: ${p.levels}.`,
  'design-too-large': (p: { coefficients: number; rows: number; values: number; gigabytes: number; max: number; analysis?: string }) =>
    `${p.analysis ?? 'ols'} would fit ${p.coefficients.toLocaleString('en')} coefficients (factor levels count one each) on ${p.rows.toLocaleString('en')} rows: ` +
    `${(p.values / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} million values, about ${p.gigabytes.toFixed(1)} GB of memory. ` +
    `Inferra fits at most ${(p.max / 1e6).toLocaleString('en')} million (rows × coefficients). Use fewer predictors or a factor with fewer levels, or fewer rows.`,
  'too-few-observations': (p: { analysis: string; needed: number; actual: number; where?: string }) =>
    `${p.analysis} needs at least ${p.needed} complete observations${p.where ? ` in ${p.where}` : ''}, but there are ${p.actual}.`,
  'zero-variance': (p: { analysis: string; where: string; value: string | number | null }) =>
    `${p.where} has no variation (every value is ${p.value}), so ${p.analysis} cannot be computed.`,
  'perfect-fit': (p: { detail?: string }) =>
    `The model fits the data exactly (residual variance is zero), so standard errors and p-values are undefined.${p.detail ? ` ${p.detail}` : ''}`,
  'collinear-predictors': (p: { terms: string; count: number }) =>
    `Predictors are perfectly collinear: ${p.terms} ${p.count === 1 ? 'is' : 'are'} a linear combination of the others. Remove ${p.count === 1 ? 'it' : 'them'} and run again.`,
  'empty-table-cell': (p: { row: string; col: string; detail: string }) =>
    `The table of '${p.row}' by '${p.col}' has an empty row or column (${p.detail}).`,
  'invalid-option': (p: { option: string; detail: string }) => `Option '${p.option}' ${p.detail}`,
  'not-paired': (p: { pairId: string; detail: string }) =>
    `A paired analysis needs each ${p.pairId} in both groups; ${p.detail}.`,
  'repeated-cells': (p: { analysis: string; outcome: string; subject: string; within: string; count: number; cells: string }) =>
    `${p.analysis} needs exactly one value of '${p.outcome}' per subject ('${p.subject}') and condition ('${p.within}'), but ${p.count} subject-condition cell${p.count === 1 ? ' has' : 's have'} more than one row: ${p.cells}.`,
  'table-too-large': (p: { rows: number; cols: number; n: number; analysis: string; limit: string }) =>
    `The ${p.rows} x ${p.cols} table (N = ${p.n}) is too large for ${p.analysis} by full enumeration (more than ${p.limit} steps).`,
  'outcome-not-binary': (p: { analysis: string; column: string; actual: number; levels: string }) =>
    `${p.analysis} models an outcome with exactly two levels (success or not), but '${p.column}' has ${p.actual}${p.levels ? ` (${p.levels})` : ''}.` +
    (p.actual > 2
      ? ' Recode it into two levels (for example "high" vs the rest), keep two of its levels, or, for a numeric outcome, use a linear model (ols).'
      : ' Every complete row has the same value, so there is nothing to predict.'),
  'factor-count': (p: { analysis: string; count: number; factors: string; min: number; max: number }) =>
    `${p.analysis} crosses ${p.min} to ${p.max} factors, but ${p.count} ${p.count === 1 ? 'was' : 'were'} given (${p.factors}).`,
  'empty-design-cells': (p: { analysis: string; factors: string; count: number; total: number; cells: string }) =>
    `${p.count} of the ${p.total} combinations of ${p.factors} have no rows (${p.cells}), so ${p.analysis} cannot estimate every cell mean and the interaction.`,
  'sample-too-large': (p: { analysis: string; max: number | string; actual: number }) =>
    `${p.analysis} accepts at most ${p.max} observations, but there are ${p.actual}.`,
};
