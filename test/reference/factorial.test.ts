/**
 * The factorial designs against R (test/reference/r/factorial.json, written by
 * test/reference/r/generate_factorial.R): anova_factorial with type II and type III sums of squares on
 * balanced and unbalanced designs (two and three factors), and ancova (type II tests, adjusted means,
 * the homogeneity of slopes). Every number at 1e-9 relative; counts, levels, names and flags exactly.
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../kernel/analyses/run.js';
import { snakeKeys } from '../../kernel/contract/index.js';
import { InferraError } from '../../kernel/errors.js';
import type { AnalysisId, AnalysisOptions, Roles } from '../../kernel/types.js';
import { buildRequest, readDataset, readReference } from '../support/fixtures.js';
import { expectClose, reportWorstErrors } from '../unit/analyses/associations-helpers.js';

interface FactorialCase {
  id: string;
  analysis: AnalysisId;
  dataset: string;
  roles: Roles;
  options: { ss_type?: 2 | 3; conf_level?: number };
  expected: Record<string, unknown>;
}

const fixtures = readReference<{ rVersion: string; cases: FactorialCase[] }>('factorial.json');

/** Relative tolerance of every number. */
const REL = 1e-9;

/** Compares a result value with R's, recursing into rows (arrays of objects) and lists. */
function compare(actual: unknown, expected: unknown, where: string, analysis: string): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected a list, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((e, i) => compare(actual[i], e, `${where}[${i}]`, analysis));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${where}: expected an object`);
    for (const [key, value] of Object.entries(expected)) compare((actual as Record<string, unknown>)[key], value, `${where}.${key}`, analysis);
    return;
  }
  if (typeof expected === 'number') {
    // Counts and degrees of freedom exactly; everything else at REL.
    if (/\.(n|df|residual_df|ss_type|slopes_homogeneity_df|slopes_homogeneity_residual_df)$/.test(where)) assert.equal(actual, expected, where);
    else expectClose(actual, expected, where, analysis, REL);
    return;
  }
  assert.equal(actual, expected, where);
}

describe('factorial designs against R', () => {
  after(() => reportWorstErrors(['anova_factorial', 'ancova']));
  for (const c of fixtures.cases) {
    it(`matches R ${fixtures.rVersion}: ${c.id}`, () => {
      const options: Partial<AnalysisOptions> = {};
      if (c.options.ss_type !== undefined) options.ssType = c.options.ss_type;
      if (c.options.conf_level !== undefined) options.confLevel = c.options.conf_level;
      const outcome = runAnalysis(buildRequest(c.analysis, c.roles, options), readDataset(c.dataset));
      const r = snakeKeys(outcome.result) as Record<string, unknown>;
      compare(r, c.expected, c.id, c.analysis);
    });
  }

  it('covers type II and type III, balanced and unbalanced, two and three factors, and ANCOVA', () => {
    const factorial = fixtures.cases.filter((c) => c.analysis === 'anova_factorial');
    for (const type of [2, 3]) {
      for (const balanced of [true, false]) {
        assert.ok(factorial.some((c) => c.options.ss_type === type && c.expected.balanced === balanced), `type ${type}, balanced ${balanced}`);
      }
    }
    assert.ok(factorial.some((c) => (c.roles.factors ?? []).length === 3));
    assert.ok(fixtures.cases.some((c) => c.analysis === 'ancova' && (c.roles.covariates ?? []).length === 2));
  });
});

describe('factorial designs: what a researcher is told', () => {
  it('names the type of sums of squares when the design is unbalanced, and not when it is balanced', () => {
    const unbalanced = runAnalysis(buildRequest('anova_factorial', { outcome: 'breaks', factors: ['wool', 'tension'] }), readDataset('warpbreaks_unbalanced'));
    assert.ok(unbalanced.warnings.some((w) => /unbalanced \(cell sizes from 7 to 8\)/.test(w) && /type II/.test(w) && /--ss-type 3/.test(w)), unbalanced.warnings.join('\n'));
    const balanced = runAnalysis(buildRequest('anova_factorial', { outcome: 'breaks', factors: ['wool', 'tension'] }), readDataset('warpbreaks'));
    assert.ok(!balanced.warnings.some((w) => /unbalanced/.test(w)));
    assert.equal(balanced.variant, 'Two-way ANOVA (type II sums of squares)');
  });

  it('writes one APA clause per term with partial eta squared and its interval', () => {
    const o = runAnalysis(buildRequest('anova_factorial', { outcome: 'len', factors: ['supp', 'dose'] }), readDataset('ToothGrowth'));
    assert.match(o.summary, /^A two-way ANOVA of len by supp and dose \(type II sums of squares, N = 60\): supp, F\(1, 54\) = 15\.57, p < \.001, ηp² = \.22, 95% CI \[\.06, \.40\]; dose, F\(2, 54\) = 92\.00/);
    assert.match(o.summary, /supp × dose, F\(2, 54\) = 4\.11, p = \.022, ηp² = \.13, 95% CI \[\.00, \.29\]\.$/);
    assert.deepEqual(o.tables.map((t) => t.title), ['ANOVA of len by supp × dose (type II)', 'Cell descriptives']);
    assert.deepEqual(o.assumptions.map((a) => a.check), ['shapiro_wilk', 'levene']);
    assert.ok(o.recommendations.some((r) => /supp × dose interaction is significant/.test(r)));
  });

  it('refuses a design with an empty cell, naming the cell', () => {
    assert.throws(
      () => runAnalysis(buildRequest('anova_factorial', { outcome: 'mpg', factors: ['cyl', 'vs', 'am'] }), readDataset('mtcars')),
      (e: unknown) => e instanceof InferraError && e.code === 'empty-design-cells' && /cyl = 8, vs = 1/.test(e.message),
    );
  });

  it('refuses one factor, pointing to the one-way ANOVA', () => {
    assert.throws(
      () => runAnalysis(buildRequest('anova_factorial', { outcome: 'len', factors: ['supp'] }), readDataset('ToothGrowth')),
      (e: unknown) => e instanceof InferraError && e.code === 'factor-count',
    );
  });

  it('warns when the ANCOVA slopes differ, and reports adjusted means', () => {
    const o = runAnalysis(buildRequest('ancova', { outcome: 'mpg', group: 'am', covariates: ['wt'] }), readDataset('mtcars'));
    assert.ok(o.warnings.some((w) => /slopes of mpg on wt differ between the groups of am/.test(w)), o.warnings.join('\n'));
    const slopes = o.assumptions.find((a) => a.check === 'homogeneity_of_slopes');
    assert.equal(slopes?.ok, false);
    assert.match(o.summary, /Adjusted means \(at wt = 3\.22\): 0: 20\.10, 95% CI \[18\.40, 21\.80\]; 1: 20\.08/);
    assert.deepEqual(o.tables.map((t) => t.title), ['ANCOVA of mpg by am, adjusting for wt', 'Adjusted means', 'Covariate slopes and their homogeneity']);
    const parallel = runAnalysis(buildRequest('ancova', { outcome: 'uptake', group: 'Treatment', covariates: ['conc'] }), readDataset('CO2'));
    assert.ok(!parallel.warnings.some((w) => /slopes/.test(w)), parallel.warnings.join('\n'));
  });
});
