/**
 * NIST StRD accuracy (LRE = digits of agreement with the certified values, capped at 15):
 * univariate mean and sd >= 13 (through `describe`), one-way ANOVA >= 9 (moments helper, `ols` on
 * dummy-coded groups, and the `anova_oneway` analysis when it is available), regression coefficients,
 * their SDs, residual SD, R-squared and F >= 9 (through `ols`). Of the harder cases printed by
 * `npx tsx bench/accuracy/run.ts`, two are asserted: SmLs04-09-like offsets against the exact answer
 * for the binary data (BigInt rationals), and Wampler1, whose data are exact in binary.
 */
import assert from 'node:assert/strict';
import {
  computeAnovaFromMoments,
  computeAnovaThrough,
  anovaOneway,
  computeLre,
  readAnovaGroups,
  readCertified,
  scoreAnova,
  scoreAnovaByOls,
  scoreRegression,
  scoreUnivariate,
  type AccuracyRow,
} from '../../../bench/accuracy/cases.js';

/** Scores computed once: the ANOVA sets are large (SmLs03: 18009 rows) and the machine is shared. */
let anovaRows: AccuracyRow[] | undefined;
let anovaOlsRows: AccuracyRow[] | undefined;
const scoreAnovaOnce = () => (anovaRows ??= scoreAnova(computeAnovaFromMoments));
const scoreAnovaByOlsOnce = () => (anovaOlsRows ??= scoreAnovaByOls());

/** Asserts every row that carries a requirement and prints the LREs. */
function assertRows(rows: AccuracyRow[]): void {
  const lines = rows.map((r) => `      ${r.dataset.padEnd(10)} ${r.quantity.padEnd(22)} LRE ${r.lre.toFixed(1)}`);
  console.log(lines.join('\n'));
  for (const r of rows) {
    if (r.required === null) continue;
    assert.ok(r.lre >= r.required, `${r.dataset} ${r.quantity}: LRE ${r.lre.toFixed(2)} < ${r.required} (ours ${r.ours}, certified ${r.certified})`);
  }
}

describe('NIST StRD', () => {
  it('computes LRE as digits of agreement, capped at 15, absolute for a zero certified value', () => {
    assert.equal(computeLre(1.2345, 1.2345), 15);
    assert.ok(Math.abs(computeLre(1.001, 1) - 3) < 1e-9);
    assert.ok(Math.abs(computeLre(1e-6, 0) - 6) < 1e-9);
  });

  it('univariate: mean and sd through describe, LRE >= 13', () => {
    const rows = scoreUnivariate().filter((r) => r.required !== null);
    assert.equal(rows.length, 8);
    assertRows(rows);
  });

  it('one-way ANOVA: centred sums of squares (moments.ts), LRE >= 9', () => {
    const rows = scoreAnovaOnce().filter((r) => r.required !== null);
    assert.equal(rows.length, 28);
    assertRows(rows);
  });

  it('one-way ANOVA as ols on dummy-coded groups: F, R-squared, residual SD, LRE >= 9', () => {
    const rows = scoreAnovaByOlsOnce().filter((r) => r.required !== null);
    assert.equal(rows.length, 12);
    assertRows(rows);
  });

  it('one-way ANOVA through the anova_oneway analysis, LRE >= 9', () => {
    const analysis = anovaOneway();
    const rows = scoreAnova((groups) => computeAnovaThrough(analysis, groups), ' (anova_oneway)').filter(
      (r) => r.required !== null,
    );
    // The same certified quantities as the moments path scores, none missing.
    assert.equal(rows.length, scoreAnovaOnce().filter((r) => r.required !== null).length);
    assertRows(rows);
  });

  it('regression: Norris, Pontius, NoInt1, Longley coefficients, SDs, residual SD, R-squared, F, LRE >= 9', () => {
    const rows = scoreRegression().filter((r) => r.required !== null);
    // Norris 2, Pontius 3, NoInt1 1, Longley 7 parameters (estimate and SD each) + 3 model quantities per set.
    assert.equal(rows.length, 2 * (2 + 3 + 1 + 7) + 3 * 4);
    assertRows(rows);
  });

  it('SmLs04-09-like offsets (1e6, 1e12): ANOVA and ols agree with the exact answer for the binary data, LRE >= 12', () => {
    const rows = [...scoreAnovaOnce(), ...scoreAnovaByOlsOnce()].filter((r) => r.quantity.includes('binary data'));
    assert.equal(rows.length, 6 * 3 + 6 * 2);
    for (const r of rows) assert.ok(r.lre >= 12, `${r.dataset} ${r.quantity}: LRE ${r.lre}`);
  });

  it('Wampler1 rebuilt from its definition (exact in binary): coefficients 1 to LRE >= 13', () => {
    const rows = scoreRegression().filter((r) => r.dataset === 'Wampler1' && / estimate$/.test(r.quantity));
    assert.equal(rows.length, 6);
    for (const r of rows) assert.ok(r.lre >= 13, `${r.quantity}: LRE ${r.lre}`);
  });

  it('reads the certified groups it scores (SmLs03: 9 groups of 2001)', () => {
    const groups = readAnovaGroups('SmLs03');
    assert.deepEqual(
      groups.map((g) => g.length),
      readCertified().SmLs03.group_sizes,
    );
  });
});
