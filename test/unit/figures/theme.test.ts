import assert from 'node:assert/strict';
import { computeJitter, createRandom, sampleIndices } from '../../../kernel/figures/random.js';
import { buildGroupColorScale, formatAxisTitle, formatVariableName, OKABE_ITO, PALETTE, wrapText } from '../../../kernel/figures/theme.js';

describe('figure theme', () => {
  it('makes axis titles from column names, with units', () => {
    assert.equal(formatAxisTitle('flipper_length_mm'), 'Flipper length (mm)');
    assert.equal(formatAxisTitle('body_mass_g'), 'Body mass (g)');
    assert.equal(formatAxisTitle('bill_depth_mm'), 'Bill depth (mm)');
    assert.equal(formatAxisTitle('Weight [kg]'), 'Weight (kg)');
    assert.equal(formatAxisTitle('reaction_time_ms'), 'Reaction time (ms)');
    assert.equal(formatAxisTitle('heartRateBpm'), 'Heart rate (bpm)');
    assert.equal(formatAxisTitle('species'), 'Species');
    assert.equal(formatAxisTitle('sex'), 'Sex');
    assert.equal(formatAxisTitle('len'), 'len');
    assert.equal(formatAxisTitle('mpg'), 'mpg');
    assert.equal(formatAxisTitle('BMI'), 'BMI');
    assert.equal(formatAxisTitle('year'), 'Year');
    assert.equal(formatAxisTitle('g'), 'g');
    assert.equal(formatVariableName('flipper_length_mm', true), 'flipper length');
    assert.equal(formatVariableName('BMI_value', true), 'BMI value');
  });

  it('uses the Okabe-Ito colours only, cycling beyond eight levels', () => {
    assert.deepEqual([...PALETTE].sort(), [...OKABE_ITO].sort());
    const scale = buildGroupColorScale(Array.from({ length: 10 }, (_, i) => `l${i}`)) as { range: string[] };
    assert.equal(scale.range[8], scale.range[0]);
  });

  it('wraps long subtitles into lines', () => {
    const lines = wrapText('a '.repeat(100).trim(), 20);
    assert.ok(lines.every((l) => l.length <= 20));
    assert.equal(lines.join(' '), 'a '.repeat(100).trim());
  });
});

describe('seeded randomness', () => {
  it('is deterministic per seed and uniform enough for jitter', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 10000 }, () => a());
    assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(Math.abs(mean - 0.5) < 0.02, `mean ${mean} within 0.02 of 0.5`);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const jitter = computeJitter(1000, 1, 0.2);
    assert.ok(jitter.every((j) => Math.abs(j) <= 0.2));
  });

  it('samples k distinct indices in increasing order', () => {
    const s = sampleIndices(1_000_000, 5000, 3);
    assert.equal(s.length, 5000);
    assert.ok(s.every((v, i) => i === 0 || v > s[i - 1]));
    assert.deepEqual(sampleIndices(5, 10, 3), [0, 1, 2, 3, 4]);
    assert.deepEqual(sampleIndices(1000, 10, 9), sampleIndices(1000, 10, 9));
  });
});
