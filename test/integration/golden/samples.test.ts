/**
 * The sample notebooks run as a newcomer runs them, compared with their golden outputs
 * (test/golden, written by `npm run golden:update`): statuses, decisions and sentences exactly,
 * numbers to a relative error of 1e-9 (RELATIVE_TOLERANCE).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareGolden, goldenPath, RELATIVE_TOLERANCE, ROOT, runSample, type Golden } from '../../support/golden.js';

const samples = readdirSync(join(ROOT, 'samples')).filter((n) => n.endsWith('.inferra')).sort();

describe(`golden samples (numbers to ${RELATIVE_TOLERANCE} relative)`, function () {
  this.timeout(180_000);

  it('has a golden file for every sample notebook', () => {
    assert.ok(samples.length > 0);
    for (const name of samples) assert.ok(existsSync(goldenPath(name)), `no golden file for samples/${name}: run npm run golden:update`);
  });

  for (const name of samples) {
    it(`samples/${name} shows what its golden file holds`, () => {
      const expected = JSON.parse(readFileSync(goldenPath(name), 'utf8')) as Golden;
      const actual = runSample(join(ROOT, 'samples', name));
      assert.ok(actual.cells.length > 0 && actual.cells.every((c) => c.status === 'ok'), 'every ask cell of a sample runs');
      const differences = compareGolden(expected, actual);
      assert.deepEqual(differences, [], `samples/${name} differs from ${goldenPath(name)} (if intended: npm run golden:update)`);
    });
  }
});
