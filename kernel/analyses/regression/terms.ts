/**
 * Tests of whole terms of an `ols` model, beside the coefficient table: the Type II F test of each
 * term (R: `car::Anova(fit, type = 2)`; with main effects only, each term is tested after all the
 * others, so a factor gets one test for all its dummies), and the F test of each numeric predictor's
 * interaction with each factor (R: `anova(lm(y ~ x + f), lm(y ~ x * f))`), offered, never fitted silently.
 */
import { upperF } from '../common/distributions.js';
import { fitLeastSquares, type LeastSquaresFit } from './fit.js';
import type { OlsInput } from './validate.js';

/** The Type II test of one term. */
export interface TermTest {
  term: string;
  /** Sum of squares of the term given the others. */
  ss: number;
  df: number;
  f: number;
  pValue: number;
}

/** The F test of adding a numeric predictor x factor interaction to the model. */
export interface InteractionTest {
  numeric: string;
  factor: string;
  df1: number;
  df2: number;
  f: number;
  pValue: number;
}

/** Factor terms: those whose design columns are named other than the term (treatment dummies). */
function factorTerms(input: OlsInput, sources: readonly string[]): Set<string> {
  const out = new Set<string>();
  sources.forEach((source, j) => {
    if (input.design.terms[j] !== source) out.add(source);
  });
  return out;
}

/** The residual sum of squares of the model with only the design columns `keep` (plus `extra`). */
function refit(input: OlsInput, keep: (j: number) => boolean, extra: { term: string; values: Float64Array }[] = []): LeastSquaresFit | undefined {
  const terms: string[] = [];
  const columns: Float64Array[] = [];
  input.design.columns.forEach((c, j) => {
    if (!keep(j)) return;
    terms.push(input.design.terms[j]);
    columns.push(c);
  });
  for (const e of extra) {
    terms.push(e.term);
    columns.push(e.values);
  }
  if (columns.length === 0) return undefined;
  const fit = fitLeastSquares({ terms, columns, intercept: input.design.intercept }, input.y);
  return fit.dependentTerms.length > 0 ? undefined : fit;
}

/** Type II F tests of every term, when the model has at least two terms (with one, it is the overall F). */
export function computeTermTests(input: OlsInput, full: LeastSquaresFit): TermTest[] {
  const sources = input.sources;
  if (!sources || !input.design.intercept) return [];
  const unique = [...new Set(sources)];
  if (unique.length < 2) return [];
  const mse = full.rss / full.dfResid;
  const tests: TermTest[] = [];
  for (const term of unique) {
    const reduced = refit(input, (j) => sources[j] !== term);
    if (!reduced) return [];
    const df = sources.filter((s) => s === term).length;
    const ss = reduced.rss - full.rss;
    const f = ss / df / mse;
    tests.push({ term, ss, df, f, pValue: upperF(f, df, full.dfResid) });
  }
  return tests;
}

/** The numeric predictors of the model in order (powers excluded), the first being the one the sentence reports. */
export function listNumericTerms(input: OlsInput): string[] {
  const sources = input.sources ?? input.design.terms;
  const factors = factorTerms(input, sources);
  return [...new Set(sources)].filter((s) => !factors.has(s) && !s.includes('^'));
}

/** F tests of each numeric predictor x factor interaction added to the model. */
export function computeInteractionTests(input: OlsInput, full: LeastSquaresFit): InteractionTest[] {
  const sources = input.sources;
  if (!sources || !input.design.intercept) return [];
  const factors = factorTerms(input, sources);
  const tests: InteractionTest[] = [];
  for (const numeric of listNumericTerms(input)) {
    const x = input.design.columns[sources.indexOf(numeric)];
    for (const factor of factors) {
      const extra: { term: string; values: Float64Array }[] = [];
      sources.forEach((s, j) => {
        if (s !== factor) return;
        const dummy = input.design.columns[j];
        extra.push({ term: `${numeric}:${input.design.terms[j]}`, values: Float64Array.from(dummy, (d, i) => d * x[i]) });
      });
      const larger = refit(input, () => true, extra);
      if (!larger || larger.dfResid <= 0) continue;
      const df1 = extra.length;
      const f = (full.rss - larger.rss) / df1 / (larger.rss / larger.dfResid);
      tests.push({ numeric, factor, df1, df2: larger.dfResid, f, pValue: upperF(f, df1, larger.dfResid) });
    }
  }
  return tests;
}
