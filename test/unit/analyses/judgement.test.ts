/**
 * The judgement layer of issue 18 against R (test/reference/r/generate_judgement.R, base R only):
 * Dunn's test, the within-group estimates and the model with the grouping term of the structure
 * check, the shape numbers and verdicts of the normality policy, and the follow-up advice.
 */
import assert from 'node:assert/strict';
import { computeShape, judgeNormality, recommendForNormality } from '../../../kernel/analyses/checks/normality-policy.js';
import { recommendForCounts, recommendPostHoc } from '../../../kernel/analyses/checks/follow-ups.js';
import { examineCorrelation, examineDifference, findGroupingCandidates, seeGroupingStructure } from '../../../kernel/analyses/checks/structure.js';
import { computeResiduals } from '../../../kernel/analyses/anova/check.js';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { computeYuen } from '../../../kernel/analyses/robust/yuen.js';
import type { ColumnSchema } from '../../../kernel/types.js';
import { buildRequest, readReference, readTable } from '../../support/fixtures.js';
import { buildTable, expectClose, printWorst } from './comparison-helpers.js';

interface JudgementFixture {
  rVersion: string;
  dunn: {
    id: string;
    data: Parameters<typeof buildTable>[0];
    roles: { outcome: string; group: string };
    pAdjust: 'holm' | 'bonferroni' | 'BH' | 'none';
    expected: { comparisons: Record<string, number | string>[]; tieCorrection: number; n: number; meanRanks: number[] };
  }[];
  structureCorrelation: {
    n: number;
    levels: string[];
    pooled: Record<'pearson' | 'spearman' | 'kendall', number>;
    within: Record<'pearson' | 'spearman' | 'kendall', number[]>;
    slope: number;
    se: number;
    t: number;
    p: number;
    df: number;
    partial: number;
    rSquared: number;
  };
  structureDifference: { n: number; levels: string[]; pooled: number; within: number[]; adjusted: number; se: number; t: number; df: number };
  shape: { id: string; values: number[]; n: number; skewness: number; excessKurtosis: number; W: number; p: number }[];
  standardisedResiduals: { W: number; p: number; rawW: number; rawP: number };
  yuen: { id: string; data: Parameters<typeof buildTable>[0]; roles: { outcome: string; group: string }; options: Record<string, unknown>; expected: Record<string, number | null> }[];
  tails: { data: Parameters<typeof buildTable>[0]; welch: { greater: number; two: number }; mannWhitney: { greater: number; two: number } };
}

const fixture = readReference<JudgementFixture>('judgement.json');
const REL = { rel: 1e-9 };

after(() => printWorst('judgement'));

describe("Dunn's test against base R (mean ranks, tie correction, p.adjust)", () => {
  for (const c of fixture.dunn) {
    it(`${c.id} matches ${fixture.rVersion} to 1e-9 relative`, () => {
      const out = runAnalysis(buildRequest('dunn', c.roles, { pAdjust: c.pAdjust }), buildTable(c.data));
      const got = out.result.comparisons as Record<string, number | string>[];
      assert.equal(got.length, c.expected.comparisons.length);
      got.forEach((g, i) => {
        const e = c.expected.comparisons[i];
        assert.equal(g.group1, e.group1);
        assert.equal(g.group2, e.group2);
        for (const field of ['diff', 'se', 'statistic', 'pValue', 'pAdj']) {
          expectClose(g[field], e[field], { rel: 1e-9, abs: 1e-300 }, `${c.id} ${e.group2}-${e.group1}.${field}`, `judgement dunn ${field}`);
        }
      });
      expectClose(out.result.tieCorrection, c.expected.tieCorrection, REL, `${c.id}.tieCorrection`);
      assert.equal(out.result.pAdjust, c.pAdjust);
      assert.match(out.summary, /alpha = \.05/);
      assert.match(out.variant, /Dunn's test/);
    });
  }
  it('defaults to Holm and says so in the sentence', () => {
    const c = fixture.dunn.find((x) => x.id === 'insectsprays-holm')!;
    const out = runAnalysis(buildRequest('dunn', c.roles), buildTable(c.data));
    assert.equal(out.result.pAdjust, 'holm');
    assert.match(out.summary, /Holm's step-down adjustment/);
    assert.match(out.tables[0].note ?? '', /stochastic dominance/);
  });
});

describe('structure check: within-group estimates and the model with the grouping term, against R', () => {
  const penguins = readTable('samples/penguins.csv');
  const s = fixture.structureCorrelation;
  for (const method of ['pearson', 'spearman', 'kendall'] as const) {
    it(`${method}: per-species estimates, pooled, slope and partial r of bill_depth ~ bill_length + species`, () => {
      const f = examineCorrelation(method, penguins, 'bill_length_mm', 'bill_depth_mm', 'species')!;
      assert.deepEqual(f.within.map((w) => w.level), s.levels);
      f.within.forEach((w, i) => expectClose(w.estimate, s.within[method][i], REL, `${method} within ${w.level}`, `judgement structure ${method}`));
      expectClose(f.pooled, s.pooled[method], REL, `${method} pooled`);
      assert.equal(f.n, s.n);
      expectClose(f.adjusted.estimate, s.slope, REL, 'slope');
      expectClose(f.adjusted.se, s.se, REL, 'se');
      expectClose(f.adjusted.statistic, s.t, REL, 't');
      expectClose(f.adjusted.pValue, s.p, REL, 'p');
      assert.equal(f.adjusted.df, s.df);
      expectClose(f.partialR, s.partial, REL, 'partial r');
      expectClose(f.rSquared, s.rSquared, REL, 'R squared');
      assert.equal(f.reason, 'sign', "the pooled r is negative, every species' is positive: Simpson's paradox");
    });
  }
  it('two groups: per-species differences and the difference adjusted for species (lm), against R', () => {
    const d = fixture.structureDifference;
    const f = examineDifference(penguins, 'body_mass_g', 'sex', ['female', 'male'], 'species')!;
    f.within.forEach((w, i) => expectClose(w.estimate, d.within[i], REL, `diff within ${w.level}`));
    expectClose(f.pooled, d.pooled, REL, 'pooled difference');
    expectClose(f.adjusted.estimate, d.adjusted, REL, 'adjusted difference');
    expectClose(f.adjusted.se, d.se, REL, 'adjusted se');
    assert.equal(f.adjusted.df, d.df);
    assert.equal(f.n, d.n);
    assert.equal(f.reason, null, 'species barely changes the sex difference in body mass: no warning');
  });
  it("warns, shows the table, offers the model and colours by species for the penguins' bill correlation", () => {
    const request = { ...buildRequest('pearson', { x: 'bill_length_mm', y: 'bill_depth_mm' }), analysis: 'pearson' as const };
    const seen = seeGroupingStructure(request, penguins, ['island', 'sex', 'species']);
    assert.equal(seen.colorBy, 'species');
    assert.match(seen.warnings[0], /Grouping by species reverses the correlation .*Simpson's paradox.*r = -\.24.*r = \.39 to \.65/);
    assert.match(seen.warnings[0], /slope within species of 0\.20/);
    assert.match(seen.recommendations[0], /ols with --outcome bill_depth_mm --predictors bill_length_mm,species/);
    assert.equal(seen.tables[0].rows.length, 5);
  });
  it('proposes only categorical columns with 2-8 levels and enough rows per level, not the roles', () => {
    const columns = [
      { name: 'species', kind: 'categorical', levels: [{ value: 'a', count: 50 }, { value: 'b', count: 40 }] },
      { name: 'id', kind: 'categorical', levels: Array.from({ length: 20 }, (_, i) => ({ value: `s${i}`, count: 5 })) },
      { name: 'rare', kind: 'categorical', levels: [{ value: 'a', count: 85 }, { value: 'b', count: 5 }] },
      { name: 'x', kind: 'numeric' },
    ] as unknown as ColumnSchema[];
    const request = { ...buildRequest('pearson', { x: 'x', y: 'y' }), analysis: 'pearson' as const };
    assert.deepEqual(findGroupingCandidates(request, columns), ['species']);
    assert.deepEqual(findGroupingCandidates({ ...buildRequest('anova_oneway', { outcome: 'x', group: 'species' }), analysis: 'anova_oneway' as const }, columns), []);
  });
});

describe('normality policy: judged by n and the size of the departure', () => {
  for (const c of fixture.shape) {
    it(`${c.id}: skewness and excess kurtosis as R's moment estimators; robust at n = ${c.n}`, () => {
      const shape = computeShape(c.values);
      expectClose(shape.skewness, c.skewness, REL, 'skewness');
      expectClose(shape.excessKurtosis, c.excessKurtosis, REL, 'excess kurtosis');
      const [check] = judgeNormality([{ target: c.id, values: Float64Array.from(c.values) }], 't');
      expectClose(check.statistic, c.W, REL, 'W');
      assert.ok(c.p < 0.05, 'Shapiro-Wilk rejects in R');
      assert.equal(check.verdict, 'robust');
      assert.equal(check.ok, true);
      assert.match(check.note ?? '', /robust to it \(central limit theorem\)/);
      assert.match(check.note ?? '', /subgroups are mixed/, 'flipper length by sex mixes three species (excess kurtosis about -1.2)');
      assert.deepEqual(recommendForNormality([check], 'two-groups', [c.values]), [], 'no rank test at n > 160');
    });
  }
  it('Welch ANOVA and Games-Howell check the standardised residuals within groups (InsectSprays), not the pooled raw ones', () => {
    const t = readTable('test/reference/data/InsectSprays.csv');
    const welch = runAnalysis(buildRequest('welch_anova', { outcome: 'count', group: 'spray' }), t);
    const gh = runAnalysis(buildRequest('games_howell', { outcome: 'count', group: 'spray' }), t);
    for (const out of [welch, gh]) {
      const sw = out.assumptions.find((a) => a.check === 'shapiro_wilk')!;
      assert.match(sw.target, /standardised residuals/);
      expectClose(sw.statistic, fixture.standardisedResiduals.W, REL, 'W of standardised residuals');
      expectClose(sw.pValue, fixture.standardisedResiduals.p, REL, 'p of standardised residuals');
      assert.ok(!out.recommendations.some((r) => /consider kruskal_wallis/.test(r)), out.recommendations.join('\n'));
      assert.ok(out.recommendations.some((r) => /Poisson or negative-binomial .* square roots/.test(r)), 'count note');
    }
    assert.ok(welch.recommendations[0].includes('consider games_howell'), welch.recommendations[0]);
    assert.equal(welch.assumptions.some((a) => a.check === 'levene'), false, 'no Levene gate for Welch');
  });
  it('pooled residuals for the classical F, with the raw-residual W of R', () => {
    const t = readTable('test/reference/data/InsectSprays.csv');
    const out = runAnalysis(buildRequest('anova_oneway', { outcome: 'count', group: 'spray' }), t);
    expectClose(out.assumptions[0].statistic, fixture.standardisedResiduals.rawW, REL, 'W of raw residuals');
    assert.equal(out.assumptions[0].target, 'residuals');
  });
  it('standardised residuals have SD 1 within each group', () => {
    const z = computeResiduals({ outcome: 'y', group: 'g', levels: ['a', 'b'], samples: [Float64Array.from([1, 2, 3]), Float64Array.from([10, 20, 60])] }, true);
    assert.deepEqual(Array.from(z.slice(0, 3)), [-1, 0, 1]);
  });
});

describe("Yuen's trimmed-means test against base R (written out by hand)", () => {
  for (const c of fixture.yuen) {
    it(`${c.id} matches ${fixture.rVersion} to 1e-9 relative`, () => {
      const out = runAnalysis(buildRequest('yuen', c.roles, c.options), buildTable(c.data));
      for (const [field, expected] of Object.entries(c.expected)) {
        expectClose(out.result[field], expected, { rel: 1e-9 }, `${c.id}.${field}`, `judgement yuen ${field}`);
      }
      assert.match(out.summary, /^Yuen's t\(/);
    });
  }
  it('with no trimming it is Welch\'s t-test', () => {
    const c = fixture.yuen[0];
    const t = buildTable(c.data);
    const welch = runAnalysis(buildRequest('ttest_welch', c.roles, c.options), t).result;
    const input = { design: 'two-sample' as const, outcome: 'len', group: 'supp', levels: ['OJ', 'VC'] as [string, string], x: Float64Array.from([]), y: Float64Array.from([]) };
    const col = (name: string) => t.columns.find((x) => x.name === name)!;
    const len = col('len').values as Float64Array;
    const supp = col('supp').values as string[];
    input.x = Float64Array.from(len.filter((_, i) => supp[i] === 'OJ'));
    input.y = Float64Array.from(len.filter((_, i) => supp[i] === 'VC'));
    const untrimmed = computeYuen(input, { confLevel: 0.95, alternative: 'two-sided', mu: 0 }, 0);
    expectClose(untrimmed.statistic, welch.statistic, { rel: 1e-12 }, 't');
    expectClose(untrimmed.df, welch.df, { rel: 1e-12 }, 'df');
    expectClose(untrimmed.pValue, welch.pValue, { rel: 1e-12 }, 'p');
  });
});

describe('one-sided only when asked, and then the sentence says so (S1)', () => {
  const t = buildTable(fixture.tails.data);
  for (const [id, key] of [['ttest_welch', 'welch'], ['mann_whitney', 'mannWhitney']] as const) {
    it(`${id} --alternative greater: "one-tailed p" with the two-sided p of R beside it`, () => {
      const out = runAnalysis(buildRequest(id, { outcome: 'len', group: 'supp' }, { alternative: 'greater' }), t);
      expectClose(out.result.pValue, fixture.tails[key].greater, REL, 'one-sided p');
      expectClose(out.result.pValueTwoSided, fixture.tails[key].two, REL, 'two-sided p');
      assert.match(out.summary, /one-tailed p = \.03\d \(two-tailed p = \.06\d\)/);
      assert.match(out.summary, /\[0\.\d\d, ∞\)/);
    });
  }
  it('two-sided by default: no tail words, no extra field', () => {
    const out = runAnalysis(buildRequest('ttest_welch', { outcome: 'len', group: 'supp' }), t);
    assert.doesNotMatch(out.summary, /tailed/);
    assert.equal('pValueTwoSided' in out.result, false);
  });
  it('the d interval of a one-sided test keeps its infinite bound in the table (shown as ∞, like the JSON), not "not available"', () => {
    const out = runAnalysis(buildRequest('ttest_welch', { outcome: 'len', group: 'supp' }, { alternative: 'greater' }), t);
    const row = out.tables[0].rows[0];
    assert.equal(row.cohensDCiHigh, Infinity);
    assert.equal(row.ciHigh, Infinity);
  });
});

describe('follow-ups after the omnibus test', () => {
  it('Tukey after the classical F, Games-Howell after Welch, Dunn with Holm after Kruskal-Wallis; nothing when not significant', () => {
    assert.match(recommendPostHoc('anova_oneway', 0.016, 0.95, ['ctrl', 'trt1', 'trt2'])[0], /consider tukey_hsd.*control 'ctrl'.*Dunnett/);
    assert.match(recommendPostHoc('welch_anova', 0.001, 0.95, ['a', 'b', 'c'])[0], /consider games_howell/);
    assert.match(recommendPostHoc('kruskal_wallis', 0.001, 0.95, ['a', 'b', 'c'])[0], /consider dunn: .*Holm/);
    assert.deepEqual(recommendPostHoc('anova_oneway', 0.2, 0.95, ['a', 'b', 'c']), []);
  });
  it("PlantGrowth's significant ANOVA recommends Tukey and names Dunnett for the control", () => {
    const out = runAnalysis(buildRequest('anova_oneway', { outcome: 'weight', group: 'group' }), readTable('test/reference/data/PlantGrowth.csv'));
    assert.ok(out.recommendations.some((r) => /consider tukey_hsd/.test(r) && /Dunnett/.test(r)), out.recommendations.join('\n'));
  });
  it('Kruskal-Wallis on InsectSprays recommends dunn', () => {
    const out = runAnalysis(buildRequest('kruskal_wallis', { outcome: 'count', group: 'spray' }), readTable('test/reference/data/InsectSprays.csv'));
    assert.ok(out.recommendations.some((r) => /consider dunn/.test(r)));
  });
  it('no count note for counts whose variance does not grow with the mean, nor for non-counts', () => {
    assert.deepEqual(recommendForCounts('y', [Float64Array.from([1, 2, 3, 4]), Float64Array.from([11, 12, 13, 14])]), []);
    assert.deepEqual(recommendForCounts('y', [Float64Array.from([1.5, 2, 3]), Float64Array.from([10, 30, 50])]), []);
  });
});

