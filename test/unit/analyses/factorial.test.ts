/**
 * The factorial designs' building blocks and edges (the numbers against R are in
 * test/reference/factorial.test.ts): terms in R's order, contrasts, type II and III invariances,
 * the errors a researcher gets, and the decision line's note of type III.
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { contrastColumns, factorialSubsets } from '../../../kernel/analyses/factorial/model.js';
import { formatDecisionOptions } from '../../../kernel/contract/format.js';
import { InferraError } from '../../../kernel/errors.js';
import type { Table } from '../../../kernel/types.js';
import { buildRequest, readDataset } from '../../support/fixtures.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    return error instanceof InferraError ? error.code : String(error);
  }
  return 'no error';
};

describe('factorial designs: building blocks', () => {
  it("orders the terms as R's A * B * C: main effects, two-way, three-way", () => {
    assert.deepEqual(factorialSubsets(3), [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]]);
  });

  it('codes a factor with treatment and sum-to-zero contrasts', () => {
    const factor = { name: 'g', levels: ['a', 'b', 'c'], codes: Int32Array.from([0, 1, 2, 1]) };
    assert.deepEqual(contrastColumns(factor, 'treatment').map((c) => Array.from(c)), [[0, 1, 0, 1], [0, 0, 1, 0]]);
    assert.deepEqual(contrastColumns(factor, 'sum').map((c) => Array.from(c)), [[1, 0, -1, 0], [0, 1, -1, 1]]);
  });

  it('gives the same type II and type III tests whatever the order of the factors (balanced and not)', () => {
    for (const dataset of ['warpbreaks', 'warpbreaks_unbalanced']) {
      for (const ssType of [2, 3] as const) {
        const ab = runAnalysis(buildRequest('anova_factorial', { outcome: 'breaks', factors: ['wool', 'tension'] }, { ssType }), readDataset(dataset)).result as { terms: { term: string; ss: number }[] };
        const ba = runAnalysis(buildRequest('anova_factorial', { outcome: 'breaks', factors: ['tension', 'wool'] }, { ssType }), readDataset(dataset)).result as { terms: { term: string; ss: number }[] };
        assert.deepEqual(ba.terms.map((t) => t.term), ['tension', 'wool', 'tension:wool']);
        assert.ok(Math.abs(ab.terms[0].ss - ba.terms[1].ss) <= 1e-9 * ab.terms[0].ss, `${dataset} type ${ssType}: wool`);
        assert.ok(Math.abs(ab.terms[2].ss - ba.terms[2].ss) <= 1e-9 * ab.terms[2].ss, `${dataset} type ${ssType}: interaction`);
      }
    }
  });

  it('agrees between type II and type III on a balanced design', () => {
    const two = runAnalysis(buildRequest('anova_factorial', { outcome: 'len', factors: ['supp', 'dose'] }), readDataset('ToothGrowth')).result as { terms: { ss: number }[] };
    const three = runAnalysis(buildRequest('anova_factorial', { outcome: 'len', factors: ['supp', 'dose'] }, { ssType: 3 }), readDataset('ToothGrowth')).result as { terms: { ss: number }[] };
    two.terms.forEach((t, i) => assert.ok(Math.abs(t.ss - three.terms[i].ss) <= 1e-9 * t.ss));
  });
});

describe('factorial designs: bad input', () => {
  const numericTable = (): Table => {
    const n = 60;
    return {
      rowCount: n,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => (i * 7919) % 13) },
        { name: 'x', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => i) },
        { name: 'g', kind: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 2 ? 'a' : 'b')) },
        { name: 'h', kind: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 3 ? 'u' : 'v')) },
        { name: 'k', kind: 'categorical', values: Array.from({ length: n }, () => 'only') },
      ],
    };
  };

  it('refuses a numeric factor with many values, a factor with one level, the outcome as a factor and four factors', () => {
    const t = numericTable();
    assert.equal(codeOf(() => runAnalysis(buildRequest('anova_factorial', { outcome: 'y', factors: ['g', 'x'] }), t)), 'column-not-categorical');
    assert.equal(codeOf(() => runAnalysis(buildRequest('anova_factorial', { outcome: 'y', factors: ['g', 'k'] }), t)), 'wrong-level-count');
    assert.equal(codeOf(() => runAnalysis(buildRequest('anova_factorial', { outcome: 'y', factors: ['g', 'y'] }), t)), 'invalid-option');
    assert.equal(codeOf(() => runAnalysis(buildRequest('anova_factorial', { outcome: 'y', factors: ['g', 'h', 'k', 'x'] }), t)), 'factor-count');
    assert.equal(codeOf(() => runAnalysis(buildRequest('anova_factorial', { outcome: 'y' }), t)), 'missing-role');
  });

  it('refuses an ANCOVA without covariates, with a categorical covariate, or with the group as a covariate', () => {
    const t = numericTable();
    assert.equal(codeOf(() => runAnalysis(buildRequest('ancova', { outcome: 'y', group: 'g' }), t)), 'missing-role');
    assert.equal(codeOf(() => runAnalysis(buildRequest('ancova', { outcome: 'y', group: 'g', covariates: ['h'] }), t)), 'column-not-numeric');
    assert.equal(codeOf(() => runAnalysis(buildRequest('ancova', { outcome: 'y', group: 'g', covariates: ['g'] }), t)), 'invalid-option');
  });

  it('says so when the outcome is constant within every cell', () => {
    const t = numericTable();
    const y = t.columns[0] as { values: Float64Array };
    const g = t.columns[2] as { values: string[] };
    const h = t.columns[3] as { values: string[] };
    y.values = Float64Array.from(g.values, (v, i) => (v === 'a' ? 1 : 2) + (h.values[i] === 'u' ? 10 : 0));
    assert.equal(codeOf(() => runAnalysis(buildRequest('anova_factorial', { outcome: 'y', factors: ['g', 'h'] }), t)), 'perfect-fit');
  });

  it('shows type III on the decision line, not the default type II', () => {
    assert.deepEqual(formatDecisionOptions({ ss_type: 3 }), ['type III sums of squares']);
    assert.deepEqual(formatDecisionOptions({ ss_type: 2 }), []);
  });
});

describe('factorial designs: levels', () => {
  it('keeps the ANCOVA groups named in --levels, in that order, and says how many rows were left out', () => {
    const o = runAnalysis(buildRequest('ancova', { outcome: 'body_mass_g', group: 'species', covariates: ['flipper_length_mm'] }, { levels: ['Gentoo', 'Adelie'] }), readDataset('penguins'));
    const r = o.result as { adjustedMeans: { level: string }[] };
    assert.deepEqual(r.adjustedMeans.map((m) => m.level), ['Gentoo', 'Adelie']);
    assert.ok(o.dropped.some((d) => d.reason === 'levels of species not in --levels' && d.count === 68));
    assert.equal(codeOf(() => runAnalysis(buildRequest('ancova', { outcome: 'body_mass_g', group: 'species', covariates: ['flipper_length_mm'] }, { levels: ['Gentu'] }), readDataset('penguins'))), 'level-not-found');
  });

  it('refuses --levels for a factorial ANOVA, pointing to --where', () => {
    assert.equal(codeOf(() => runAnalysis(buildRequest('anova_factorial', { outcome: 'len', factors: ['supp', 'dose'] }, { levels: ['OJ'] }), readDataset('ToothGrowth'))), 'invalid-option');
  });
});

describe('factorial designs: size', () => {
  it('names empty cells of a crossing larger than the data without building every cell', () => {
    const n = 50_000;
    const table: Table = {
      rowCount: n,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => i % 7) },
        { name: 'a', kind: 'categorical', values: Array.from({ length: n }, (_, i) => `a${i % 5000}`) },
        { name: 'b', kind: 'categorical', values: Array.from({ length: n }, (_, i) => `b${i % 4000}`) },
        { name: 'c', kind: 'categorical', values: Array.from({ length: n }, (_, i) => `c${i % 3000}`) },
      ],
    };
    assert.throws(
      () => runAnalysis(buildRequest('anova_factorial', { outcome: 'y', factors: ['a', 'b', 'c'] }), table),
      (e: unknown) => e instanceof InferraError && e.code === 'empty-design-cells' && /of the 60000000000 combinations of a × b × c have no rows \(a = a0, b = b0, c = c1;/.test(e.message),
    );
  });

  it('refuses a full design too large to fit, as ols does', () => {
    const n = 40_000;
    const table: Table = {
      rowCount: n,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => i % 7) },
        { name: 'a', kind: 'categorical', values: Array.from({ length: n }, (_, i) => `a${i % 40}`) },
        { name: 'b', kind: 'categorical', values: Array.from({ length: n }, (_, i) => `b${Math.floor(i / 40) % 25}`) },
      ],
    };
    assert.throws(
      () => runAnalysis(buildRequest('anova_factorial', { outcome: 'y', factors: ['a', 'b'] }), table),
      (e: unknown) => e instanceof InferraError && e.code === 'design-too-large' && /^anova_factorial would fit 1,000 coefficients/.test(e.message),
    );
  });
});

describe('factorial designs: ANCOVA edges', () => {
  it('runs an ANCOVA whose covariate is constant within one group, saying the slopes could not be compared', () => {
    const n = 30;
    const group = Array.from({ length: n }, (_, i) => (i < 10 ? 'a' : i < 20 ? 'b' : 'c'));
    const table: Table = {
      rowCount: n,
      columns: [
        { name: 'y', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => (i * 37) % 11 + (i < 10 ? 3 : 0)) },
        { name: 'g', kind: 'categorical', values: group },
        { name: 'x', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => (i < 10 ? 5 : (i * 13) % 7)) },
      ],
    };
    const o = runAnalysis(buildRequest('ancova', { outcome: 'y', group: 'g', covariates: ['x'] }), table);
    const slopes = o.assumptions.find((a) => a.check === 'homogeneity_of_slopes');
    assert.equal(slopes?.pValue, null);
    assert.match(slopes?.note ?? '', /could not be tested/);
    assert.equal((o.result as { adjustedMeans: unknown[] }).adjustedMeans.length, 3);
  });
});
