/**
 * Issue #11's principle for repeated measures: a long table whose subject column holds every level of
 * a factor is recognised as repeated measures. A plain comparison decides anova_rm and says why; a
 * between-subjects test named on it asks (pairing-conflict), the repeated-measures analysis first and
 * the independent-groups reading only with its warning; "independent groups" keeps the named test.
 */
import assert from 'node:assert/strict';
import { decideWithRules } from '../../../kernel/decide/rules-engine.js';
import type { DatasetSchema } from '../../../kernel/types.js';
import { loadSchemas } from './datasets.js';

describe('decide: repeated measures recognised from the table (#11)', () => {
  let schemas: Record<string, DatasetSchema>;
  before(async function () {
    this.timeout(60_000);
    schemas = await loadSchemas();
  });

  it('a plain comparison across conc on CO2 decides anova_rm, saying each Plant appears under every conc', () => {
    const out = decideWithRules('compare uptake across conc', schemas.CO2);
    assert.equal(out.status, 'decided');
    if (out.status !== 'decided') return;
    assert.equal(out.analysis, 'anova_rm');
    assert.deepEqual(out.roles, { outcome: 'uptake', within: 'conc', subject: 'Plant' });
    assert.ok(out.explanation.refinements.some((r) => r === 'repeated measures: each of the 12 values of Plant appears once under every level of conc'));
    assert.ok(!out.alternatives.some((a) => a.analysis === 'welch_anova' || a.analysis === 'anova_oneway'), 'no independent-groups alternative without its warning');
  });

  it('a one-way ANOVA named on such data asks, with the repeated-measures ANOVA first and the warning on the other choice', () => {
    const out = decideWithRules('one-way anova of uptake by conc', schemas.CO2);
    assert.equal(out.status, 'ambiguous');
    if (out.status !== 'ambiguous') return;
    assert.deepEqual(out.reason, { code: 'pairing-conflict', params: { test: 'anova_oneway', pair_id: 'Plant', group: 'conc' } });
    assert.equal(out.alternatives[0].analysis, 'anova_rm');
    assert.deepEqual(out.alternatives[0].roles, { outcome: 'uptake', within: 'conc', subject: 'Plant' });
    assert.equal(out.alternatives[1].analysis, 'anova_oneway');
    assert.match(out.alternatives[1].why, /as asked, treating the levels of conc as independent groups, although each Plant appears under every one of them/);
    assert.match(out.rationale, /each Plant appears once under every level of conc \(repeated measures\)/);
  });

  it('a rank test named asks with Friedman first; "independent groups" keeps the between-subjects test', () => {
    const rank = decideWithRules('kruskal-wallis of uptake by conc', schemas.CO2);
    assert.equal(rank.status, 'ambiguous');
    if (rank.status === 'ambiguous') assert.equal(rank.alternatives[0].analysis, 'friedman');
    const independent = decideWithRules('one-way anova of uptake by conc, independent groups', schemas.CO2);
    assert.equal(independent.status, 'decided');
    if (independent.status === 'decided') assert.equal(independent.analysis, 'anova_oneway');
  });

  it('a factor that does not vary within subjects (Diet within Chick) is never taken for a within-subject factor', () => {
    const out = decideWithRules('compare weight by diet within each chick', schemas.ChickWeight);
    assert.notEqual(out.status === 'decided' ? out.analysis : '', 'anova_rm');
  });
});
