import assert from 'node:assert/strict';
import type { ComputedOutcome } from '../../../kernel/analyses/run.js';
import { buildFigureTask, buildFiguresForAnalysis, columnsForFigure } from '../../../kernel/figures/index.js';
import { InferraError } from '../../../kernel/errors.js';
import { ANALYSIS_IDS, DEFAULT_OPTIONS, FIGURE_IDS, type AnalysisId, type AnalysisRequest, type FigureId, type Roles, type Table } from '../../../kernel/types.js';
import { assertRenderableSpec, countMarks } from './spec-check.js';
import { readPenguins } from './read-csv.js';

const penguins = readPenguins();
const options = { ...DEFAULT_OPTIONS };

/** Figure tasks on penguins and the Vega marks each must draw. */
const figureCases: { id: FigureId; roles: Roles; marks: string[]; text: string[] }[] = [
  { id: 'histogram', roles: { column: 'flipper_length_mm' }, marks: ['rect'], text: ['Flipper length (mm)', 'Count'] },
  { id: 'histogram', roles: { column: 'flipper_length_mm', group: 'species' }, marks: ['rect'], text: ['Gentoo', 'Chinstrap'] },
  { id: 'kde', roles: { column: 'body_mass_g', group: 'species' }, marks: ['line', 'area'], text: ['Body mass (g)', 'Density'] },
  { id: 'qqplot', roles: { column: 'bill_length_mm' }, marks: ['symbol', 'line'], text: ['Theoretical normal quantiles'] },
  { id: 'qqplot', roles: { column: 'bill_length_mm', group: 'species' }, marks: ['symbol', 'line'], text: ['Adelie', 'Gentoo'] },
  { id: 'boxplot', roles: { outcome: 'body_mass_g', group: 'species' }, marks: ['rect', 'rule', 'symbol'], text: ['Body mass (g)', 'Adelie'] },
  { id: 'boxplot', roles: { outcome: 'body_mass_g' }, marks: ['rect', 'rule', 'symbol'], text: ['Body mass (g)'] },
  { id: 'violin', roles: { outcome: 'flipper_length_mm', group: 'species' }, marks: ['area', 'rule', 'symbol'], text: ['Flipper length (mm)', 'Chinstrap'] },
  { id: 'scatter', roles: { x: 'bill_length_mm', y: 'bill_depth_mm', color: 'species' }, marks: ['symbol'], text: ['Bill length (mm)', 'Bill depth (mm)', 'Species'] },
  { id: 'regplot', roles: { x: 'flipper_length_mm', y: 'body_mass_g' }, marks: ['symbol', 'line', 'area'], text: ['Flipper length (mm)', 'Body mass (g)'] },
  { id: 'bar', roles: { column: 'island' }, marks: ['rect'], text: ['Biscoe', 'Dream', 'Torgersen'] },
  { id: 'bar', roles: { column: 'island', group: 'species' }, marks: ['rect'], text: ['Biscoe', 'Species'] },
];

describe('figure tasks on penguins (golden)', () => {
  for (const c of figureCases) {
    it(`${c.id} ${JSON.stringify(c.roles)}: valid Vega-Lite v6, compiles cleanly, renders the expected marks`, async () => {
      const request: AnalysisRequest = { analysis: c.id, roles: c.roles, options };
      const outcome = buildFigureTask(request, penguins);
      assert.equal(outcome.analysis, c.id);
      assert.equal(outcome.figures.length, 1);
      assert.equal(outcome.figures[0].kind, c.id);
      assert.ok(outcome.summary.endsWith('.') && outcome.summary.length > 20);
      assert.ok(outcome.tables.length > 0);
      assert.ok(outcome.n > 300 && outcome.n <= 344);
      assert.equal(outcome.n + outcome.nMissing, 344);
      const svg = await assertRenderableSpec(outcome.figures[0].vegaLite);
      for (const mark of c.marks) assert.ok(countMarks(svg, mark) > 0, `a ${mark} mark`);
      for (const text of c.text) assert.ok(svg.includes(text), `text '${text}'`);
    });
  }

  it('covers every figure id of CONTRACT.md', () => {
    assert.deepEqual([...new Set(figureCases.map((c) => c.id))].sort(), [...FIGURE_IDS].sort());
  });

  it('gives regplot the least-squares slope, intercept and r', () => {
    const outcome = buildFigureTask({ analysis: 'regplot', roles: { x: 'flipper_length_mm', y: 'body_mass_g' }, options }, penguins);
    // R: coef(lm(body_mass_g ~ flipper_length_mm)) = -5780.83, 49.6856; cor = 0.871202 (test/reference/r/figures.json has 17 digits).
    assert.ok(Math.abs((outcome.result.slope as number) - 49.6856) < 1e-3);
    assert.ok(Math.abs((outcome.result.r as number) - 0.871202) < 1e-5);
    assert.match(outcome.summary, /slope 49\.69/);
  });

  it('is deterministic: the same request and seed give byte-identical specs; another seed moves the jitter only', () => {
    const request: AnalysisRequest = { analysis: 'boxplot', roles: { outcome: 'body_mass_g', group: 'species' }, options };
    const a = JSON.stringify(buildFigureTask(request, penguins).figures);
    const b = JSON.stringify(buildFigureTask(request, penguins).figures);
    const c = JSON.stringify(buildFigureTask({ ...request, options: { ...options, seed: 7 } }, penguins).figures);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('keeps the --levels order and drops the other levels', () => {
    const request: AnalysisRequest = { analysis: 'boxplot', roles: { outcome: 'body_mass_g', group: 'species' }, options: { ...options, levels: ['Gentoo', 'Adelie'] } };
    const outcome = buildFigureTask(request, penguins);
    const spec = JSON.stringify(outcome.figures[0].vegaLite);
    assert.ok(spec.includes('["Gentoo","Adelie"]'));
    assert.ok(!spec.includes('Chinstrap'));
    assert.ok(outcome.dropped.some((d) => d.reason.includes('--levels') && d.count === 68));
  });

  it('axis titles come from column names with units; specs carry no background and their kind in usermeta', () => {
    const outcome = buildFigureTask({ analysis: 'histogram', roles: { column: 'body_mass_g' }, options }, penguins);
    const spec = outcome.figures[0].vegaLite as Record<string, any>;
    assert.equal(spec.encoding.x.title, 'Body mass (g)');
    assert.equal(spec.usermeta.kind, 'histogram');
    assert.equal(spec.config.background, undefined);
  });

  it('reports missing roles and unknown columns with their codes', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as InferraError).code;
      }
      return 'no error';
    };
    assert.equal(codeOf(() => buildFigureTask({ analysis: 'scatter', roles: { x: 'bill_length_mm' }, options }, penguins)), 'missing-role');
    assert.equal(codeOf(() => buildFigureTask({ analysis: 'histogram', roles: { column: 'flipper_lenght_mm' }, options }, penguins)), 'column-not-found');
    assert.equal(codeOf(() => buildFigureTask({ analysis: 'boxplot', roles: { outcome: 'species' }, options }, penguins)), 'column-not-numeric');
  });

  it('names the columns a figure task needs', () => {
    assert.deepEqual(columnsForFigure({ analysis: 'scatter', roles: { x: 'a', y: 'b', color: 'c' }, options }), ['a', 'b', 'c']);
    assert.deepEqual(columnsForFigure({ analysis: 'boxplot', roles: { outcome: 'a', group: 'g' }, options }), ['a', 'g']);
    assert.deepEqual(columnsForFigure({ analysis: 'histogram', roles: { column: 'a' }, options }), ['a']);
  });
});

/** A computed outcome as the analyses produce it (only what figures read matters here). */
function fakeOutcome(analysis: AnalysisId, roles: Roles, summary: string, variant: string): ComputedOutcome {
  return {
    analysis, variant, roles, options, n: 0, nMissing: 0, dropped: [], result: {}, assumptions: [], summary,
    warnings: [], recommendations: [], tables: [],
  };
}

/** A small long-format paired table (subjects measured twice). */
function pairedTable(): Table {
  const ids = ['s1', 's2', 's3', 's4', 's5', 's6', 's1', 's2', 's3', 's4', 's5', 's6'];
  return {
    rowCount: 12,
    columns: [
      { name: 'id', kind: 'categorical', values: ids },
      { name: 'time', kind: 'categorical', values: ids.map((_, i) => (i < 6 ? 'before' : 'after')) },
      { name: 'score', kind: 'numeric', values: Float64Array.from([5, 6, 7, 5, 8, 6, 6, 8, 7, 7, 9, 8]) },
    ],
  };
}

/** Each analysis id with roles on penguins, the expected figure kinds and a text the SVG must show. */
const analysisCases: { id: AnalysisId; roles: Roles; kinds: string[]; text: string; table?: Table; options?: Partial<typeof options> }[] = [
  { id: 'describe', roles: { column: 'body_mass_g' }, kinds: ['histogram'], text: 'Body mass (g)' },
  { id: 'ttest_one_sample', roles: { outcome: 'flipper_length_mm' }, kinds: ['boxplot'], text: '200', options: { mu: 200 } },
  { id: 'ttest_ind', roles: { outcome: 'flipper_length_mm', group: 'sex' }, kinds: ['boxplot'], text: 'female' },
  { id: 'ttest_welch', roles: { outcome: 'flipper_length_mm', group: 'sex' }, kinds: ['boxplot'], text: 'male' },
  { id: 'ttest_paired', roles: { before: 'bill_length_mm', after: 'bill_depth_mm' }, kinds: ['boxplot', 'paired_slopes'], text: 'Difference' },
  { id: 'mann_whitney', roles: { outcome: 'body_mass_g', group: 'sex' }, kinds: ['boxplot'], text: 'Sex' },
  { id: 'wilcoxon_signed_rank', roles: { outcome: 'score', group: 'time', pairId: 'id' }, kinds: ['boxplot', 'paired_slopes'], text: 'Difference in score (after - before)', table: pairedTable() },
  { id: 'anova_oneway', roles: { outcome: 'flipper_length_mm', group: 'species' }, kinds: ['boxplot'], text: 'Gentoo' },
  { id: 'welch_anova', roles: { outcome: 'flipper_length_mm', group: 'species' }, kinds: ['boxplot'], text: 'Gentoo' },
  { id: 'kruskal_wallis', roles: { outcome: 'body_mass_g', group: 'island' }, kinds: ['boxplot'], text: 'Torgersen' },
  { id: 'dunn', roles: { outcome: 'body_mass_g', group: 'island' }, kinds: ['boxplot'], text: 'Torgersen' },
  { id: 'yuen', roles: { outcome: 'body_mass_g', group: 'sex' }, kinds: ['boxplot'], text: 'female' },
  { id: 'tukey_hsd', roles: { outcome: 'bill_length_mm', group: 'species' }, kinds: ['boxplot', 'differences'], text: 'Bill length (mm)' },
  { id: 'games_howell', roles: { outcome: 'bill_length_mm', group: 'species' }, kinds: ['boxplot', 'differences'], text: 'Chinstrap' },
  { id: 'pearson', roles: { x: 'flipper_length_mm', y: 'body_mass_g' }, kinds: ['regplot'], text: 'Flipper length (mm)' },
  { id: 'spearman', roles: { x: 'bill_length_mm', y: 'bill_depth_mm' }, kinds: ['scatter'], text: 'Bill depth (mm)' },
  { id: 'kendall', roles: { x: 'bill_length_mm', y: 'bill_depth_mm' }, kinds: ['scatter'], text: 'Bill length (mm)' },
  { id: 'ols', roles: { outcome: 'body_mass_g', predictors: ['flipper_length_mm'] }, kinds: ['regplot', 'scatter', 'scatter', 'qqplot'], text: 'Residuals' },
  { id: 'chi2_independence', roles: { row: 'species', col: 'island' }, kinds: ['bar'], text: 'Dream' },
  { id: 'fisher_exact', roles: { row: 'species', col: 'sex' }, kinds: ['bar'], text: 'female' },
  { id: 'shapiro_wilk', roles: { column: 'bill_length_mm', group: 'species' }, kinds: ['qqplot'], text: 'Adelie' },
  { id: 'levene', roles: { outcome: 'body_mass_g', group: 'species' }, kinds: ['boxplot'], text: 'Gentoo' },
  { id: 'bartlett', roles: { outcome: 'body_mass_g', group: 'species' }, kinds: ['boxplot'], text: 'Adelie' },
  { id: 'var_test', roles: { outcome: 'body_mass_g', group: 'sex' }, kinds: ['boxplot'], text: 'female' },
  { id: 'mood_test', roles: { outcome: 'flipper_length_mm', group: 'sex' }, kinds: ['boxplot'], text: 'male' },
  { id: 'ks_test', roles: { column: 'bill_length_mm' }, kinds: ['qqplot'], text: 'Cumulative proportion' },
  { id: 'mantel_haenszel', roles: { row: 'sex', col: 'shape', strata: 'species' }, kinds: ['bar'], text: 'round', table: stratifiedTable() },
  { id: 'binomial_test', roles: { column: 'sex' }, kinds: ['bar'], text: 'female' },
  { id: 'prop_test', roles: { outcome: 'sex', group: 'shape' }, kinds: ['bar'], text: 'long', table: stratifiedTable() },
  { id: 'mcnemar', roles: { before: 'sex', after: 'sex' }, kinds: ['bar'], text: 'male' },
  { id: 'chi2_gof', roles: { column: 'island' }, kinds: ['bar'], text: 'Biscoe' },
  { id: 'power_ttest', roles: {}, kinds: ['scatter'], text: 'n per group', options: { effectSize: 0.5, power: 0.8 } },
  { id: 'power_prop', roles: {}, kinds: ['scatter'], text: 'Power', options: { p1: 0.5, p2: 0.75, power: 0.9 } },
  { id: 'power_anova', roles: {}, kinds: ['scatter'], text: 'Power', options: { effectSize: 0.25, groups: 4, n: 20 } },
  { id: 'pairwise_ttest', roles: { outcome: 'bill_length_mm', group: 'species' }, kinds: ['boxplot'], text: 'Gentoo' },
  { id: 'anova_factorial', roles: { outcome: 'body_mass_g', factors: ['species', 'sex'] }, kinds: ['interaction'], text: 'Chinstrap' },
  { id: 'ancova', roles: { outcome: 'body_mass_g', group: 'species', covariates: ['flipper_length_mm'] }, kinds: ['scatter'], text: 'Flipper length (mm)' },
  { id: 'partial_correlation', roles: { x: 'bill_length_mm', y: 'bill_depth_mm', covariates: ['body_mass_g'] }, kinds: ['regplot'], text: 'residual' },
  { id: 'friedman', roles: { outcome: 'score', within: 'time', subject: 'id' }, kinds: ['boxplot'], text: 'before', table: pairedTable() },
  { id: 'anova_rm', roles: { outcome: 'score', within: 'time', subject: 'id' }, kinds: ['rm_profile'], text: 'before', table: pairedTable() },
  { id: 'logistic', roles: { outcome: 'sex', predictors: ['body_mass_g', 'species'] }, kinds: ['probability_curve'], text: 'P(sex = male)' },
];

/** Penguins' sex and species with a made-up binary column, for the stratified 2x2 tables. */
function stratifiedTable(): Table {
  const sex = penguins.columns.find((c) => c.name === 'sex') as Table['columns'][number] & { values: (string | null)[] };
  const species = penguins.columns.find((c) => c.name === 'species') as Table['columns'][number];
  return {
    rowCount: penguins.rowCount,
    columns: [sex, species, { name: 'shape', kind: 'categorical', values: sex.values.map((_, i) => (i % 3 === 0 ? 'round' : 'long')) }],
  };
}

describe('figures for each analysis (golden)', () => {
  for (const c of analysisCases) {
    it(`${c.id}: ${c.kinds.join(' + ')}, titled with the test and its result, valid and renderable`, async () => {
      const summary = `Test statistic for ${c.id} = 1.23, p = .045.`;
      const request: AnalysisRequest = { analysis: c.id, roles: c.roles, options: { ...options, ...c.options } };
      const figures = buildFiguresForAnalysis(request, c.table ?? penguins, fakeOutcome(c.id, c.roles, summary, `Variant of ${c.id}`));
      assert.deepEqual(figures.map((f) => f.kind), c.kinds);
      const svgs: string[] = [];
      for (const figure of figures) svgs.push(await assertRenderableSpec(figure.vegaLite));
      assert.ok(svgs.some((svg) => svg.includes(c.text)), `text '${c.text}'`);
      if (c.id !== 'describe') {
        assert.ok(svgs[0].includes(`Variant of ${c.id}`), 'the title names the test');
        assert.ok(svgs[0].includes('p = .045'), 'the subtitle carries the result');
      }
    });
  }

  it('covers every analysis id of CONTRACT.md', () => {
    assert.deepEqual([...new Set(analysisCases.map((c) => c.id))].sort(), [...ANALYSIS_IDS].sort());
  });

  it('draws OLS diagnostics for several predictors including a factor (no fitted line then)', async () => {
    const roles = { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species'] };
    const figures = buildFiguresForAnalysis({ analysis: 'ols', roles, options }, penguins, fakeOutcome('ols', roles, 'R2 = .86.', 'OLS'));
    assert.deepEqual(figures.map((f) => f.kind), ['scatter', 'scatter', 'qqplot']);
    for (const f of figures) await assertRenderableSpec(f.vegaLite);
  });

  it('draws the logistic probability curve per level of the first factor, and points per level without a numeric predictor', async () => {
    const roles = { outcome: 'sex', predictors: ['body_mass_g', 'species'] };
    const [curve] = buildFiguresForAnalysis({ analysis: 'logistic', roles, options }, penguins, fakeOutcome('logistic', roles, 's', 'v'));
    const values = ((curve.vegaLite as any).layer as any[]).flatMap((l) => [...(l.data?.values ?? []), ...((l.layer ?? []) as any[]).flatMap((m) => m.data?.values ?? [])]);
    const lines = values.filter((v: any) => 'low' in v);
    assert.deepEqual([...new Set(lines.map((v: any) => v.level))], ['Adelie', 'Chinstrap', 'Gentoo']);
    // A probability and its band stay in [0, 1], the band around the line.
    for (const v of lines) assert.ok(v.low >= 0 && v.low <= v.p && v.p <= v.high && v.high <= 1, JSON.stringify(v));
    // Heavier penguins are more often male: the curve rises along body mass within a species.
    const adelie = lines.filter((v: any) => v.level === 'Adelie');
    assert.ok(adelie[adelie.length - 1].p > adelie[0].p);
    assert.match(curve.caption ?? '', /observed outcomes/);
    const factorsOnly = { outcome: 'sex', predictors: ['species', 'island'] };
    const [points] = buildFiguresForAnalysis({ analysis: 'logistic', roles: factorsOnly, options }, penguins, fakeOutcome('logistic', factorsOnly, 's', 'v'));
    const svg = await assertRenderableSpec(points.vegaLite);
    assert.ok(svg.includes('Gentoo') && countMarks(svg, 'rule') > 0);
    assert.match(points.caption ?? '', /island at Biscoe/);
  });

  it('computes paired differences first minus second, as the paired tests do', () => {
    const roles = { outcome: 'score', group: 'time', pairId: 'id' };
    const [figure] = buildFiguresForAnalysis({ analysis: 'ttest_paired', roles, options }, pairedTable(), fakeOutcome('ttest_paired', roles, 's', 'v'));
    const layers = (figure.vegaLite as any).layer as any[];
    const means = layers.flatMap((l) => l.data?.values ?? []).filter((v: any) => 'mean' in v);
    // Levels sort naturally: "after" before "before"; differences after - before = 1, 2, 0, 2, 1, 2 -> mean 4/3.
    assert.ok(Math.abs(means[0].mean - 4 / 3) < 1e-4, `mean ${means[0].mean} (plot rounding 1e-5 of the range)`);
  });
});

describe('figure edge cases', function () {
  this.timeout(30_000);
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return (error as InferraError).code;
    }
    return 'no error';
  };

  it('says too-few-observations when every row is missing, instead of drawing nothing', () => {
    const table: Table = {
      rowCount: 3,
      columns: [
        { name: 'v', kind: 'numeric', values: Float64Array.from([NaN, NaN, NaN]) },
        { name: 'w', kind: 'numeric', values: Float64Array.from([1, 2, 3]) },
        { name: 'g', kind: 'categorical', values: [null, null, null] },
      ],
    };
    for (const id of ['histogram', 'kde', 'qqplot'] as const) {
      assert.equal(codeOf(() => buildFigureTask({ analysis: id, roles: { column: 'v' }, options }, table)), 'too-few-observations', id);
    }
    assert.equal(codeOf(() => buildFigureTask({ analysis: 'boxplot', roles: { outcome: 'w', group: 'g' }, options }, table)), 'too-few-observations');
    assert.equal(codeOf(() => buildFigureTask({ analysis: 'scatter', roles: { x: 'v', y: 'w' }, options }, table)), 'too-few-observations');
    assert.equal(codeOf(() => buildFigureTask({ analysis: 'bar', roles: { column: 'g' }, options }, table)), 'too-few-observations');
  });

  it('draws constant data, single observations and awkward level names', async () => {
    const table: Table = {
      rowCount: 6,
      columns: [
        { name: 'v', kind: 'numeric', values: Float64Array.from([5, 5, 5, 5, 5, 7]) },
        { name: 'g', kind: 'categorical', values: ['O\'Brien "x"', 'O\'Brien "x"', 'a\\b', 'a\\b', 'a\\b', '<lone>'] },
      ],
    };
    for (const id of ['histogram', 'kde', 'qqplot', 'boxplot', 'violin', 'bar'] as const) {
      const roles = id === 'boxplot' || id === 'violin' ? { outcome: 'v', group: 'g' } : { column: id === 'bar' ? 'g' : 'v', group: id === 'bar' ? undefined : 'g' };
      const outcome = buildFigureTask({ analysis: id, roles, options }, table);
      const svg = await assertRenderableSpec(outcome.figures[0].vegaLite);
      if (id === 'boxplot' || id === 'bar') {
        assert.ok(svg.includes('>O\'Brien "x"</text>'), `${id} shows the quoted label`);
        assert.ok(svg.includes('>a\\b</text>') && svg.includes('>&lt;lone&gt;</text>'), `${id} shows the other labels`);
      }
    }
    const flat = buildFigureTask({ analysis: 'regplot', roles: { x: 'v', y: 'v' }, options }, { ...table, columns: [{ name: 'v', kind: 'numeric', values: Float64Array.from([1, 1, 1]) }], rowCount: 3 });
    await assertRenderableSpec(flat.figures[0].vegaLite);
  });
});
