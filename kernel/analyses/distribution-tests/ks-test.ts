/** ks_test: validation, computation and summary (one sample against a distribution, or two samples). */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, Table } from '../../types.js';
import { formatNumber, formatP } from '../common/format.js';
import { selectNumeric } from '../common/select.js';
import { validateTwoSamples } from '../scale/validate.js';
import type { Summary, Validated } from '../types.js';
import { computeKsOneSample, computeKsTwoSample } from './ks.js';
import { cdfOf, checkParams, DISTRIBUTIONS, ESTIMATION, estimateParams, lillieforsP, PARAMETER_NAMES, type DistributionName } from './reference.js';

/** The typed input of ks_test. */
export type KsInput =
  | { kind: 'one'; column: string; values: Float64Array; distribution: DistributionName; params: number[]; estimated: boolean }
  | { kind: 'two'; outcome: string; group: string; levels: [string, string]; x: Float64Array; y: Float64Array };

/** ks_test's result (CONTRACT.md: statistic, p_value, distribution, params, exact; lilliefors_p_value when normal parameters were estimated). */
export interface KsResult {
  statistic: number;
  pValue: number;
  /** The reference distribution (null for two samples). */
  distribution: DistributionName | null;
  /** Its parameters, named (null for two samples). */
  params: Record<string, number> | null;
  paramsEstimated: boolean;
  exact: boolean;
  ties: boolean;
  lillieforsPValue?: number;
}

/** One sample (`column`, or `outcome` without `group`) or two samples (`outcome` by a two-level `group`). */
export function validateKs(request: AnalysisRequest, table: Table): Validated<KsInput> {
  const analysis = request.analysis;
  const { roles, options } = request;
  if (roles.group) {
    const v = validateTwoSamples(request, table, 1);
    return { ...v, input: { kind: 'two', ...v.input } };
  }
  const column = roles.column ?? roles.outcome;
  if (!column) throw new InferraError('missing-role', { analysis, role: 'column (one sample) or outcome and group (two samples)' });
  const distribution = options.distribution ?? 'normal';
  if (!(DISTRIBUTIONS as readonly string[]).includes(distribution)) {
    throw new InferraError('invalid-option', { option: 'distribution', detail: `must be one of ${DISTRIBUTIONS.join(', ')} (got '${distribution}').` });
  }
  const s = selectNumeric(table, [{ name: column, role: 'column' }], analysis);
  const values = s.values[0];
  if (values.length < 1) throw new InferraError('too-few-observations', { analysis, needed: 1, actual: 0, where: `column '${column}'` });
  const estimated = options.params === undefined;
  const params = estimated ? estimateParams(distribution, values, column) : [...(options.params as number[])];
  checkParams(distribution, params);
  return { input: { kind: 'one', column, values, distribution, params, estimated }, n: s.n, nMissing: s.nMissing, dropped: s.dropped };
}

/** The KS statistic and p-value, with Lilliefors' p when normal parameters were estimated. */
export function computeKs(input: KsInput, options: AnalysisOptions): KsResult {
  if (input.kind === 'two') {
    const r = computeKsTwoSample(input.x, input.y, options.alternative, options.exact);
    return Object.freeze({ statistic: r.statistic, pValue: r.pValue, distribution: null, params: null, paramsEstimated: false, exact: r.exact, ties: r.ties });
  }
  const r = computeKsOneSample(input.values, cdfOf(input.distribution, input.params), options.alternative, options.exact);
  const params = Object.fromEntries(PARAMETER_NAMES[input.distribution].map((name, i) => [name, input.params[i]]));
  const result: KsResult = { statistic: r.statistic, pValue: r.pValue, distribution: input.distribution, params, paramsEstimated: input.estimated, exact: r.exact, ties: r.ties };
  if (input.estimated && input.distribution === 'normal' && options.alternative === 'two-sided' && input.values.length >= 5) {
    result.lillieforsPValue = lillieforsP(r.statistic, input.values.length);
  }
  return Object.freeze(result);
}

/** The exact variant's name, as R's `method`. */
export function ksVariant(input: KsInput, result: KsResult): string {
  return `${result.exact ? 'Exact' : 'Asymptotic'} ${input.kind === 'one' ? 'one' : 'two'}-sample Kolmogorov-Smirnov test`;
}

/** "D = 0.12, p = .341" with the caveats a statistician expects (ties, estimated parameters). */
export function summarizeKs(result: KsResult, input: KsInput, options: AnalysisOptions): Summary {
  const label = options.alternative === 'two-sided' ? 'D' : options.alternative === 'greater' ? 'D+' : 'D-';
  const warnings: string[] = [];
  const recommendations: string[] = [];
  if (result.ties) {
    warnings.push(
      input.kind === 'one'
        ? 'The sample has tied values, which a continuous distribution cannot produce; the p-value is approximate (asymptotic).'
        : `Some values are tied; ${result.exact ? 'the exact p-value accounts for them (R >= 4.1)' : 'the asymptotic p-value is approximate'}.`,
    );
  }
  const method = result.exact ? 'exact' : 'asymptotic';
  if (input.kind === 'two') {
    const [a, b] = input.levels;
    return {
      summary: `A two-sample Kolmogorov-Smirnov test compared the distributions of ${input.outcome} between ${input.group} = ${a} (n = ${input.x.length}) and ${b} (n = ${input.y.length}): ${label} = ${formatNumber(result.statistic, 3)}, ${formatP(result.pValue)} (${method}).`,
      tables: [
        {
          title: `Two-sample Kolmogorov-Smirnov test of ${input.outcome}: ${a} vs ${b}`,
          columns: [
            { key: 'statistic', label },
            { key: 'p_value', label: 'p' },
            { key: 'exact', label: 'Exact p' },
            { key: 'n_1', label: `n (${a})` },
            { key: 'n_2', label: `n (${b})` },
          ],
          rows: [{ statistic: result.statistic, p_value: result.pValue, exact: result.exact, n_1: input.x.length, n_2: input.y.length }],
          note: `Largest gap between the two empirical CDFs. ${result.exact ? 'Exact p-value (lattice-path count, ties allowed), as R >= 4.1.' : "Asymptotic p-value (Kolmogorov's limit), as R for nx × ny >= 10000."}`,
        },
      ],
      warnings,
    };
  }
  const paramText = Object.entries(result.params as Record<string, number>).map(([k, v]) => `${k} = ${formatNumber(v, 3)}`).join(', ');
  const lillie = result.lillieforsPValue;
  let summary = `A one-sample Kolmogorov-Smirnov test compared ${input.column} (n = ${input.values.length}) with a ${input.distribution} distribution (${paramText}${input.estimated ? ', estimated from the sample' : ''}): ${label} = ${formatNumber(result.statistic, 3)}, ${formatP(result.pValue)} (${method}).`;
  if (lillie !== undefined) summary += ` With the mean and sd estimated from the same data, Lilliefors' correction gives ${formatP(lillie)}.`;
  if (input.estimated) {
    warnings.push(
      `The ${input.distribution} parameters were estimated from the same data (${ESTIMATION[input.distribution]}), so the Kolmogorov-Smirnov p-value is too large (conservative)${lillie !== undefined ? "; read Lilliefors' p-value instead" : ''}.`,
    );
    if (input.distribution === 'normal') recommendations.push('Consider shapiro_wilk because it is a more powerful test of normality when the mean and sd are unknown.');
  }
  const row: Record<string, number | boolean> = { statistic: result.statistic, p_value: result.pValue, exact: result.exact, n: input.values.length };
  const columns = [
    { key: 'statistic', label },
    { key: 'p_value', label: 'p' },
    ...(lillie !== undefined ? [{ key: 'lilliefors_p_value', label: 'Lilliefors p' }] : []),
    { key: 'exact', label: 'Exact p' },
    { key: 'n', label: 'n' },
  ];
  if (lillie !== undefined) row.lilliefors_p_value = lillie;
  return {
    summary,
    tables: [
      {
        title: `Kolmogorov-Smirnov test of ${input.column} against a ${input.distribution} distribution`,
        columns,
        rows: [row],
        note: `Reference: ${input.distribution}(${paramText})${input.estimated ? `, parameters from ${ESTIMATION[input.distribution]}` : ''}. ${result.exact ? 'Exact p-value (Marsaglia-Tsang-Wang), as R for n < 100 without ties.' : "Asymptotic p-value (Kolmogorov's limit), as R."}`,
      },
    ],
    warnings,
    recommendations,
  };
}
