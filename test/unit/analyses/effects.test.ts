/**
 * Effect sizes with intervals and the reporting of issue #18 (S6-S8, S11, S12) against R: the values
 * of test/reference/r/effects.json, written by test/reference/r/generate_effects.R in base R (with
 * car) after the formulas of the R package effectsize.
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import type { AnalysisId, AnalysisOptions, Roles, Table } from '../../../kernel/types.js';
import { buildRequest, readDataset, readReference } from '../../support/fixtures.js';
import { buildTable, expectClose, printWorst } from './comparison-helpers.js';

interface EffectCase {
  id: string;
  analysis: AnalysisId;
  dataset: string;
  roles: Roles;
  options: Partial<AnalysisOptions>;
  expected: Record<string, unknown>;
  data?: { name: string; kind: 'numeric' | 'categorical'; values: (number | string | null)[] }[];
}

const fixture = readReference<{ rVersion: string; cases: EffectCase[] }>('effects.json');
const tables = new Map<string, Table>();
function tableOf(c: EffectCase): Table {
  if (c.data) return buildTable(c.data);
  if (!tables.has(c.dataset)) tables.set(c.dataset, readDataset(c.dataset));
  return tables.get(c.dataset)!;
}
function run(c: EffectCase) {
  return runAnalysis(buildRequest(c.analysis, c.roles, c.options), tableOf(c));
}

/** Relative tolerance: 1e-9 everywhere (noncentral-F bounds are solved to machine precision on both sides). */
const REL = { rel: 1e-9, abs: 1e-13 };

after(() => printWorst('effects'));

describe('effect sizes with intervals against R (effects.json)', () => {
  for (const c of fixture.cases.filter((x) => x.analysis !== 'ols')) {
    it(`${c.analysis}: ${c.id} matches ${fixture.rVersion}`, () => {
      const out = run(c);
      for (const [field, expected] of Object.entries(c.expected)) {
        expectClose(out.result[field], expected, REL, `${c.id}.${field}`, `effects ${c.analysis}.${field}`);
      }
    });
  }
});

interface OlsExpected {
  typeII: { term: string; ss: number; df: number; f: number; pValue: number }[];
  interaction: { numeric: string; factor: string; df1: number; df2: number; f: number; pValue: number };
  focus: { term: string; estimate: number; ciLow: number; ciHigh: number };
  referenceLevel: string;
}

describe('ols: Type II tests, the interaction check, the reference level and the slope asked about (S7)', () => {
  for (const c of fixture.cases.filter((x) => x.analysis === 'ols')) {
    it(`${c.id} matches car::Anova(type = 2) and anova(lm, lm) of ${fixture.rVersion}`, () => {
      const out = run(c);
      const e = c.expected as unknown as OlsExpected;
      const tests = out.result.termTests as { term: string; ss: number; df: number; f: number; pValue: number }[];
      assert.deepEqual(tests.map((t) => t.term), e.typeII.map((t) => t.term));
      tests.forEach((t, i) => {
        for (const k of ['ss', 'df', 'f', 'pValue'] as const) expectClose(t[k], e.typeII[i][k], REL, `${c.id}.typeII.${t.term}.${k}`, `effects ols.typeII.${k}`);
      });
      const [inter] = out.result.interactions as OlsExpected['interaction'][];
      assert.equal(inter.numeric, e.interaction.numeric);
      assert.equal(inter.factor, e.interaction.factor);
      for (const k of ['df1', 'df2', 'f', 'pValue'] as const) expectClose(inter[k], e.interaction[k], REL, `${c.id}.interaction.${k}`, `effects ols.interaction.${k}`);
      assert.deepEqual(out.result.referenceLevels, [{ column: e.interaction.factor, level: e.referenceLevel }]);
      const focus = (out.result.coefficients as { term: string; estimate: number; ciLow: number; ciHigh: number }[]).find((x) => x.term === e.focus.term)!;
      expectClose(focus.ciLow, e.focus.ciLow, REL, `${c.id}.focus.ciLow`, 'effects ols.focus');
      // The sentence names the reference level, reports the slope with its CI and the factor's Type II F.
      assert.match(out.summary, new RegExp(`reference level: ${e.referenceLevel}\\)`));
      assert.ok(out.summary.includes(`b = ${e.focus.estimate.toFixed(2)}, ${Math.round((c.options.confLevel ?? 0.95) * 100)}% CI [${e.focus.ciLow.toFixed(2)}, ${e.focus.ciHigh.toFixed(2)}]`), out.summary);
      const factorTest = e.typeII.find((t) => t.term === e.interaction.factor)!;
      assert.ok(out.summary.includes(`F(${factorTest.df}, ${tests.length ? out.result.dfResid : ''}) = ${factorTest.f.toFixed(2)}`), out.summary);
      assert.ok(out.tables.some((t) => t.title === 'Type II tests of the terms'));
      assert.ok(out.tables.some((t) => /Interaction check/.test(t.title)));
      if (e.interaction.pValue < 0.05) assert.ok(out.recommendations.some((r) => r.includes(`${e.interaction.numeric} × ${e.interaction.factor}`)), out.recommendations.join('\n'));
    });
  }
});
