import assert from 'node:assert/strict';
import { snakeKeys } from '../../../kernel/contract/index.js';
import { computeRegressionBand } from '../../../kernel/analyses/regression/band.js';
import { fitOls } from '../../../kernel/analyses/regression/compute.js';
import { fitLeastSquares } from '../../../kernel/analyses/regression/fit.js';
import { buildDesignColumns, countDesignColumns, parseTermSpecs } from '../../../kernel/analyses/regression/design.js';
import { MAX_DESIGN_VALUES } from '../../../kernel/analyses/regression/validate.js';
import { regressionAnalyses } from '../../../kernel/analyses/regression/index.js';
import type { OlsResult } from '../../../kernel/analyses/regression/compute.js';
import type { AnalysisOptions, Roles, Table } from '../../../kernel/types.js';
import { assertClose, relativeError, WorstErrors } from '../../support/close.js';
import { expectCode } from '../../support/expect-code.js';
import { buildRequest, readDataset, readReference } from '../../support/fixtures.js';

interface Coefficient {
  term: string;
  estimate: number;
  std_error: number;
  statistic: number;
  p_value: number;
  ci_low: number;
  ci_high: number;
}
interface OlsCase {
  id: string;
  dataset: string;
  outcome: string;
  predictors: string[];
  degree: number | null;
  intercept: boolean;
  expected: {
    coefficients: Coefficient[];
    r_squared: number;
    adj_r_squared: number;
    f: number;
    df_model: number;
    df_resid: number;
    f_p_value: number;
    residual_sd: number;
    n: number;
    residuals_head: number[];
    fitted_head: number[];
    shapiro_w: number;
    shapiro_p: number;
    bp_statistic: number | null;
    bp_df: number | null;
    bp_p_value: number | null;
  };
}
interface BandCase {
  id: string;
  dataset: string;
  x: string;
  y: string;
  grid: number[];
  conf_level: number;
  expected: { fit: number[]; low: number[]; high: number[] };
}
const fixtures = readReference<{ rVersion: string; ols: OlsCase[]; band: BandCase[] }>('models.json');

const ols = regressionAnalyses.ols;
// Default tolerance against R (CONTRACT.md): 1e-9 relative.
const TOLERANCE = { rel: 1e-9 };

/** The fixture's dataset, with the boolean column `manual` (am == 1) the generator derives for mtcars. */
function readCaseTable(dataset: string): Table {
  const table = readDataset(dataset);
  if (dataset !== 'mtcars') return table;
  const am = table.columns.find((c) => c.name === 'am');
  assert.ok(am && am.kind === 'numeric');
  return {
    rowCount: table.rowCount,
    columns: [...table.columns, { name: 'manual', kind: 'boolean', values: Array.from(am.values, (v) => (v === 1 ? 'true' : 'false')) }],
  };
}

/** Runs ols as run.ts does: validate, compute, check, summarize. */
function runOls(table: Table, roles: Roles, options: Partial<AnalysisOptions> = {}) {
  const request = buildRequest('ols', roles, options);
  const validated = ols.validate(request, table);
  const result = ols.compute(validated.input, request.options) as OlsResult;
  const checks = ols.check(validated.input, result, request.options);
  const summary = ols.summarize(result, validated.input, checks, request.options);
  return { validated, result, checks, summary };
}

describe('ols against R', () => {
  const worst = new WorstErrors();
  after(() => {
    const rows = [...worst.entries()].map(([what, w]) => `    ${what.padEnd(16)} ${w.error.toExponential(2)}  (${w.where})`);
    console.log(`    worst relative error vs ${fixtures.rVersion}:\n${rows.join('\n')}`);
  });

  for (const c of fixtures.ols) {
    it(`matches lm/summary.lm/confint: ${c.id}`, () => {
      const table = readCaseTable(c.dataset);
      const { validated, result, checks } = runOls(
        table,
        { outcome: c.outcome, predictors: c.predictors },
        { intercept: c.intercept, ...(c.degree === null ? {} : { degree: c.degree }) },
      );
      const e = c.expected;
      assert.equal(result.n, e.n);
      assert.equal(validated.n, e.n);
      assert.equal(result.dfModel, e.df_model);
      assert.equal(result.dfResid, e.df_resid);
      assert.deepEqual(
        result.coefficients.map((k) => k.term),
        e.coefficients.map((k) => k.term),
      );
      e.coefficients.forEach((k, j) => {
        const ours = result.coefficients[j];
        for (const [field, key] of [
          ['estimate', 'estimate'],
          ['std_error', 'stdError'],
          ['statistic', 'statistic'],
          ['p_value', 'pValue'],
          ['ci_low', 'ciLow'],
          ['ci_high', 'ciHigh'],
        ] as const) {
          worst.record(field, assertClose(ours[key], k[field], TOLERANCE, `${c.id} ${k.term} ${field}`), c.id);
        }
      });
      for (const [field, key] of [
        ['r_squared', 'rSquared'],
        ['adj_r_squared', 'adjRSquared'],
        ['f', 'f'],
        ['f_p_value', 'fPValue'],
        ['residual_sd', 'residualSd'],
      ] as const) {
        worst.record(field, assertClose(result[key], e[field], TOLERANCE, `${c.id} ${field}`), c.id);
      }
      // Residuals and fitted values: absolute error within 1e-9 of the residual SD (a residual may be ~0).
      const fit = fitOls(validated.input);
      e.residuals_head.forEach((r, i) => {
        const err = Math.abs(fit.residuals[i] - r) / e.residual_sd;
        assert.ok(err <= TOLERANCE.rel, `${c.id} residual ${i}: ${fit.residuals[i]} vs ${r}`);
        worst.record('residuals/sd', err, c.id);
        worst.record('fitted', assertClose(fit.fitted[i], e.fitted_head[i], TOLERANCE, `${c.id} fitted ${i}`), c.id);
      });
      // Assumption checks on the residuals: Shapiro-Wilk (engineer's checkNormality) and lmtest::bptest.
      const sw = checks.find((k) => k.check === 'shapiro_wilk');
      assert.ok(sw && sw.target === 'residuals');
      // Shapiro-Wilk's p comes from R's swilk.c polynomial approximations: 1e-6 relative is what that algorithm supports here.
      assert.ok(relativeError(sw.statistic as number, e.shapiro_w) <= 1e-6, `${c.id} W ${sw.statistic} vs ${e.shapiro_w}`);
      const bp = checks.find((k) => k.check === 'breusch_pagan');
      if (e.bp_statistic === null) {
        assert.equal(bp, undefined);
      } else {
        assert.ok(bp);
        worst.record('bp_statistic', assertClose(bp.statistic as number, e.bp_statistic, TOLERANCE, `${c.id} BP`), c.id);
        worst.record('bp_p_value', assertClose(bp.pValue as number, e.bp_p_value as number, TOLERANCE, `${c.id} BP p`), c.id);
      }
    });
  }

  it('gives speciesChinstrap and R-squared of the penguins model to 1e-9 relative', () => {
    const c = fixtures.ols.find((k) => k.id === 'penguins-mass-flipper-species') as OlsCase;
    const { result } = runOls(readDataset('penguins'), { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species'] });
    const chinstrap = result.coefficients.find((k) => k.term === 'speciesChinstrap');
    const expected = c.expected.coefficients.find((k) => k.term === 'speciesChinstrap') as Coefficient;
    assert.ok(chinstrap);
    assertClose(chinstrap.estimate, expected.estimate, { rel: 1e-9 }, 'speciesChinstrap');
    assertClose(result.rSquared, c.expected.r_squared, { rel: 1e-9 }, 'r_squared');
  });
});

describe('ols result surface', () => {
  const penguins = readDataset('penguins');

  it('has the contract field names after snake-casing, (Intercept) first', () => {
    const { result } = runOls(penguins, { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species'] });
    const json = snakeKeys({ ...result }) as Record<string, unknown>;
    for (const key of ['coefficients', 'r_squared', 'adj_r_squared', 'f', 'df_model', 'df_resid', 'f_p_value', 'residual_sd', 'n']) {
      assert.ok(key in json, key);
    }
    const first = (json.coefficients as Record<string, unknown>[])[0];
    assert.deepEqual(Object.keys(first).sort(), ['ci_high', 'ci_low', 'estimate', 'p_value', 'statistic', 'std_error', 'term']);
    assert.equal(first.term, '(Intercept)');
  });

  it('writes the APA sentence: R² = .78, F(3, 338) = ..., p < .001, with a coefficient table', () => {
    const { summary, result } = runOls(penguins, { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species'] });
    assert.equal(result.dfModel, 3);
    assert.match(summary.summary, /R² = \.78, adjusted R² = \.78, F\(3, 338\) = \d+\.\d\d, p < \.001/);
    assert.equal(summary.tables[0].rows.length, 4);
  });

  it('lists the columns to load once each, with powers reduced to their column', () => {
    assert.deepEqual(ols.columnsFor({ outcome: 'dist', predictors: ['speed', 'speed^2', 'I(speed^3)'] }), ['dist', 'speed']);
  });

  it('expands degree 3 of one predictor into x, x^2, x^3', () => {
    const { result } = runOls(readDataset('women'), { outcome: 'weight', predictors: ['height'] }, { degree: 3 });
    assert.deepEqual(
      result.coefficients.map((k) => k.term),
      ['(Intercept)', 'height', 'height^2', 'height^3'],
    );
  });

  it('reports listwise deletion: penguins with sex drops 11 rows', () => {
    const { validated } = runOls(penguins, { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'sex'] });
    assert.equal(validated.n, 333);
    assert.equal(validated.nMissing, 11);
    assert.equal(validated.dropped[0].count, 11);
  });
});

describe('ols errors', () => {
  const cars = readDataset('cars');
  const speed = cars.columns.find((c) => c.name === 'speed');
  const dist = cars.columns.find((c) => c.name === 'dist');
  assert.ok(speed && speed.kind === 'numeric' && dist && dist.kind === 'numeric');
  const withColumns = (...extra: Table['columns']): Table => ({ rowCount: cars.rowCount, columns: [...cars.columns, ...extra] });

  it('names a predictor that is a linear combination of the others: collinear-predictors', () => {
    const table = withColumns({ name: 'speed_mph2', kind: 'numeric', values: speed.values.map((v) => 2 * v + 3) });
    const error = expectCode(() => runOls(table, { outcome: 'dist', predictors: ['speed', 'speed_mph2'] }), 'collinear-predictors');
    assert.equal(error.params.terms, "'speed_mph2'");
    assert.equal(error.params.count, 1);
  });

  it('names a constant predictor as collinear with the intercept', () => {
    const table = withColumns({ name: 'one', kind: 'numeric', values: new Float64Array(cars.rowCount).fill(7) });
    const error = expectCode(() => runOls(table, { outcome: 'dist', predictors: ['speed', 'one'] }), 'collinear-predictors');
    assert.equal(error.params.terms, "'one'");
  });

  it('detects dummies that add up to another predictor', () => {
    const level = Array.from({ length: cars.rowCount }, (_, i) => (i % 3 === 0 ? 'a' : i % 3 === 1 ? 'b' : 'c'));
    const table = withColumns(
      { name: 'g', kind: 'categorical', values: level },
      { name: 'notA', kind: 'numeric', values: Float64Array.from(level, (l) => (l === 'a' ? 0 : 1)) },
    );
    const error = expectCode(() => runOls(table, { outcome: 'dist', predictors: ['speed', 'g', 'notA'] }), 'collinear-predictors');
    assert.equal(error.params.terms, "'notA'");
  });

  it('rejects an exact fit: perfect-fit', () => {
    const table = withColumns({ name: 'line', kind: 'numeric', values: speed.values.map((v) => 3 - 0.5 * v) });
    expectCode(() => runOls(table, { outcome: 'line', predictors: ['speed'] }), 'perfect-fit');
  });

  it('needs more observations than coefficients: too-few-observations', () => {
    const small: Table = { rowCount: 2, columns: [{ name: 'x', kind: 'numeric', values: Float64Array.of(1, 2) }, { name: 'y', kind: 'numeric', values: Float64Array.of(1, 3) }] };
    expectCode(() => runOls(small, { outcome: 'y', predictors: ['x'] }), 'too-few-observations');
  });

  it('asks for missing roles and unknown or non-numeric columns', () => {
    expectCode(() => runOls(cars, { predictors: ['speed'] }), 'missing-role');
    expectCode(() => runOls(cars, { outcome: 'dist' }), 'missing-role');
    expectCode(() => runOls(cars, { outcome: 'dist', predictors: ['sped'] }), 'column-not-found');
    const penguins = readDataset('penguins');
    expectCode(() => runOls(penguins, { outcome: 'species', predictors: ['body_mass_g'] }), 'column-not-numeric');
    expectCode(() => runOls(penguins, { outcome: 'body_mass_g', predictors: ['species^2'] }), 'column-not-numeric');
  });

  it('rejects degree with more than one predictor: invalid-option', () => {
    expectCode(() => runOls(cars, { outcome: 'dist', predictors: ['speed', 'dist'] }, { degree: 2 }), 'invalid-option');
  });
});

describe('fitLeastSquares numerics', () => {
  const d = Float64Array.from({ length: 10 }, (_, i) => i + 1);
  const e = [0.1, -0.2, 0.05, 0.3, -0.1, 0, 0.2, -0.3, 0.15, -0.2];
  const y = d.map((v, i) => 3 + 2 * v + e[i]);

  it('keeps a predictor offset by 1e8 (R lm gives it NA): slope, SE and RSS as without the offset (1e-12 relative)', () => {
    const shifted = fitLeastSquares({ terms: ['x'], columns: [d.map((v) => 1e8 + v)], intercept: true }, y);
    const plain = fitLeastSquares({ terms: ['d'], columns: [d], intercept: true }, y);
    assert.deepEqual(shifted.dependentTerms, []);
    assertClose(shifted.estimates[1], plain.estimates[1], { rel: 1e-12 }, 'slope');
    assertClose(shifted.stdErrors[1], plain.stdErrors[1], { rel: 1e-12 }, 'slope SE');
    assertClose(shifted.rss, plain.rss, { rel: 1e-12 }, 'rss');
    // The intercept moves by exactly -1e8 times the slope.
    assertClose(shifted.estimates[0], plain.estimates[0] - 1e8 * plain.estimates[1], { rel: 1e-12 }, 'intercept');
  });

  it('names the later of two dependent columns, as R gives NA to it, wherever it stands', () => {
    const other = Float64Array.from(e);
    const fit = fitLeastSquares({ terms: ['a', 'b', 'c'], columns: [d, d.map((v) => 3 * v - 1), other], intercept: true }, y);
    assert.deepEqual(fit.dependentTerms, ['b']);
    assert.ok(Number.isNaN(fit.estimates[0]));
  });

  it('without refinement is plain Householder QR, still within 1e-12 of the refined fit on a well-conditioned problem', () => {
    const refined = fitLeastSquares({ terms: ['d'], columns: [d], intercept: true }, y);
    const plain = fitLeastSquares({ terms: ['d'], columns: [d], intercept: true }, y, { refinements: 0 });
    assertClose(plain.estimates[1], refined.estimates[1], { rel: 1e-12 }, 'slope');
  });
});

describe('computeRegressionBand against predict(interval = "confidence")', () => {
  for (const c of fixtures.band) {
    it(`matches R: ${c.id} (1e-9 relative)`, () => {
      const table = readDataset(c.dataset);
      const xs = table.columns.find((k) => k.name === c.x);
      const ys = table.columns.find((k) => k.name === c.y);
      assert.ok(xs?.kind === 'numeric' && ys?.kind === 'numeric');
      const keep = Array.from({ length: table.rowCount }, (_, i) => i).filter((i) => !Number.isNaN(xs.values[i]) && !Number.isNaN(ys.values[i]));
      const band = computeRegressionBand(
        Float64Array.from(keep, (i) => xs.values[i]),
        Float64Array.from(keep, (i) => ys.values[i]),
        Float64Array.from(c.grid),
        c.conf_level,
      );
      c.grid.forEach((_, k) => {
        assertClose(band.fit[k], c.expected.fit[k], TOLERANCE, `fit ${k}`);
        assertClose(band.low[k], c.expected.low[k], TOLERANCE, `low ${k}`);
        assertClose(band.high[k], c.expected.high[k], TOLERANCE, `high ${k}`);
      });
    });
  }

  it('is NaN for a constant x', () => {
    const band = computeRegressionBand(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3), Float64Array.of(1), 0.95);
    assert.ok(Number.isNaN(band.fit[0]) && Number.isNaN(band.low[0]));
  });
});

describe('ols size bound (M8)', () => {
  it(`refuses more than ${MAX_DESIGN_VALUES.toLocaleString('en')} rows × coefficients before building the design: design-too-large`, () => {
    // 500,000 rows and a 51-level factor: an intercept and 50 dummies, 25.5 million values.
    const rows = 500_000;
    const site = Array.from({ length: rows }, (_, i) => `s${i % 51}`);
    const table: Table = {
      rowCount: rows,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from({ length: rows }, (_, i) => (i * 7919) % 1000) },
        { name: 'site', kind: 'categorical', values: site },
      ],
    };
    const error = expectCode(() => runOls(table, { outcome: 'y', predictors: ['site'] }), 'design-too-large');
    assert.equal(error.params.coefficients, 51);
    assert.equal(error.params.rows, rows);
    assert.match(
      error.message,
      /^ols would fit 51 coefficients \(factor levels count one each\) on 500,000 rows: 25\.5 million values, about 0\.8 GB of memory\. Inferra fits at most 25 million/,
    );
  });

  it('counts the coefficients a design will have as buildDesignColumns builds them', () => {
    const penguins = readDataset('penguins');
    const specs = parseTermSpecs(['flipper_length_mm', 'species', 'sex', 'flipper_length_mm^2', 'species'], undefined);
    const rows = Array.from({ length: penguins.rowCount }, (_, i) => i).filter((i) =>
      penguins.columns.every((c) => (c.kind === 'numeric' ? !Number.isNaN(c.values[i]) : c.values[i] !== null)),
    );
    for (const intercept of [true, false]) {
      assert.equal(countDesignColumns(penguins, specs, rows, intercept), buildDesignColumns(penguins, specs, rows, intercept).columns.length);
    }
  });
});
