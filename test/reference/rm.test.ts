/**
 * The one-way repeated-measures ANOVA (anova_rm) against R (test/reference/r/rm.json, written by
 * test/reference/r/generate_rm.R): every number at 1e-9 relative, counts exactly. The cases are
 * CO2 (uptake by conc within Plant), ChickWeight (weight at five times, the chicks with every time;
 * the others are dropped with a warning), a seeded set that violates sphericity, a seeded spherical
 * set where R's Huynh-Feldt epsilon exceeds 1, the base-running times and the two-condition sleep data.
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../kernel/analyses/run.js';
import { computeWithinSubjectIntervals } from '../../kernel/analyses/repeated/anova-rm.js';
import { validateBlocks } from '../../kernel/analyses/repeated/blocks.js';
import { snakeKeys } from '../../kernel/contract/index.js';
import { isInferraError } from '../../kernel/errors.js';
import type { AnalysisId, Roles, Table } from '../../kernel/types.js';
import { assertClose, WorstErrors } from '../support/close.js';
import { buildRequest, readReference, readTable } from '../support/fixtures.js';

interface RmCase {
  id: string;
  analysis: AnalysisId;
  dataset: string;
  roles: Roles;
  options: { levels?: string[] };
  expected: Record<string, unknown> & { conditions: { level: string; n: number; mean: number; sd: number; ws_ci_low: number; ws_ci_high: number }[] };
}

const fixtures = readReference<{ rVersion: string; cases: RmCase[] }>('rm.json');
const TOLERANCE = { rel: 1e-9 };
const COUNTS = new Set(['df1', 'df2', 'n_subjects', 'k']);
const worst = new WorstErrors();

describe('anova_rm against R', () => {
  after(() => {
    for (const [key, { error, where }] of [...worst].sort((a, b) => b[1].error - a[1].error).slice(0, 5)) {
      console.log(`    worst relative error of ${key}: ${error.toExponential(2)} (${where})`);
    }
  });
  for (const c of fixtures.cases) {
    it(`matches R ${fixtures.rVersion}: ${c.id}`, () => {
      const options = c.options.levels ? { levels: c.options.levels.map(String) } : {};
      const outcome = runAnalysis(buildRequest(c.analysis, c.roles, options), readTable(c.dataset));
      const r = snakeKeys(outcome.result) as Record<string, unknown>;
      for (const [key, want] of Object.entries(c.expected)) {
        if (key === 'conditions') continue;
        const got = r[key];
        assert.equal(typeof got, 'number', `${c.id}: ${key} is in the result`);
        if (COUNTS.has(key)) {
          assert.equal(got, want, `${c.id}: ${key} (exactly)`);
          continue;
        }
        worst.record(key, assertClose(got as number, want as number, TOLERANCE, `${c.id}: ${key}`), c.id);
      }
      const conditions = r.conditions as { level: string; n: number; mean: number; sd: number }[];
      assert.deepEqual(conditions.map((x) => x.level), c.expected.conditions.map((x) => String(x.level)), `${c.id}: conditions in order`);
      c.expected.conditions.forEach((want, j) => {
        assert.equal(conditions[j].n, want.n, `${c.id}: n of ${want.level}`);
        worst.record('condition mean', assertClose(conditions[j].mean, want.mean, TOLERANCE, `${c.id}: mean of ${want.level}`), c.id);
        worst.record('condition sd', assertClose(conditions[j].sd, want.sd, TOLERANCE, `${c.id}: sd of ${want.level}`), c.id);
      });
    });
  }

  it('gives the profile figure the within-subject (Cousineau-Morey) intervals R gives', () => {
    for (const c of fixtures.cases) {
      const request = buildRequest('anova_rm', c.roles, c.options.levels ? { levels: c.options.levels.map(String) } : {});
      const intervals = computeWithinSubjectIntervals(validateBlocks(request, readTable(c.dataset)).input, 0.95);
      c.expected.conditions.forEach((want, j) => {
        worst.record('within-subject CI', assertClose(intervals[j].ciLow, want.ws_ci_low, TOLERANCE, `${c.id}: CI lower of ${want.level}`), c.id);
        worst.record('within-subject CI', assertClose(intervals[j].ciHigh, want.ws_ci_high, TOLERANCE, `${c.id}: CI upper of ${want.level}`), c.id);
      });
    }
  });

  it('drops the chicks without a weight at every chosen time, and says how many', () => {
    const c = fixtures.cases.find((x) => x.id === 'rm-chickweight-complete-times') as RmCase;
    const outcome = runAnalysis(buildRequest('anova_rm', c.roles, { levels: c.options.levels }), readTable(c.dataset));
    assert.equal(outcome.result.nSubjects, 45);
    assert.ok(outcome.warnings.some((w) => /^5 of 50 subjects \(Chick .*\) lack a value in some condition of Time and were left out/.test(w)), outcome.warnings.join('\n'));
    assert.ok(outcome.dropped.some((d) => /5 subjects of Chick/.test(d.reason)));
  });

  it('refuses a subject with two rows for one condition, naming the cells', () => {
    const table: Table = {
      rowCount: 7,
      columns: [
        { name: 'id', kind: 'categorical', values: ['a', 'a', 'b', 'b', 'c', 'c', 'c'] },
        { name: 'time', kind: 'categorical', values: ['t1', 't2', 't1', 't2', 't1', 't2', 't2'] },
        { name: 'score', kind: 'numeric', values: Float64Array.from([1, 2, 3, 5, 2, 4, 4.5]) },
      ],
    };
    assert.throws(
      () => runAnalysis(buildRequest('anova_rm', { outcome: 'score', within: 'time', subject: 'id' }), table),
      (e: unknown) => isInferraError(e) && e.code === 'repeated-cells' && /1 subject-condition cell has more than one row: id c at time = t2\./.test(e.message),
    );
  });

  it('refuses data without within-subject error (every subject shifted by a constant) as a perfect fit', () => {
    const table: Table = {
      rowCount: 9,
      columns: [
        { name: 'id', kind: 'categorical', values: ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'] },
        { name: 'time', kind: 'categorical', values: ['t1', 't2', 't3', 't1', 't2', 't3', 't1', 't2', 't3'] },
        { name: 'score', kind: 'numeric', values: Float64Array.from([1, 2, 4, 3, 4, 6, 10, 11, 13]) },
      ],
    };
    assert.throws(
      () => runAnalysis(buildRequest('anova_rm', { outcome: 'score', within: 'time', subject: 'id' }), table),
      (e: unknown) => isInferraError(e) && e.code === 'perfect-fit' && /no within-subject error/.test(e.message),
    );
  });

  it('with fewer subjects than conditions, says sphericity cannot be tested and reports the Greenhouse-Geisser test', () => {
    const table: Table = {
      rowCount: 6,
      columns: [
        { name: 'id', kind: 'categorical', values: ['a', 'a', 'a', 'b', 'b', 'b'] },
        { name: 't', kind: 'categorical', values: ['1', '2', '3', '1', '2', '3'] },
        { name: 'y', kind: 'numeric', values: Float64Array.from([2, 3, 5, 3, 5.5, 6]) },
      ],
    };
    const out = runAnalysis(buildRequest('anova_rm', { outcome: 'y', within: 't', subject: 'id' }), table);
    assert.ok(Number.isNaN(out.result.mauchlyW as number));
    assert.equal(out.result.correction, 'greenhouse_geisser');
    assert.equal(out.result.pValueReported, out.result.pValueGg);
    assert.match(out.summary, /sphericity could not be tested \(too few subjects for Mauchly's test\)/);
    assert.ok(out.warnings.some((w) => /Sphericity could not be tested/.test(w)));
    assert.ok(out.assumptions.some((a) => a.check === 'mauchly' && !a.ok && a.statistic === null));
  });

  it('reports the corrected test by the stated rule, and says so', () => {
    const byId = (id: string) => {
      const c = fixtures.cases.find((x) => x.id === id) as RmCase;
      return runAnalysis(buildRequest('anova_rm', c.roles, c.options.levels ? { levels: c.options.levels } : {}), readTable(c.dataset));
    };
    // CO2: Mauchly rejects, Greenhouse-Geisser's epsilon .24 <= .75: Greenhouse-Geisser.
    const co2 = byId('rm-co2-uptake-conc');
    assert.equal(co2.result.correction, 'greenhouse_geisser');
    assert.equal(co2.result.pValueReported, co2.result.pValueGg);
    assert.match(co2.summary, /^A one-way repeated-measures ANOVA compared uptake across the 7 conditions of conc within 12 subjects \(Plant\): F\(1\.43, 15\.72\) = 57\.68, p < \.001, η²_G = \.42, partial η² = \.84, 95% CI \[\.77, \.88\]; sphericity was rejected/);
    assert.match(co2.summary, /corrected by Greenhouse-Geisser's ε = \.24/);
    assert.ok(co2.warnings.some((w) => /so the sentence reports the Greenhouse-Geisser-corrected F test\. Rule: the degrees of freedom are corrected when Mauchly's test rejects sphericity at p < \.05/.test(w)));
    // Base-running times: Mauchly rejects (p = .031), epsilon .77 > .75: Huynh-Feldt.
    const rounding = byId('rm-rounding-times');
    assert.equal(rounding.result.correction, 'huynh_feldt');
    assert.equal(rounding.result.pValueReported, rounding.result.pValueHf);
    // Spherical set: not rejected, uncorrected; R's Huynh-Feldt epsilon above 1 is kept, its p uses 1.
    const spherical = byId('rm-spherical-hf-above-1');
    assert.equal(spherical.result.correction, 'none');
    assert.ok((spherical.result.hfEpsilon as number) > 1);
    assert.equal(spherical.result.pValueHf, spherical.result.pValue);
    assert.match(spherical.summary, /F\(2, 18\) = .*sphericity was not rejected/);
    // Two conditions: trivially spherical, said so.
    const sleep = byId('rm-sleep-two-levels');
    assert.equal(sleep.result.correction, 'none');
    assert.match(sleep.summary, /with two conditions sphericity holds trivially/);
    assert.ok(sleep.assumptions.some((a) => a.check === 'mauchly' && a.ok && /holds trivially/.test(a.note ?? '')));
  });
});
