/**
 * Effect sizes with intervals and the reporting of issue #18 (S6-S8, S11, S12) against R: the values
 * of test/reference/r/effects.json, written by test/reference/r/generate_effects.R in base R (with
 * car) after the formulas of the R package effectsize.
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { computeNoncentralFCdf } from '../../../kernel/analyses/common/noncentral-f.js';
import type { AnalysisId, AnalysisOptions, Roles, Table } from '../../../kernel/types.js';
import { buildRequest, readDataset, readReference } from '../../support/fixtures.js';
import { buildTable, expectClose, printWorst } from './comparison-helpers.js';

interface EffectCase {
  id: string;
  analysis: AnalysisId;
  dataset: string;
  roles: Roles;
  options: Partial<AnalysisOptions>;
  expected: Record<string, unknown>;
  data?: { name: string; kind: 'numeric' | 'categorical'; values: (number | string | null)[] }[];
}

const fixture = readReference<{ rVersion: string; cases: EffectCase[]; pnf: { f: number; df1: number; df2: number; ncp: number; p: number; pf: number }[] }>('effects.json');
const tables = new Map<string, Table>();
function tableOf(c: EffectCase): Table {
  if (c.data) return buildTable(c.data);
  if (!tables.has(c.dataset)) tables.set(c.dataset, readDataset(c.dataset));
  return tables.get(c.dataset)!;
}
function run(c: EffectCase) {
  return runAnalysis(buildRequest(c.analysis, c.roles, c.options), tableOf(c));
}

/** Relative tolerance: 1e-9 everywhere (noncentral-F bounds are solved to machine precision on both sides). */
const REL = { rel: 1e-9, abs: 1e-13 };

after(() => printWorst('effects'));

describe('the noncentral F distribution function', () => {
  it('matches the Poisson-pbeta sum in R to 1e-11 absolute (recurrences over thousands of terms at ncp = 10,000), and R\'s pf(ncp = ) to its stated 1e-9 error', () => {
    for (const c of fixture.pnf) {
      const p = computeNoncentralFCdf(c.f, c.df1, c.df2, c.ncp);
      assert.ok(Math.abs(p - c.p) < 1e-11, `pnf(${c.f}, ${c.df1}, ${c.df2}, ${c.ncp}) = ${p}, R ${c.p}`);
      assert.ok(Math.abs(p - c.pf) < 1e-9, `pf(${c.f}, ${c.df1}, ${c.df2}, ncp = ${c.ncp}) = ${c.pf}, here ${p}`);
    }
  });
});

describe('effect sizes with intervals against R (effects.json)', () => {
  for (const c of fixture.cases.filter((x) => x.analysis !== 'ols')) {
    it(`${c.analysis}: ${c.id} matches ${fixture.rVersion}`, () => {
      const out = run(c);
      for (const [field, expected] of Object.entries(c.expected)) {
        expectClose(out.result[field], expected, REL, `${c.id}.${field}`, `effects ${c.analysis}.${field}`);
      }
    });
  }
});

interface OlsExpected {
  typeII: { term: string; ss: number; df: number; f: number; pValue: number }[];
  interaction: { numeric: string; factor: string; df1: number; df2: number; f: number; pValue: number };
  focus: { term: string; estimate: number; ciLow: number; ciHigh: number };
  referenceLevel: string;
}

describe('ols: Type II tests, the interaction check, the reference level and the slope asked about (S7)', () => {
  for (const c of fixture.cases.filter((x) => x.analysis === 'ols')) {
    it(`${c.id} matches car::Anova(type = 2) and anova(lm, lm) of ${fixture.rVersion}`, () => {
      const out = run(c);
      const e = c.expected as unknown as OlsExpected;
      const tests = out.result.termTests as { term: string; ss: number; df: number; f: number; pValue: number }[];
      assert.deepEqual(tests.map((t) => t.term), e.typeII.map((t) => t.term));
      tests.forEach((t, i) => {
        for (const k of ['ss', 'df', 'f', 'pValue'] as const) expectClose(t[k], e.typeII[i][k], REL, `${c.id}.typeII.${t.term}.${k}`, `effects ols.typeII.${k}`);
      });
      const [inter] = out.result.interactions as OlsExpected['interaction'][];
      assert.equal(inter.numeric, e.interaction.numeric);
      assert.equal(inter.factor, e.interaction.factor);
      for (const k of ['df1', 'df2', 'f', 'pValue'] as const) expectClose(inter[k], e.interaction[k], REL, `${c.id}.interaction.${k}`, `effects ols.interaction.${k}`);
      assert.deepEqual(out.result.referenceLevels, [{ column: e.interaction.factor, level: e.referenceLevel }]);
      const focus = (out.result.coefficients as { term: string; estimate: number; ciLow: number; ciHigh: number }[]).find((x) => x.term === e.focus.term)!;
      expectClose(focus.ciLow, e.focus.ciLow, REL, `${c.id}.focus.ciLow`, 'effects ols.focus');
      // The sentence names the reference level, reports the slope with its CI and the factor's Type II F.
      assert.match(out.summary, new RegExp(`reference level: ${e.referenceLevel}\\)`));
      assert.ok(out.summary.includes(`b = ${e.focus.estimate.toFixed(2)}, ${Math.round((c.options.confLevel ?? 0.95) * 100)}% CI [${e.focus.ciLow.toFixed(2)}, ${e.focus.ciHigh.toFixed(2)}]`), out.summary);
      const factorTest = e.typeII.find((t) => t.term === e.interaction.factor)!;
      assert.ok(out.summary.includes(`F(${factorTest.df}, ${tests.length ? out.result.dfResid : ''}) = ${factorTest.f.toFixed(2)}`), out.summary);
      assert.ok(out.tables.some((t) => t.title === 'Type II tests of the terms'));
      assert.ok(out.tables.some((t) => /Interaction check/.test(t.title)));
      if (e.interaction.pValue < 0.05) assert.ok(out.recommendations.some((r) => r.includes(`${e.interaction.numeric} × ${e.interaction.factor}`)), out.recommendations.join('\n'));
    });
  }
});

describe('sentences name their symbols and intervals (S8-S12)', () => {
  const sentence = (id: AnalysisId, dataset: string, roles: Roles, options: Partial<AnalysisOptions> = {}) =>
    runAnalysis(buildRequest(id, roles, options), readDataset(dataset));

  it('paired t: d_z named, d_av beside it (S8)', () => {
    const out = sentence('ttest_paired', 'sleep', { outcome: 'extra', group: 'group', pairId: 'ID' });
    assert.match(out.summary, /^t\(9\) = −4\.06, p = \.003, d_z = −1\.28, 95% CI \[−2\.12, −0\.41\], d_av = −0\.83; /);
    assert.ok(out.tables[0].columns.some((c) => c.key === 'cohensDAv' && c.label === 'd_av'));
  });

  it('Mann-Whitney: U with R\'s W named in the note, r_rb with its CI (S6, S8)', () => {
    const out = sentence('mann_whitney', 'ToothGrowth', { outcome: 'len', group: 'supp' });
    assert.match(out.summary, /^U = 575\.5, p = \.064, r_rb = \.28, 95% CI \[−\.01, \.52\]; median len was/);
    assert.match(out.tables[0].note ?? '', /Mann-Whitney U of OJ .* R's wilcox\.test reports as W/);
  });

  it('signed-rank at r_rb = −1: the estimate without a degenerate interval, and the note says why', () => {
    const out = sentence('wilcoxon_signed_rank', 'sleep', { outcome: 'extra', group: 'group', pairId: 'ID' });
    assert.match(out.summary, /^V = 0, p = \.009, r_rb = −1\.00; pseudo-median/);
    assert.match(out.tables[0].note ?? '', /degenerate when r_rb = ±1/);
  });

  it('ANOVA: η² and ω² with CIs, readable labels, no "groups of group" (S6, S9)', () => {
    const out = sentence('anova_oneway', 'PlantGrowth', { outcome: 'weight', group: 'group' });
    assert.equal(out.summary, 'F(2, 27) = 4.85, p = .016, η² = .26, 95% CI [.01, .49], ω² = .20, 95% CI [.00, .43], comparing mean weight across the 3 levels of group (N = 30).');
    const welch = sentence('welch_anova', 'penguins', { outcome: 'body_mass_g', group: 'species' });
    assert.match(welch.summary, /^Welch's F\(2, 189\.48\) = 317\.57, p < \.001, ω² = \.77, 95% CI \[\.71, \.81\], comparing mean body mass \(g\) across the 3 levels of species \(N = 342\)\.$/);
  });

  it('rank correlations: r_s and τ_b with Fisher-z CIs (S6, S9)', () => {
    assert.match(sentence('spearman', 'mtcars', { x: 'mpg', y: 'hp' }).summary, /^r_s\(30\) = −\.89, p < \.001, 95% CI \[−\.95, −\.77\], N = 32\.$/);
    assert.match(sentence('kendall', 'mtcars', { x: 'mpg', y: 'hp' }).summary, /^Kendall's τ_b = −\.74, z = −5\.87, p < \.001, 95% CI \[−\.83, −\.61\], N = 32\.$/);
  });

  it('one-sample t: against μ₀ (S9)', () => {
    assert.match(sentence('ttest_one_sample', 'mtcars', { outcome: 'mpg' }, { mu: 20 }).summary, /against μ₀ = 20\.$/);
  });

  it('post-hoc: α, the adjustment, differences with simultaneous CIs, never four dots (S10)', () => {
    const tukey = sentence('tukey_hsd', 'PlantGrowth', { outcome: 'weight', group: 'group' });
    assert.equal(
      tukey.summary,
      'Tukey HSD comparing weight across the 3 levels of group (N = 30), at familywise α = .05, Tukey-adjusted p-values and 95% simultaneous CIs: 1 of 3 pairwise differences was significant: trt2 - trt1 = 0.87, 95% CI [0.17, 1.56], p = .012.',
    );
    const gh = sentence('games_howell', 'InsectSprays', { outcome: 'count', group: 'spray' });
    assert.match(gh.summary, /Games-Howell-adjusted p-values and 95% simultaneous CIs: 9 of 15 pairwise differences were significant: C - A = −12\.42, 95% CI \[−17\.23, −7\.61\], p < \.001; .*; 5 more in the table\.$/);
    assert.ok(!gh.summary.includes('....'));
  });

  it('2 x 2: which odds are compared, OR and risk difference with CIs (S12)', () => {
    const chi = sentence('chi2_independence', 'mtcars', { row: 'am', col: 'vs' });
    assert.match(chi.summary, /^χ²\(1, N = 32\) = 0\.35 \(Yates' correction\), p = \.556, Cramér's V = \.17; OR = 2\.00, 95% CI \[0\.48, 8\.40\] \(odds of vs = 0 for am = 0 vs am = 1\); the proportion with vs = 0 was \.63 for am = 0 and \.46 for am = 1 \(risk difference = 0\.17, 95% CI \[−0\.16, 0\.46\]\)\.$/);
    const fisher = sentence('fisher_exact', 'mtcars', { row: 'am', col: 'vs' });
    assert.match(fisher.summary, /OR = 1\.96, 95% CI \[0\.38, 10\.59\] \(odds of vs = 0 for am = 0 vs am = 1\)/);
    assert.ok(fisher.tables.some((t) => t.title === 'Effect sizes (2 x 2)'));
  });

  it('2 x 2 with a zero cell: the odds ratio is not available, the risk difference is', () => {
    const table = buildTable([
      { name: 'arm', kind: 'categorical', values: ['a', 'a', 'a', 'b', 'b', 'b', 'b'] },
      { name: 'y', kind: 'categorical', values: ['yes', 'yes', 'yes', 'yes', 'no', 'no', 'no'] },
    ]);
    const out = runAnalysis(buildRequest('chi2_independence', { row: 'arm', col: 'y' }), table);
    assert.equal(out.result.oddsRatio, null);
    assert.equal(typeof out.result.riskDifference, 'number');
    assert.ok(!/OR =/.test(out.summary));
  });
});
