import { typesetSentence } from '../contract/format.js';
import { InferraError } from '../errors.js';
import type { AnalysisId, AnalysisOptions, AnalysisOutcome, AnalysisRequest, AssumptionCheck, Table } from '../types.js';
import { isOneSided, markOneTailed } from './common/tails.js';
import { analyses } from './registry.js';
import type { Analysis, Validated } from './types.js';

/** The outcome of an analysis, before the worker adds figures and dataset provenance. */
export type ComputedOutcome = Omit<AnalysisOutcome, 'figures' | 'dataset'>;

/** The columns an analysis needs for a request's roles. */
export function columnsForAnalysis(request: AnalysisRequest & { analysis: AnalysisId }): string[] {
  return analyses[request.analysis].columnsFor(request.roles);
}

/**
 * Runs one analysis on a loaded table:
 * 1. validate roles and data into a typed input (drops incomplete rows, says how many);
 * 2. compute the numbers;
 * 3. run the assumption checks on the right thing;
 * 4. summarize into tables, an APA sentence, warnings and recommendations.
 */
export function runAnalysis(request: AnalysisRequest & { analysis: AnalysisId }, table: Table): ComputedOutcome {
  return runAnalysisWith(request, {
    validate: (analysis) => analysis.validate(request, table),
  });
}

/**
 * The steps of an analysis where some come from elsewhere (the aggregate plan, kernel/analyses/planned):
 * `validate` gives the typed input, `compute` (default: the analysis' own) the numbers, `adjustChecks`
 * amends the checks run on the input.
 */
export interface AnalysisSteps {
  validate(analysis: Analysis): Validated<unknown>;
  compute?(input: unknown, options: AnalysisOptions): object;
  adjustChecks?(checks: AssumptionCheck[], input: unknown): AssumptionCheck[];
}

/** Runs one analysis through its steps, with the overrides of `steps`. */
export function runAnalysisWith(request: AnalysisRequest & { analysis: AnalysisId }, steps: AnalysisSteps): ComputedOutcome {
  const analysis = analyses[request.analysis];
  if (!analysis) throw new InferraError('internal-error', { detail: `no analysis '${request.analysis}'` });
  const validated = steps.validate(analysis);
  const compute = steps.compute ?? ((input: unknown, options: AnalysisOptions) => analysis.compute(input, options));
  const result = compute(validated.input, request.options);
  const ran = analysis.check(validated.input, result, request.options);
  const checks = steps.adjustChecks ? steps.adjustChecks(ran, validated.input) : ran;
  const summary = analysis.summarize(result, validated.input, checks, request.options);
  // A one-sided test (asked for explicitly) says so, with the two-sided p beside it (common/tails.ts).
  let sentence = summary.summary;
  let tails: { pValueTwoSided?: number } = {};
  if (isOneSided(result, request.options)) {
    const twoSided = compute(validated.input, { ...request.options, alternative: 'two-sided' }) as { pValue: number };
    sentence = markOneTailed(sentence, result.pValue, twoSided.pValue);
    tails = { pValueTwoSided: twoSided.pValue };
  }
  return {
    analysis: request.analysis,
    variant: analysis.variant(validated.input, result, request.options),
    roles: request.roles,
    options: request.options,
    n: validated.n,
    nMissing: validated.nMissing,
    dropped: validated.dropped,
    result: { ...result, ...tails },
    assumptions: checks,
    // Typography (minus signs) once, for every analysis' sentence (kernel/contract/format.ts).
    summary: typesetSentence(sentence),
    warnings: [...(validated.warnings ?? []), ...(summary.warnings ?? [])],
    recommendations: summary.recommendations ?? [],
    tables: summary.tables,
  };
}
