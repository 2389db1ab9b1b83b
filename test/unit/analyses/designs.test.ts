/**
 * The second-round designs against R (test/reference/r/designs.json, written by
 * test/reference/r/generate_designs.R): every number at 1e-9 relative, booleans and counts exactly.
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { snakeKeys } from '../../../kernel/contract/index.js';
import type { AnalysisId, AnalysisOptions, Roles } from '../../../kernel/types.js';
import { buildRequest, readReference, readTable } from '../../support/fixtures.js';
import { expectClose, reportWorstErrors, tableFromVectors } from './associations-helpers.js';

interface DesignCase {
  id: string;
  analysis: AnalysisId;
  dataset: string | null;
  data: Record<string, number[]> | null;
  roles: Roles;
  options: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const fixtures = readReference<{ rVersion: string; cases: DesignCase[] }>('designs.json');

/** The fixture's options in Inferra's terms. */
function optionsOf(o: Record<string, unknown>): Partial<AnalysisOptions> {
  const out: Partial<AnalysisOptions> = {};
  if (typeof o.alternative === 'string') out.alternative = o.alternative as AnalysisOptions['alternative'];
  if (typeof o.conf_level === 'number') out.confLevel = o.conf_level;
  if (o.exact !== undefined && o.exact !== null) out.exact = o.exact as AnalysisOptions['exact'];
  if (typeof o.correct === 'boolean') out.correct = o.correct;
  if (Array.isArray(o.levels)) out.levels = o.levels.map(String);
  if (typeof o.distribution === 'string') out.distribution = o.distribution as AnalysisOptions['distribution'];
  if (Array.isArray(o.params)) out.params = o.params as number[];
  else if (typeof o.params === 'number') out.params = [o.params];
  if (typeof o.p === 'number') out.p = o.p;
  if (typeof o.success === 'string') out.success = o.success;
  if (Array.isArray(o.expected)) out.expected = o.expected as number[];
  if (typeof o.effect_size === 'number') out.effectSize = o.effect_size;
  if (typeof o.power === 'number') out.power = o.power;
  if (typeof o.n === 'number') out.n = o.n;
  if (typeof o.alpha === 'number') out.alpha = o.alpha;
  if (typeof o.type === 'string') out.designType = o.type as AnalysisOptions['designType'];
  if (typeof o.groups === 'number') out.groups = o.groups;
  if (typeof o.p1 === 'number') out.p1 = o.p1;
  if (typeof o.p2 === 'number') out.p2 = o.p2;
  if (typeof o.p_adjust === 'string') out.pAdjust = o.p_adjust as AnalysisOptions['pAdjust'];
  if (typeof o.pool_sd === 'boolean') out.poolSd = o.pool_sd;
  return out;
}

const IDS = [...new Set(fixtures.cases.map((c) => c.analysis))];

describe('second-round designs against R', () => {
  after(() => reportWorstErrors(IDS));
  for (const c of fixtures.cases) {
    it(`matches R ${fixtures.rVersion}: ${c.id}`, () => {
      const table = c.dataset ? readTable(c.dataset) : c.data && Object.keys(c.data).length > 0 ? tableFromVectors(c.data) : { rowCount: 0, columns: [] };
      const outcome = runAnalysis(buildRequest(c.analysis, c.roles, optionsOf(c.options)), table);
      const r = snakeKeys(outcome.result) as Record<string, unknown>;
      for (const [key, value] of Object.entries(c.expected)) {
        if (key === 'n_required') assert.equal(r[key], value, `${c.id}: n_required (exactly)`);
        else if (key === 'n' && c.analysis.startsWith('power_')) {
          // R's uniroot stops at about 1e-4 in n; ours is exact.
          assert.ok(Math.abs((r.n as number) - (value as number)) < 1e-3, `${c.id}: n ${r.n} vs R ${value} (R's uniroot tolerance)`);
        } else if (value === null) assert.ok(r[key] === null || Number.isNaN(r[key]), `${c.id}: ${key} should be undefined (NaN), as R's NA`);
        else if (typeof value === 'boolean' || (typeof value === 'string' && value !== 'Inf' && value !== '-Inf')) assert.equal(r[key], value, `${c.id}: ${key}`);
        else if (key === 'p_value' && typeof value === 'number' && value < 1e-12) {
          // R computes these upper tails as 1 - (lower tail): below 1e-12 its digits are rounding noise
          // (ours come from the tail directly), so they are compared absolutely.
          assert.ok(Math.abs((r[key] as number) - value) < 1e-12, `${c.id}: ${key} ${r[key]} vs R ${value}`);
        }
        else if (key === 'params') {
          const got = Object.values(r.params as Record<string, number>);
          const want = ([] as number[]).concat(value as number | number[]);
          assert.equal(got.length, want.length);
          got.forEach((g, i) => expectClose(g, want[i], `${c.id}: params[${i}]`, c.analysis));
        } else if (key === 'comparisons') {
          const got = r.comparisons as Record<string, unknown>[];
          const want = value as Record<string, unknown>[];
          assert.equal(got.length, want.length, `${c.id}: number of comparisons`);
          want.forEach((w, i) => {
            assert.equal(got[i].group_1, w.group_1, `${c.id}: comparison ${i} group_1`);
            assert.equal(got[i].group_2, w.group_2, `${c.id}: comparison ${i} group_2`);
            expectClose(got[i].p_adj, w.p_adj, `${c.id}: ${w.group_1} vs ${w.group_2} p_adj`, c.analysis);
          });
        } else if (Array.isArray(value)) {
          (value as number[]).forEach((v, i) => expectClose((r[key] as number[])[i], v, `${c.id}: ${key}[${i}]`, c.analysis));
        } else expectClose(r[key], value, `${c.id}: ${key}`, c.analysis);
      }
      assert.ok(outcome.summary.length > 0);
      assert.ok(outcome.tables.length > 0);
    });
  }
});
