/**
 * `ols` in the database, through the plan's cross-products (kernel/data/plan/crossproducts.ts): the
 * engine returns the exact cross-product matrix of the centred design (outcome, numeric terms and
 * powers, treatment dummies whose levels come from a COUNT ... GROUP BY, and the numeric x factor
 * products the interaction check needs). The small p x p systems are solved here in exact rational
 * arithmetic (kernel/data/plan/rational.ts), with the file path's rank tolerance and error, and each
 * reported number is rounded once; one residual round in the engine sums (y - Xb)^2 exactly for the
 * residual sum of squares.
 *
 * The assumption checks (normality of the residuals, Breusch-Pagan) run on the plan's bounded sample,
 * which is the whole table up to SAMPLE_LIMIT rows; above, the worker's warning says so. */
import { InferraError } from '../../errors.js';
import { runCrossProducts, runResidualRound, type CrossProducts } from '../../data/plan/crossproducts.js';
import { solveExact, sub, toDouble, ZERO, type ExactSolution } from '../../data/plan/rational.js';
import { runValueCounts } from '../../data/plan/run.js';
import type { CrossProductsAggregate, DesignColumnSpec, PlanColumn } from '../../data/plan/types.js';
import type { Relation } from '../../data/plan/engine.js';
import type { AnalysisId, AnalysisOptions, AnalysisRequest, ColumnKind, FittedLine, FittedModel } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { upperF } from '../common/distributions.js';
import { droppedForMissing } from '../common/select.js';
import { olsResultOf, type OlsResult } from '../regression/compute.js';
import { columnsOfTerms, compareBoolean, parseTermSpecs } from '../regression/design.js';
import { RANK_TOLERANCE } from '../regression/qr.js';
import type { InteractionTest, TermTest } from '../regression/terms.js';
import type { PlanContext } from './index.js';

/** One design column of the model (or of the interaction check), with its names. */
interface PlannedTerm {
  term: string;
  /** The requested term it came from (a factor's dummies share it). */
  source: string;
  spec: DesignColumnSpec;
  /** A treatment dummy: its factor column and level. */
  dummy?: { column: string; level: string };
}

/** The model's design columns, with the levels of each factor as the database counts them. */
async function buildPlannedDesign(request: AnalysisRequest, ctx: PlanContext, complete: Relation, columns: readonly PlanColumn[]) {
  const specs = parseTermSpecs(request.roles.predictors ?? [], request.options.degree, [...ctx.kinds.keys()]);
  const byName = new Map(columns.map((c) => [c.name, c]));
  let fullCoding = !request.options.intercept;
  const terms: PlannedTerm[] = [];
  const references: { column: string; level: string }[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const column = byName.get(spec.column)!;
    const kind = ctx.kinds.get(spec.column);
    if (kind === 'numeric') {
      if (seen.has(spec.label)) continue;
      seen.add(spec.label);
      terms.push({ term: spec.label, source: spec.label, spec: { factors: [{ column, power: spec.power }] } });
      continue;
    }
    if (seen.has(spec.column)) continue;
    seen.add(spec.column);
    const counts = (await runValueCounts(ctx.engine, complete, column)).get('') ?? new Map<string, number>();
    const boolean = kind === 'boolean';
    const levels = [...counts.keys()].sort(boolean ? compareBoolean : compareNatural);
    if (levels.length < 2) throw new InferraError('zero-variance', { where: `Predictor '${spec.column}'`, value: levels[0] ?? 'missing', analysis: 'ols' });
    for (const level of levels.slice(fullCoding ? 0 : 1)) {
      terms.push({
        term: `${spec.column}${boolean ? level.toUpperCase() : level}`,
        source: spec.column,
        spec: { factors: [{ column, level }] },
        dummy: { column: spec.column, level },
      });
    }
    if (!fullCoding) references.push({ column: spec.column, level: levels[0] });
    fullCoding = false;
  }
  return { terms, references };
}

/**
 * The exact least-squares solution for some columns of the cross-products (0 is the outcome), with
 * the file path's rank rules: a column whose centred values are only rounding noise, or that the
 * earlier columns explain to RANK_TOLERANCE (rational.ts), is dependent.
 */
function solveColumns(products: CrossProducts, columns: readonly number[]): ExactSolution {
  const noise = columns.flatMap((c, j) => (Math.sqrt(products.cross[c][c]) > 8 * Number.EPSILON * products.maxAbs[c] * Math.sqrt(products.n) ? [] : [j]));
  if (noise.length) return { dependent: noise, b: [], inverse: [], explained: ZERO };
  return solveExact(products.exact, columns, 0, RANK_TOLERANCE);
}

/** The residual sum of squares of the model's coefficients, from the residuals summed in the engine. */
async function residualSumOfSquares(ctx: PlanContext, complete: Relation, aggregate: CrossProductsAggregate, products: CrossProducts, columns: readonly number[], b: readonly number[]): Promise<number> {
  const sums = await runResidualRound(ctx.engine, complete, aggregate, products, columns, b);
  return aggregate.centred ? sums.sumR2 - (sums.sumR * sums.sumR) / products.n : sums.sumR2;
}

/** The columns `ols` reads in the database: the outcome, then each predictor's column once. */
export function olsColumnNames(request: AnalysisRequest, kinds: ReadonlyMap<string, ColumnKind>): string[] {
  const specs = parseTermSpecs(request.roles.predictors ?? [], request.options.degree, [...kinds.keys()]);
  return [...new Set([...(request.roles.outcome ? [request.roles.outcome] : []), ...columnsOfTerms(specs)])];
}

/** What the engine's aggregates give `ols`: the result for given options, n, and the rows dropped for missing values. */
export interface PlannedOls {
  compute: (options: AnalysisOptions) => OlsResult;
  n: number;
  dropped: ReturnType<typeof droppedForMissing>;
  /** The fitted model as data, for the residual figures (evaluated on the rows they draw, never refitted). */
  model: FittedModel;
  /** With one numeric predictor (no power): the line and its band's parts, for the regression figure. */
  line?: FittedLine;
}

/**
 * Fits `ols` from the engine's cross-products, on the rows complete in `columns` (the outcome
 * first); `missing` is the number of rows with a missing value among them.
 */
export async function fitOlsInDatabase(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext, columns: readonly PlanColumn[], missing: number): Promise<PlannedOls> {
  const names = columns.map((c) => c.name);
  const outcome = columns[0];
  const condition = columns.map((c) => `${ctx.engine.dialect.identifier(c.name)} IS NOT NULL`).join(' AND ');
  const completeRelation: Relation = { sql: `SELECT * FROM (${ctx.relation.sql}) AS base WHERE ${condition}`, params: ctx.relation.params };
  const { terms, references } = await buildPlannedDesign(request, ctx, completeRelation, columns);
  const intercept = request.options.intercept;
  // The interaction check's columns: each numeric term (no powers) times each dummy of each factor.
  const extra: PlannedTerm[] = [];
  if (intercept) {
    const numeric = [...new Set(terms.filter((t) => !t.dummy && !t.source.includes('^')).map((t) => t.source))];
    for (const x of numeric) {
      const xTerm = terms.find((t) => t.term === x)!;
      for (const d of terms.filter((t) => t.dummy)) {
        extra.push({ term: `${x}:${d.term}`, source: `${x}|${d.source}`, spec: { factors: [...xTerm.spec.factors, ...d.spec.factors] } });
      }
    }
  }
  const aggregate: CrossProductsAggregate = { kind: 'crossproducts', columns: [...columns], terms: [{ factors: [{ column: outcome, power: 1 }] }, ...terms.map((t) => t.spec), ...extra.map((t) => t.spec)], centred: intercept };
  const products = await runCrossProducts(ctx.engine, completeRelation, aggregate);
  const n = products.n;
  const k = terms.length;
  const p = k + (intercept ? 1 : 0);
  if (n <= p) throw new InferraError('too-few-observations', { analysis: 'ols', needed: p + 1, actual: n });
  const model = terms.map((_, j) => j + 1);
  const first = solveColumns(products, model);
  if (first.dependent.length > 0) {
    throw new InferraError('collinear-predictors', { terms: first.dependent.map((j) => `'${terms[j].term}'`).join(', '), count: first.dependent.length });
  }
  const b = first.b.map(toDouble);
  const inverse = first.inverse.map((row) => row.map(toDouble));
  // The residual sum of squares from the residuals themselves (accurate also when R² is near 1).
  const rss = await residualSumOfSquares(ctx, completeRelation, aggregate, products, model, b);
  const tss = products.cross[0][0];
  const mss = tss - rss;
  const dfResid = n - p;
  const means = products.centres.map((c, j) => c + products.offsets[j]);
  // R's "essentially perfect fit" (compute.ts isPerfectFit): the fitted values' mean and variance.
  const fittedMean = intercept ? means[0] : b.reduce((sum, v, j) => sum + v * means[j + 1], 0);
  const fittedVariance = (intercept ? mss : mss - n * fittedMean * fittedMean) / (n - 1);
  if (rss / dfResid <= (fittedMean * fittedMean + fittedVariance) * 1e-30) {
    throw new InferraError('perfect-fit', { detail: `'${outcome.name}' is an exact linear function of the predictors.` });
  }
  const sigma2 = rss / dfResid;
  const estimates = [...b];
  const stdErrors = b.map((_, j) => Math.sqrt(sigma2 * inverse[j][j]));
  if (intercept) {
    let b0 = means[0];
    for (let j = 0; j < k; j++) b0 -= means[j + 1] * b[j];
    let q = 0;
    for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) q += means[a + 1] * inverse[a][c] * means[c + 1];
    estimates.unshift(b0);
    stdErrors.unshift(Math.sqrt(sigma2 * (1 / n + q)));
  }
  const termNames = [...(intercept ? ['(Intercept)'] : []), ...terms.map((t) => t.term)];
  const sources = terms.map((t) => t.source);
  const compute = (options: AnalysisOptions): OlsResult =>
    olsResultOf({ terms: termNames, estimates, stdErrors, rss, mss, n, p, intercept }, options, {
      termTests: termTests(products, sources, intercept, first, rss, dfResid),
      interactions: interactionTests(products, model, first, extra, rss, n, p),
      referenceLevels: references,
    });
  const fitted: FittedModel = {
    outcome: outcome.name,
    columns: names,
    intercept: intercept ? estimates[0] : 0,
    terms: terms.map((t, j) => ({
      coefficient: b[j],
      factors: t.spec.factors.map((f) => ('level' in f ? { column: f.column.name, level: f.level } : { column: f.column.name, power: f.power })),
    })),
  };
  const only = terms.length === 1 ? terms[0].spec.factors : [];
  const simple = only.length === 1 && !('level' in only[0]) && only[0].power === 1;
  const line: FittedLine | undefined = simple
    ? {
        intercept: fitted.intercept,
        slope: b[0],
        centre: intercept ? means[1] : 0,
        atCentre: intercept ? means[0] : 0,
        sxx: products.cross[1][1],
        n,
        sigma: Math.sqrt(sigma2),
        df: dfResid,
        withIntercept: intercept,
      }
    : undefined;
  return { compute, n, dropped: droppedForMissing([outcome.name, ...names.filter((x) => x !== outcome.name)], missing), model: fitted, line };
}

/**
 * Type II tests of each term (terms.ts computeTermTests): with main effects only, each term's sum of
 * squares is what the model explains beyond the model without it, a difference taken exactly.
 */
function termTests(products: CrossProducts, sources: readonly string[], intercept: boolean, full: ExactSolution, rss: number, dfResid: number): TermTest[] {
  const unique = [...new Set(sources)];
  if (!intercept || unique.length < 2) return [];
  const mse = rss / dfResid;
  const tests: TermTest[] = [];
  for (const term of unique) {
    const reduced = solveColumns(
      products,
      sources.flatMap((s, j) => (s === term ? [] : [j + 1])),
    );
    if (reduced.dependent.length) return [];
    const df = sources.filter((s) => s === term).length;
    const ss = toDouble(sub(full.explained, reduced.explained));
    const f = ss / df / mse;
    tests.push({ term, ss, df, f, pValue: upperF(f, df, dfResid) });
  }
  return tests;
}

/**
 * F tests of each numeric predictor x factor interaction (terms.ts computeInteractionTests): the
 * residual sum of squares the interaction's columns remove, a difference taken exactly.
 */
function interactionTests(products: CrossProducts, model: readonly number[], full: ExactSolution, extra: readonly PlannedTerm[], rss: number, n: number, p: number): InteractionTest[] {
  const tests: InteractionTest[] = [];
  const groups = new Map<string, number[]>();
  extra.forEach((t, i) => groups.set(t.source, [...(groups.get(t.source) ?? []), model.length + 1 + i]));
  for (const [key, columns] of groups) {
    const [numeric, factor] = key.split('|');
    const larger = solveColumns(products, [...model, ...columns]);
    const df2 = n - p - columns.length;
    if (larger.dependent.length || df2 <= 0) continue;
    const gain = toDouble(sub(larger.explained, full.explained));
    const df1 = columns.length;
    const f = gain / df1 / ((rss - gain) / df2);
    tests.push({ numeric, factor, df1, df2, f, pValue: upperF(f, df1, df2) });
  }
  return tests;
}
