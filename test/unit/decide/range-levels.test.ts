/**
 * Levels written as ranges ("0-10" cm, "1975-79"), on made-up schemas (issue #16): the same two numbers
 * joined by a dash name that level, so "for the 0-10 layer only" restricts the rows instead of being
 * dropped (a silent guess before: the numbers named nothing and the restriction was lost); a grouping
 * named as a restriction with none of its levels ("the top layer only") asks which rows.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/index.js';
import type { DecisionOutcome } from '../../../kernel/decide/index.js';
import { decided, madeUp } from './made-up.js';

const { numeric, factor, schema } = madeUp(48, 'made-up.csv');
const where = (out: DecisionOutcome) => decided(out).options.where?.map((w) => `${w.column}${w.op}${w.value}`);

describe('decide: levels written as ranges (#16)', () => {
  const field = schema([numeric('moisture'), factor('layer', ['0-10', '10-30', '30-60']), factor('slope', ['upper', 'middle', 'lower'])]);

  it('the two numbers joined by a dash name the range level and restrict the rows', () => {
    const out = decideWithRules('For the 0-10 layer only, does moisture differ between slopes?', field);
    assert.deepEqual([decided(out).roles.outcome, decided(out).roles.group, where(out)], ['moisture', 'slope', ['layer=0-10']]);
    assert.deepEqual(where(decideWithRules('mean moisture at 10-30 cm', field)), ['layer=10-30']);
  });

  it('two range levels compared are the groups; numbers that are no level name none', () => {
    const out = decided(decideWithRules('compare moisture between the 0-10 and 30-60 layers', field));
    assert.deepEqual([out.roles.group, [...(out.options.levels ?? [])].sort()], ['layer', ['0-10', '30-60']]);
  });

  it('a grouping named as a restriction without one of its levels asks which rows (unknown-level), never analyses them all', () => {
    for (const request of ['For the 0-20 layer only, does moisture differ between slopes?', 'For the top layer only, does moisture differ between slopes?']) {
      const out = decideWithRules(request, field);
      assert.equal(out.status === 'decided' ? 'decided' : out.reason.code, 'unknown-level', request);
      assert.ok(out.status !== 'decided' && out.alternatives.some((a) => a.options?.where?.some((w) => w.column === 'layer' && w.value === '0-10')), request);
    }
  });
});
