import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeRegressionBand } from '../../../kernel/analyses/regression/band.js';
import {
  computeBandwidth,
  computeBins,
  computeBoxStats,
  computeKde,
  computeQqPoints,
  countBins,
  roundToStep,
} from '../../../kernel/figures/aggregate.js';
import { computeSimpleFit } from '../../../kernel/figures/build-regplot.js';
import { computeOlsFit } from '../../../kernel/figures/fit-ols.js';
import { DEFAULT_OPTIONS } from '../../../kernel/types.js';
import { readPenguins } from './read-csv.js';

const fixtures = JSON.parse(readFileSync(new URL('../../reference/r/figures.json', import.meta.url), 'utf8'));

/** |actual - expected| <= rel * |expected| (+ abs for values near zero). */
function expectClose(actual: number, expected: number, { rel = 0, abs = 0 }: { rel?: number; abs?: number }, what = ''): void {
  const tol = rel * Math.abs(expected) + abs;
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected} (tol ${tol})`);
}

describe('figure aggregates against R', () => {
  for (const c of fixtures.kde) {
    it(`bw.nrd0 and the exact Gaussian KDE match R ${fixtures.r_version}: ${c.name}`, () => {
      const sorted = Float64Array.from(c.x as number[]).sort();
      expectClose(computeBandwidth(sorted), c.bandwidth, { rel: 1e-13 }, 'bandwidth');
      const density = computeKde(sorted, c.bandwidth, Float64Array.from(c.grid));
      // The kernel is cut at 8 bandwidths (exp(-32) ~ 1e-14 of the peak), hence the small absolute term.
      c.density.forEach((d: number, j: number) => expectClose(density[j], d, { rel: 1e-12, abs: 1e-15 }, `density[${j}]`));
    });
  }

  it('binned KDE above 5,000 observations stays within 1% of the peak of the exact one', () => {
    const x = new Float64Array(20000);
    for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 12.9898) * 43758.5453 % 1 + (i % 3);
    const grid = Float64Array.from({ length: 50 }, (_, j) => -1 + j * 0.08);
    const bw = computeBandwidth(Float64Array.from(x).sort());
    const binned = computeKde(x, bw, grid);
    // Exact sum on a subsample-free reference: direct evaluation.
    const exact = grid.map((g) => {
      let s = 0;
      for (const v of x) s += Math.exp(-0.5 * ((g - v) / bw) ** 2);
      return s / (x.length * bw * Math.sqrt(2 * Math.PI));
    });
    const peak = Math.max(...exact);
    grid.forEach((_, j) => expectClose(binned[j], exact[j], { abs: 0.01 * peak }, `density[${j}]`));
  });

  for (const c of fixtures.box) {
    it(`quartiles (type 7), Tukey whiskers and outliers match R: ${c.name}`, () => {
      const box = computeBoxStats(Float64Array.from(c.x as number[]).sort());
      expectClose(box.q1, c.q1, { rel: 1e-15 }, 'q1');
      expectClose(box.median, c.median, { rel: 1e-15 }, 'median');
      expectClose(box.q3, c.q3, { rel: 1e-15 }, 'q3');
      assert.equal(box.whiskerLow, c.whisker_low);
      assert.equal(box.whiskerHigh, c.whisker_high);
      assert.deepEqual(box.outliers, [c.outliers].flat());
    });
  }

  for (const c of fixtures.qq) {
    it(`qqnorm positions and qqline match R: ${c.name}`, () => {
      const qq = computeQqPoints(Float64Array.from(c.x as number[]).sort());
      assert.equal(qq.theoretical.length, c.theoretical.length);
      // Ties in the sample make R's order of equal values arbitrary, so compare sorted theoretical quantiles.
      qq.theoretical.forEach((t, i) => expectClose(t, c.theoretical[i], { rel: 1e-12, abs: 1e-15 }, `theoretical[${i}]`));
      qq.sample.forEach((s, i) => assert.equal(s, c.sample[i]));
      expectClose(qq.slope, c.slope, { rel: 1e-13 }, 'slope');
      expectClose(qq.intercept, c.intercept, { rel: 1e-13 }, 'intercept');
    });
  }

  it('QQ points are thinned to at most 1,000 with both tails kept', () => {
    const sorted = Float64Array.from({ length: 100000 }, (_, i) => i);
    const qq = computeQqPoints(sorted);
    assert.ok(qq.sample.length <= 1000);
    assert.equal(qq.sample[0], 0);
    assert.equal(qq.sample[qq.sample.length - 1], 99999);
    assert.equal(qq.n, 100000);
  });

  it('the fitted values of the OLS diagnostics (the regression engine\'s fit) match R lm() (factor and polynomial terms)', () => {
    const table = readPenguins();
    const base = { analysis: 'ols' as const, options: { ...DEFAULT_OPTIONS } };
    const bySpecies = computeOlsFit({ ...base, roles: { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species'] } }, table);
    assert.equal(bySpecies.n, fixtures.ols.fitted_species.length);
    bySpecies.fitted.forEach((f, i) => expectClose(f, fixtures.ols.fitted_species[i], { rel: 1e-10 }, `fitted[${i}]`));
    const poly = computeOlsFit({ ...base, roles: { outcome: 'body_mass_g', predictors: ['flipper_length_mm'] }, options: { ...DEFAULT_OPTIONS, degree: 2 } }, table);
    // Raw polynomial columns are ill-conditioned (x^2 ~ 5e4), R's own QR included; 1e-10 is what both keep.
    poly.fitted.forEach((f, i) => expectClose(f, fixtures.ols.fitted_poly[i], { rel: 1e-10 }, `fitted[${i}]`));
    assert.equal(bySpecies.residuals.length, bySpecies.n);
  });

  it('the regression line, its band and r match R lm() and predict(interval = "confidence")', () => {
    const table = readPenguins();
    const x = table.columns.find((c) => c.name === 'flipper_length_mm')!.values as Float64Array;
    const y = table.columns.find((c) => c.name === 'body_mass_g')!.values as Float64Array;
    const keep = [...x.keys()].filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]));
    const xs = Float64Array.from(keep, (i) => x[i]);
    const ys = Float64Array.from(keep, (i) => y[i]);
    const s = fixtures.ols.simple;
    const fit = computeSimpleFit(xs, ys);
    expectClose(fit.slope, s.slope, { rel: 1e-12 }, 'slope');
    expectClose(fit.intercept, s.intercept, { rel: 1e-12 }, 'intercept');
    expectClose(fit.r, s.r, { rel: 1e-12 }, 'r');
    const band = computeRegressionBand(xs, ys, Float64Array.from(s.grid), 0.95);
    s.fit.forEach((f: number, j: number) => {
      expectClose(band.fit[j], f, { rel: 1e-11 }, 'fit');
      expectClose(band.low[j], s.low[j], { rel: 1e-9 }, 'low');
      expectClose(band.high[j], s.high[j], { rel: 1e-9 }, 'high');
    });
  });
});

describe('histogram bins', () => {
  it('uses the Freedman-Diaconis width rounded to a nice number, edges covering the data', () => {
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => i / 10).sort();
    const bins = computeBins(sorted);
    assert.equal(bins.rule, 'freedman-diaconis');
    // FD: 2 * IQR * n^(-1/3) = 2 * 49.95 / 10 = 9.99 -> nice 10.
    assert.equal(bins.width, 10);
    assert.ok(bins.edges[0] <= 0 && bins.edges[bins.edges.length - 1] >= 99.9);
    const counts = countBins(sorted, bins.edges);
    assert.equal(counts.reduce((a, b) => a + b, 0), 1000);
  });

  it("falls back to Sturges' rule when the IQR is zero", () => {
    const sorted = Float64Array.from([...new Array(50).fill(5), 1, 9]).sort();
    const bins = computeBins(sorted);
    assert.equal(bins.rule, 'sturges');
    assert.equal(countBins(sorted, bins.edges).reduce((a, b) => a + b, 0), 52);
  });

  it('handles a constant sample with one bin', () => {
    const bins = computeBins(Float64Array.from([3, 3, 3]));
    assert.equal(bins.edges.length, 2);
    assert.deepEqual(countBins([3, 3, 3], bins.edges), [3]);
  });

  it('counts values on the last edge in the last bin and keeps edges free of binary noise', () => {
    assert.deepEqual(countBins([0, 0.5, 1, 1.5, 2], [0, 1, 2]), [2, 3]);
    assert.equal(roundToStep(0.1 + 0.2, 0.1), 0.3);
  });
});
