import assert from 'node:assert/strict';
import { parseArgs } from '../../../cli/args.js';
import { parseWhere, REQUEST_FLAGS, requestFromArgs } from '../../../cli/request.js';
import { InferraError } from '../../../kernel/errors.js';
import { DEFAULT_OPTIONS } from '../../../kernel/types.js';

const flags = { ...REQUEST_FLAGS, json: 'boolean' as const, analysis: 'string' as const };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InferraError);
    return error.code;
  }
  assert.fail('expected an error');
}

describe('CLI arguments', () => {
  it('parses roles, options, repeatable --where and --levels into a request', () => {
    const args = parseArgs(
      ['data.csv', '--outcome', 'len', '--group=supp', '--alternative', 'less', '--conf-level', '0.9', '--where', 'dose = 0.5', '--where', "supp != 'VC'", '--levels', 'VC,OJ', '--exact', 'false', '--json'],
      flags,
      'analyze',
    );
    assert.deepEqual(args.positionals, ['data.csv']);
    const request = requestFromArgs('ttest_welch', args);
    assert.deepEqual(request.roles, { outcome: 'len', group: 'supp' });
    assert.equal(request.options.alternative, 'less');
    assert.equal(request.options.confLevel, 0.9);
    assert.equal(request.options.exact, false);
    assert.deepEqual(request.options.levels, ['VC', 'OJ']);
    assert.deepEqual(request.options.where, [
      { column: 'dose', op: '=', value: '0.5' },
      { column: 'supp', op: '!=', value: 'VC' },
    ]);
    assert.equal(request.options.mu, 0);
    assert.equal(request.options.center, 'median');
    assert.equal(args.booleans.has('json'), true);
  });

  it('splits predictors and keeps power terms', () => {
    const request = requestFromArgs('ols', parseArgs(['d', '--outcome', 'y', '--predictors', 'x, x^2,species', '--intercept', 'false', '--pair-id', 'id'], flags, 'analyze'));
    assert.deepEqual(request.roles, { outcome: 'y', predictors: ['x', 'x^2', 'species'], pairId: 'id' });
    assert.equal(request.options.intercept, false);
  });

  it('refuses unknown flags, missing values, bad option values and unknown analyses with usage codes', () => {
    assert.equal(codeOf(() => parseArgs(['--outcom', 'x'], flags, 'analyze')), 'usage');
    assert.equal(codeOf(() => parseArgs(['--outcome'], flags, 'analyze')), 'usage');
    assert.equal(codeOf(() => requestFromArgs('ttest_welch', parseArgs(['--conf-level', '95'], flags, 'analyze'))), 'invalid-option');
    assert.equal(codeOf(() => requestFromArgs('ttest_welch', parseArgs(['--alternative', 'bigger'], flags, 'analyze'))), 'invalid-option');
    assert.equal(codeOf(() => requestFromArgs('ttest_welsh', parseArgs([], flags, 'analyze'))), 'usage');
    assert.equal(codeOf(() => parseWhere('no condition here')), 'usage');
  });

  it('without option flags gives the default options (the option schemas are built only for flags given)', () => {
    const request = requestFromArgs('ttest_welch', parseArgs(['--outcome', 'y', '--group', 'g'], flags, 'analyze'));
    assert.deepEqual(request.options, { ...DEFAULT_OPTIONS, where: [] });
  });

  it('suggests the flag that was meant', () => {
    try {
      parseArgs(['--outcom', 'x'], flags, 'analyze');
    } catch (error) {
      assert.match((error as Error).message, /Did you mean --outcome\?/);
    }
  });
});
