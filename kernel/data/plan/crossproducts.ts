/**
 * Cross-products of a linear model's design in the engine (types.ts, `CrossProductsAggregate`), exact
 * and independent of row order, as the plan's moments (run.ts):
 *
 * 1. n and the largest |value| of every design column (bounds the chunks);
 * 2. the exact sum of every column: the means, correctly rounded (the centres c_j);
 * 3. d_j = v_j - c_j per row (one IEEE operation) and the exact product d_j d_k (its rounded value
 *    and rounding error, by Veltkamp's split and Dekker's two-product), summed exactly; the
 *    offsets s_j = Σd_j / n of the rounded centres are removed in JavaScript:
 *    Σ(d_j - s_j)(d_k - s_k) = Σd_j d_k - n s_j s_k.
 *
 * The sums come back exact (`exact`, rationals) so a model can be solved without rounding. A residual
 * round (`runResidualRound`) sums r = d_0 - Σ b_j d_j and r^2 exactly for given coefficients: the
 * residual sum of squares from the residuals themselves.
 */
import type { Dialect } from './dialect.js';
import type { Engine, Relation } from './engine.js';
import { boundExponent, chunkSum, completeRows, exactSumsQuery, Parameters, type ExactTerm } from './run.js';
import { add, fromExactSum, rational, sub, toDouble, type Rational } from './rational.js';
import { exactMean, exactToDouble, type ExactSum } from './state.js';
import type { CrossProductsAggregate, DesignColumnSpec } from './types.js';

/** 2^27 + 1: Veltkamp's splitting constant for doubles. */
const SPLITTER = 134217729;

/** Sums per query (three integer chunks each). */
const BATCH = 120;

/** The cross-products of a design: what `runCrossProducts` returns. */
export interface CrossProducts {
  n: number;
  /** The centre of each column (its mean, correctly rounded; 0 when not centred). */
  centres: number[];
  /** The offset of each column from its centre: Σ(v - c) / n (0 when not centred). */
  offsets: number[];
  /** The largest |value| of each column. */
  maxAbs: number[];
  /** A bound on |v - c| of each column (its range when centred). */
  dBound: number[];
  /** Σ(v_j - mean_j)(v_k - mean_k) (centred) or Σ v_j v_k, symmetric: exact (of the rounded d_j d_k), and as doubles. */
  exact: Rational[][];
  cross: number[][];
}

/** The SQL of one design column's value per row. */
function termExpression(d: Dialect, params: Parameters, term: DesignColumnSpec): string {
  const parts = term.factors.map((f) => {
    const x = d.identifier(f.column.name);
    if ('level' in f) return `(CASE WHEN ${x} = ${params.text(d, f.level)} THEN ${d.doubleConstant(1)} ELSE ${d.doubleConstant(0)} END)`;
    if (f.power === 1) return x;
    if (f.power === 2) return `(${x} * ${x})`;
    return `power(${x}, ${d.doubleConstant(f.power)})`;
  });
  return parts.length ? parts.join(' * ') : d.doubleConstant(1);
}

/** Runs exact sums of many terms over one derived table, in batches; the sums in order. */
async function exactSums(engine: Engine, from: string, params: readonly (string | number)[], terms: readonly ExactTerm[]): Promise<ExactSum[]> {
  const out: ExactSum[] = [];
  for (let start = 0; start < terms.length; start += BATCH) {
    const batch = terms.slice(start, start + BATCH);
    // Each term's value once per row (the fence: not inlined into each of its chunks).
    const values = `(SELECT ${batch.map((t, i) => `${t.expression} AS t${i}`).join(', ')} FROM ${from}${engine.dialect.fence}) AS term_values`;
    const [row] = await engine.query(exactSumsQuery(engine.dialect, values, [], batch.map((t, i) => ({ expression: `t${i}`, exponent: t.exponent }))), params);
    batch.forEach((t, i) => out.push(chunkSum(row, 3 * i, t.exponent)));
  }
  return out;
}

/** The derived table of the design columns (v0, v1, ...) of the complete rows, with its parameters. */
function designRows(engine: Engine, relation: Relation, aggregate: CrossProductsAggregate): { from: string; params: Parameters } {
  const d = engine.dialect;
  const params = new Parameters(relation);
  const select = aggregate.terms.map((t, j) => `${termExpression(d, params, t)} AS v${j}`).join(', ');
  // The fence (OFFSET 0) keeps PostgreSQL from inlining the columns' expressions into every product and chunk.
  return { from: `(SELECT ${select} FROM ${completeRows(d, relation, aggregate.columns)}${d.fence}) AS design`, params };
}

/** The derived table of the centred columns (d0, d1, ...), each d_j = v_j - c_j rounded once. */
function centredRows(engine: Engine, relation: Relation, aggregate: CrossProductsAggregate, centres: readonly number[]): { from: string; params: Parameters } {
  const d = engine.dialect;
  const { from, params } = designRows(engine, relation, aggregate);
  const select = centres.map((c, j) => (aggregate.centred ? `v${j} - ${params.double(d, c)} AS d${j}` : `v${j} AS d${j}`)).join(', ');
  // Veltkamp's split of each d_j into h_j + l_j (26 and 27 significant bits, exact IEEE operations).
  const split = d.doubleConstant(SPLITTER);
  const halves = centres.map((_, j) => `d${j}, (${split} * d${j} - (${split} * d${j} - d${j})) AS h${j}, d${j} - (${split} * d${j} - (${split} * d${j} - d${j})) AS l${j}`).join(', ');
  return { from: `(SELECT ${halves} FROM (SELECT ${select} FROM ${from}${d.fence}) AS differences${d.fence}) AS centred`, params };
}

/** Rounds 1 to 3 of the cross-products of a design. */
export async function runCrossProducts(engine: Engine, relation: Relation, aggregate: CrossProductsAggregate): Promise<CrossProducts> {
  const d = engine.dialect;
  const m = aggregate.terms.length;
  const design = designRows(engine, relation, aggregate);
  const [bounds] = await engine.query(
    `SELECT count(*), ${aggregate.terms.map((_, j) => `${d.asText(`min(v${j})`)}, ${d.asText(`max(v${j})`)}`).join(', ')} FROM ${design.from}`,
    design.params.values,
  );
  const n = Number(bounds[0]);
  const value = (text: string | null) => (text === null ? 0 : Number(text));
  const ranges = aggregate.terms.map((_, j) => ({ min: value(bounds[2 * j + 1]), max: value(bounds[2 * j + 2]) }));
  const maxAbs = ranges.map((r) => Math.max(Math.abs(r.min), Math.abs(r.max)));
  // |d_j| <= max_j - min_j about a centre within the range (the mean), else |v_j| <= max|v_j|.
  const dBound = ranges.map((r, j) => (aggregate.centred ? r.max - r.min : maxAbs[j]));
  if (n === 0) return { n, centres: maxAbs.map(() => 0), offsets: maxAbs.map(() => 0), maxAbs, dBound, exact: maxAbs.map(() => maxAbs.map(() => rational(0n))), cross: maxAbs.map(() => maxAbs.map(() => 0)) };
  let centres = maxAbs.map(() => 0);
  if (aggregate.centred) {
    const sums = await exactSums(engine, design.from, design.params.values, maxAbs.map((b, j) => ({ expression: `v${j}`, exponent: boundExponent(b) })));
    centres = sums.map((s) => exactMean(s, n));
  }
  const centred = centredRows(engine, relation, aggregate, centres);
  const terms: ExactTerm[] = [];
  const pairs: [number, number][] = [];
  for (let j = 0; j < m; j++) {
    for (let k = j; k < m; k++) {
      pairs.push([j, k]);
      // The product d_j d_k rounded, and its rounding error (Dekker's two-product, exact): their sum
      // is the exact product, so the cross-products are exact sums of exact products.
      const bound = dBound[j] * dBound[k];
      terms.push({ expression: `d${j} * d${k}`, exponent: boundExponent(bound) });
      terms.push({ expression: `(((h${j} * h${k} - d${j} * d${k}) + h${j} * l${k}) + l${j} * h${k}) + l${j} * l${k}`, exponent: boundExponent(bound * 2 ** -52) });
    }
  }
  if (aggregate.centred) for (let j = 0; j < m; j++) terms.push({ expression: `d${j}`, exponent: boundExponent(dBound[j]) });
  const sums = (await exactSums(engine, centred.from, centred.params.values, terms)).map(fromExactSum);
  const products = pairs.map((_, i) => add(sums[2 * i], sums[2 * i + 1]));
  const dSums = aggregate.centred ? sums.slice(2 * pairs.length) : [];
  const offsets = dSums.map((s) => toDouble(s) / n);
  const exact = maxAbs.map(() => maxAbs.map(() => rational(0n)));
  // Σ(d_j - s_j)(d_k - s_k) = Σd_j d_k - (Σd_j)(Σd_k) / n, exactly.
  pairs.forEach(([j, k], i) => {
    const value = aggregate.centred ? sub(products[i], rational(dSums[j].n * dSums[k].n, dSums[j].d * dSums[k].d * BigInt(n))) : products[i];
    exact[j][k] = value;
    exact[k][j] = value;
  });
  return { n, centres, offsets: aggregate.centred ? offsets : maxAbs.map(() => 0), maxAbs, dBound, exact, cross: exact.map((row) => row.map(toDouble)) };
}

/** Sums of the residuals of given coefficients: what `runResidualRound` returns. */
export interface ResidualSums {
  /** Σr and Σr^2, r = d_0 - Σ b_j d_{columns[j]}. */
  sumR: number;
  sumR2: number;
}

/**
 * The exact sums of r = d_0 - Σ b_j d_{columns[j]} (subtracted in order, one rounding each) and r^2
 * over the complete rows, about the centres of `products`.
 */
export async function runResidualRound(
  engine: Engine,
  relation: Relation,
  aggregate: CrossProductsAggregate,
  products: CrossProducts,
  columns: readonly number[],
  coefficients: readonly number[],
): Promise<ResidualSums> {
  const d = engine.dialect;
  const centred = centredRows(engine, relation, aggregate, products.centres);
  const dBound = products.dBound;
  let residual = 'd0';
  let bound = dBound[0];
  columns.forEach((col, j) => {
    residual = `(${residual} - ${centred.params.double(d, coefficients[j])} * d${col})`;
    bound += Math.abs(coefficients[j]) * dBound[col];
  });
  // Rounding of each step stays far inside the factor 2 of boundExponent.
  bound *= 1 + 1e-9;
  const from = `(SELECT ${residual} AS r FROM ${centred.from}${d.fence}) AS residuals`;
  const terms: ExactTerm[] = [
    { expression: 'r', exponent: boundExponent(bound) },
    { expression: 'r * r', exponent: boundExponent(bound * bound) },
  ];
  const [sumR, sumR2] = (await exactSums(engine, from, centred.params.values, terms)).map(exactToDouble);
  return { sumR, sumR2 };
}
