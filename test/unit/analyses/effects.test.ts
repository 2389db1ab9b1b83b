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
