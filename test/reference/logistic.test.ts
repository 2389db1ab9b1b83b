/**
 * Binary logistic regression against R's glm (test/reference/r/logistic.json, written by
 * test/reference/r/generate_logistic.R). Inferra's fit is compared with glm's default control
 * (epsilon = 1e-8, which stops about 1e-8 short of the optimum) at 1e-6 relative, and with glm
 * converged to rounding level (epsilon = 1e-14, maxit = 100) at 1e-9 relative. Run with R's default
 * control, Inferra's iteration takes R's steps: the same iteration count and 1e-9 agreement.
 * Separated data are checked for the warning, not for numbers.
 */
import assert from 'node:assert/strict';
import { analyses } from '../../kernel/analyses/registry.js';
import { runAnalysis } from '../../kernel/analyses/run.js';
import { computeLogistic, GLM_DEFAULT_CONTROL, type LogisticInput } from '../../kernel/analyses/logistic/index.js';
import { computeProbabilityProfile } from '../../kernel/analyses/logistic/predict.js';
import { snakeKeys } from '../../kernel/contract/index.js';
import { InferraError } from '../../kernel/errors.js';
import { DEFAULT_OPTIONS, type Column, type Table } from '../../kernel/types.js';
import { expectClose, reportWorstErrors } from '../unit/analyses/associations-helpers.js';
import { buildRequest, readReference, readTable } from '../support/fixtures.js';

interface RFit {
  coefficients: Record<string, number | string>[];
  iterations: number;
  converged: boolean;
  [key: string]: unknown;
}

interface LogisticCase {
  id: string;
  dataset: string | null;
  data: Record<string, (number | string)[]> | null;
  roles: { outcome: string; predictors: string[] };
  options: { success: string | null; intercept: boolean };
  check: 'numbers' | 'separation';
  success_level: string;
  r_warnings: string | string[];
  default: RFit;
  tight: RFit;
  tight_restarted: RFit;
}

interface CurveCase {
  id: string;
  dataset: string;
  roles: { outcome: string; predictors: string[] };
  curves: { level: string | null; x: number[]; fit: number[]; low: number[]; high: number[] }[];
}

const fixtures = readReference<{ rVersion: string; cases: LogisticCase[]; curves: CurveCase[] }>('logistic.json');

/** A table from the fixture's vectors: numeric or categorical by their values. */
function tableFromData(data: Record<string, (number | string)[]>): Table {
  const columns: Column[] = Object.entries(data).map(([name, values]) =>
    values.every((v) => typeof v === 'number')
      ? { name, kind: 'numeric', values: Float64Array.from(values as number[]) }
      : { name, kind: 'categorical', values: values.map(String) },
  );
  return { rowCount: Object.values(data)[0].length, columns };
}

function requestOf(c: LogisticCase) {
  return buildRequest('logistic', { outcome: c.roles.outcome, predictors: ([] as string[]).concat(c.roles.predictors) }, { intercept: c.options.intercept, ...(c.options.success ? { success: c.options.success } : {}) });
}

function tableOf(c: LogisticCase): Table {
  return c.dataset ? readTable(c.dataset) : tableFromData(c.data ?? {});
}

/** Fields of the estimates and the likelihood, and fields that also depend on the standard errors. */
const MODEL_FIELDS = ['null_deviance', 'residual_deviance', 'aic', 'bic', 'log_lik', 'pseudo_r2_mcfadden', 'lr_statistic', 'lr_p_value'];
const ESTIMATE_FIELDS = ['estimate', 'odds_ratio'];
const SE_FIELDS = ['std_error', 'statistic', 'p_value', 'ci_low', 'ci_high', 'or_ci_low', 'or_ci_high'];

/** A number against R's at `rel`; R's tail probabilities below 1e-12 carry the rounding noise of its 1 - lower tail, so they are compared absolutely. */
function expectNumber(got: unknown, want: number, key: string, where: string, label: string, rel: number, scale = 0): void {
  if ((key === 'p_value' || key === 'lr_p_value') && want < 1e-12) assert.ok(Math.abs((got as number) - want) < 1e-12, `${where}: ${got} vs R ${want}`);
  else if (Math.abs(want) < scale) {
    // A Wald bound near zero is a difference of two larger numbers: its error is relative to the standard error.
    assert.ok(Math.abs((got as number) - want) <= rel * scale, `${where}: ${got} vs R ${want} (within ${rel} of the standard error ${scale})`);
  } else expectClose(got, want, where, label, rel);
}

/**
 * Every number of R's fit against ours: estimates and likelihood at `rel`, what depends on the
 * standard errors at `seRel`, recorded under `label`.
 */
function compareFit(c: LogisticCase, r: Record<string, unknown>, expected: RFit, label: string, rel: number, seRel = rel): void {
  const got = r.coefficients as Record<string, unknown>[];
  assert.deepEqual(got.map((g) => g.term), expected.coefficients.map((e) => e.term), `${c.id}: terms`);
  expected.coefficients.forEach((e, j) => {
    for (const key of ESTIMATE_FIELDS) expectNumber(got[j][key], e[key] as number, key, `${c.id} ${e.term} ${key}`, label, rel);
    for (const key of SE_FIELDS) {
      const scale = key === 'ci_low' || key === 'ci_high' ? (e.std_error as number) : 0;
      expectNumber(got[j][key], e[key] as number, key, `${c.id} ${e.term} ${key}`, `${label}, SE-based`, seRel, scale);
    }
  });
  for (const key of MODEL_FIELDS) expectNumber(r[key], expected[key] as number, key, `${c.id} ${key}`, label, rel);
  for (const key of ['df_null', 'df_resid', 'lr_df', 'n']) assert.equal(r[key], expected[key], `${c.id}: ${key}`);
  const tests = r.term_tests as Record<string, unknown>[];
  const wanted = expected.term_tests as Record<string, number | string>[];
  assert.deepEqual(tests.map((t) => [t.term, t.df]), wanted.map((t) => [t.term, t.df]), `${c.id}: term tests`);
  wanted.forEach((t, k) => {
    for (const key of ['statistic', 'p_value']) expectNumber(tests[k][key], t[key] as number, key, `${c.id} drop ${t.term} ${key}`, label, rel);
  });
}

const RESTARTED = 'vs glm epsilon 1e-14 restarted at its optimum (1e-9)';
const TIGHT = 'vs glm epsilon 1e-14 (1e-9; SE-based 1e-6)';
const DEFAULT = 'vs glm default control (1e-6; SE-based 1e-3)';
const SAME_DEFAULT = "with glm's default control vs glm default (1e-9)";
const SAME_TIGHT = 'with epsilon 1e-14 vs glm epsilon 1e-14 (1e-9)';
const LABELS = [RESTARTED, TIGHT, DEFAULT, SAME_DEFAULT, SAME_TIGHT].flatMap((l) => [l, `${l}, SE-based`]);

describe(`logistic regression against R ${fixtures.rVersion} glm`, () => {
  after(() => reportWorstErrors(LABELS));
  for (const c of fixtures.cases.filter((x) => x.check === 'numbers')) {
    it(`matches glm: ${c.id}`, () => {
      const outcome = runAnalysis(requestOf(c), tableOf(c));
      const r = snakeKeys(outcome.result) as Record<string, unknown>;
      assert.equal(r.success_level, c.success_level, `${c.id}: success level`);
      assert.equal(r.converged, true);
      assert.equal(r.separation, false, `${c.id}: no separation`);
      assert.ok(!outcome.warnings.some((w) => w.startsWith('Separation')), `${c.id}: no separation warning`);
      compareFit(c, r, c.tight_restarted, RESTARTED, 1e-9);
      // glm's standard errors use the weights of its second-to-last step: with epsilon = 1e-14 they
      // can still be ~1e-7 off, with the default epsilon ~1e-5 (p-values ~1e-4; see generate_logistic.R).
      compareFit(c, r, c.tight, TIGHT, 1e-9, 1e-6);
      compareFit(c, r, c.default, DEFAULT, 1e-6, 1e-3);
    });
    it(`takes glm's steps under glm's controls: ${c.id}`, () => {
      const table = tableOf(c);
      const request = requestOf(c);
      const { input } = analyses.logistic.validate(request, table) as { input: LogisticInput };
      const asDefault = computeLogistic(input, request.options, GLM_DEFAULT_CONTROL);
      assert.equal(asDefault.iterations, c.default.iterations, `${c.id}: iterations`);
      compareFit(c, snakeKeys(asDefault) as Record<string, unknown>, c.default, SAME_DEFAULT, 1e-9);
      const asTight = computeLogistic(input, request.options, { epsilon: 1e-14, maxit: 100, polish: 0 });
      assert.equal(asTight.iterations, c.tight.iterations, `${c.id}: iterations`);
      compareFit(c, snakeKeys(asTight) as Record<string, unknown>, c.tight, SAME_TIGHT, 1e-9);
    });
  }
  for (const c of fixtures.cases.filter((x) => x.check === 'separation')) {
    it(`warns of separation, naming the predictor: ${c.id}`, () => {
      const rWarnings = ([] as string[]).concat(c.r_warnings);
      assert.ok(rWarnings.some((w) => w.includes('fitted probabilities numerically 0 or 1')), 'R warned too');
      const outcome = runAnalysis(requestOf(c), tableOf(c));
      const r = snakeKeys(outcome.result) as Record<string, unknown>;
      assert.equal(r.separation, true);
      const warning = outcome.warnings.find((w) => w.startsWith('Separation'));
      assert.ok(warning, `a separation warning among ${JSON.stringify(outcome.warnings)}`);
      const named = c.id.endsWith('complete') ? 'x' : 'gc';
      assert.ok((r.separated_terms as string[]).includes(named), `${named} named in ${JSON.stringify(r.separated_terms)}`);
      assert.match(warning, new RegExp(`Separation: ${named}\\b`));
      const complete = c.id.endsWith('complete');
      assert.equal(r.separation_complete, complete);
      assert.match(warning, complete ? /perfectly \(complete separation\).*none of the coefficients/ : /almost perfectly \(quasi-complete separation\).*of gc are not meaningful/);
      assert.ok(outcome.assumptions.some((a) => a.check === 'separation' && !a.ok));
      assert.ok(outcome.recommendations.some((t) => /Firth/.test(t)));
    });
  }
});

describe(`the predicted-probability curve against R ${fixtures.rVersion} predict(type = "link", se.fit = TRUE)`, () => {
  after(() => reportWorstErrors(['probability curve (1e-9)']));
  for (const c of fixtures.curves) {
    it(`matches R: ${c.id}`, () => {
      const request = buildRequest('logistic', { outcome: c.roles.outcome, predictors: ([] as string[]).concat(c.roles.predictors) });
      const { input } = analyses.logistic.validate(request, readTable(c.dataset)) as { input: LogisticInput };
      const profile = computeProbabilityProfile(input, 0.95);
      assert.deepEqual(profile.curves.map((k) => k.level ?? null), c.curves.map((k) => k.level));
      c.curves.forEach((want, k) => {
        const got = profile.curves[k];
        for (const key of ['x', 'fit', 'low', 'high'] as const) {
          want[key].forEach((v, i) => expectClose(got[key][i], v, `${c.id} ${want.level ?? ''} ${key}[${i}]`, 'probability curve (1e-9)', 1e-9, 1e-15));
        }
      });
    });
  }
});

describe('logistic regression: requests it refuses and what it warns of', () => {
  const mtcars = readTable('test/reference/data/mtcars.csv');
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof InferraError, String(e));
      return { code: e.code, message: e.message };
    }
    assert.fail('expected an error');
  };

  it('refuses an outcome with more than two levels, saying it needs two and what to do', () => {
    const e = code(() => runAnalysis(buildRequest('logistic', { outcome: 'gear', predictors: ['wt'] }), mtcars));
    assert.equal(e.code, 'outcome-not-binary');
    assert.match(e.message, /exactly two levels/);
    assert.match(e.message, /'gear' has 3 \(3, 4, 5\)/);
    assert.match(e.message, /Recode/);
  });

  it('refuses an outcome with one value, and the outcome among its own predictors', () => {
    const table: Table = { rowCount: 5, columns: [{ name: 'y', kind: 'numeric', values: Float64Array.of(1, 1, 1, 1, 1) }, { name: 'x', kind: 'numeric', values: Float64Array.of(1, 2, 3, 4, 5) }] };
    const one = code(() => runAnalysis(buildRequest('logistic', { outcome: 'y', predictors: ['x'] }), table));
    assert.equal(one.code, 'outcome-not-binary');
    assert.match(one.message, /nothing to predict/);
    const itself = code(() => runAnalysis(buildRequest('logistic', { outcome: 'am', predictors: ['am', 'wt'] }), mtcars));
    assert.equal(itself.code, 'invalid-option');
    assert.match(itself.message, /includes the outcome 'am' itself/);
  });

  it('refuses a --success level the outcome does not have', () => {
    assert.equal(code(() => runAnalysis(buildRequest('logistic', { outcome: 'am', predictors: ['wt'] }, { success: '2' }), mtcars)).code, 'level-not-found');
  });

  it('refuses collinear predictors by name', () => {
    const table: Table = {
      rowCount: mtcars.rowCount,
      columns: [...mtcars.columns, { name: 'wt2', kind: 'numeric', values: (mtcars.columns.find((c) => c.name === 'wt')!.values as Float64Array).map((v) => 2 * v) }],
    };
    const e = code(() => runAnalysis(buildRequest('logistic', { outcome: 'am', predictors: ['wt', 'wt2'] }), table));
    assert.equal(e.code, 'collinear-predictors');
    assert.match(e.message, /wt2|'wt'/);
  });

  it('refuses a design too large to fit before building it (design-too-large, named logistic)', () => {
    const n = 100_000;
    const table: Table = {
      rowCount: n,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => i % 2) },
        { name: 'site', kind: 'categorical', values: Array.from({ length: n }, (_, i) => `s${i % 300}`) },
      ],
    };
    const e = code(() => runAnalysis(buildRequest('logistic', { outcome: 'y', predictors: ['site'] }), table));
    assert.equal(e.code, 'design-too-large');
    assert.match(e.message, /^logistic would fit 300 coefficients/);
  });

  it('warns of few events per predictor, and reports the fit in an APA sentence', () => {
    const outcome = runAnalysis(buildRequest('logistic', { outcome: 'am', predictors: ['wt', 'hp'] }, { ...DEFAULT_OPTIONS }), mtcars);
    assert.ok(outcome.warnings.some((w) => /Few events per predictor: 13 observations of the less frequent outcome \(am = 1\) for 2 coefficients \(6\.5 per coefficient/.test(w)), JSON.stringify(outcome.warnings));
    assert.match(outcome.summary, /^A logistic regression of am on wt and hp \(success: am = 1; N = 32\): the model fits better than the intercept alone, χ²\(2\) = \d+\.\d\d, p < \.001, McFadden R² = \.\d\d; each additional unit of wt is associated with lower odds of am = 1 \(OR = [\d.]+, 95% CI \[[\d.e−-]+, [\d.]+\]\), z = −\d\.\d\d, p = \.\d{3}\.$/);
    assert.deepEqual(outcome.tables.map((t) => t.title), ['Coefficients (log-odds of am = 1)', 'Likelihood-ratio tests of the terms', 'Model fit']);
  });

  it('names a categorical predictor’s reference level and the chosen success level', () => {
    const titanic = readTable('test/reference/data/Titanic.csv');
    const outcome = runAnalysis(buildRequest('logistic', { outcome: 'Survived', predictors: ['Sex', 'Class'] }, { success: 'No' }), titanic);
    assert.match(outcome.summary, /\(success: survived = No; N = 2201; reference levels: Female for sex, 1st for class\)/);
    assert.match(outcome.summary, /sex = Male \(against Female\) is associated with higher odds of survived = No \(OR = /);
    assert.equal(outcome.warnings.length, 0, JSON.stringify(outcome.warnings));
    // A factor of several levels is tested as a whole (likelihood ratio), in the sentence too.
    assert.match(outcome.summary, /; class as a whole: χ²\(3\) = \d+\.\d\d, p < \.001\.$/);
  });
});
