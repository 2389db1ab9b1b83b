/**
 * The structure check computed where the data is (checks/structure-sql.ts over DuckDB's grouped
 * aggregates, kernel/data/aggregate.ts) gives the findings of the check on the loaded table
 * (checks/structure.ts, itself tested against R in judgement.test.ts): same levels, counts and
 * verdicts, numbers to 1e-12 relative (the two differ only in summation order).
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { aggregateDataset } from '../../../kernel/data/aggregate.js';
import { loadTable } from '../../../kernel/data/index.js';
import { planStructureCheck } from '../../../kernel/analyses/checks/structure-sql.js';
import { describeFindings, seeGroupingStructure, type StructureFinding } from '../../../kernel/analyses/checks/structure.js';
import type { AnalysisRequest, AnalysisId, Roles, AnalysisOptions } from '../../../kernel/types.js';
import { buildRequest } from '../../support/fixtures.js';
import { expectClose } from './comparison-helpers.js';
import { rejectsWithCode } from '../data/helpers.js';

const penguins = fileURLToPath(new URL('../../../samples/penguins.csv', import.meta.url));
const TOL = { rel: 1e-12, abs: 1e-12 };

/** The check through its SQL plan: what the worker runs. */
async function viaSql(request: AnalysisRequest & { analysis: AnalysisId }, candidates: string[]) {
  const plan = planStructureCheck(request, candidates);
  assert.ok(plan, `${request.analysis} has a SQL plan`);
  const where = request.options.where;
  const levelRows = plan.levels ? (await aggregateDataset(penguins, plan.levels.columns, where, [plan.levels.query]))[0] : undefined;
  const { levels, plans } = plan.candidates(levelRows);
  const findings: (StructureFinding | undefined)[] = [];
  for (const p of plans) findings.push(p.finding(await aggregateDataset(penguins, p.columns, where, p.queries)));
  return { findings, levels, outcome: describeFindings(request, findings, levels) };
}

/** The check on the loaded table (analysis columns and candidates, with the same `--where`). */
async function viaTable(request: AnalysisRequest & { analysis: AnalysisId }, columns: string[], candidates: string[]) {
  const loaded = await loadTable(penguins, { columns: [...columns, ...candidates], where: request.options.where });
  return seeGroupingStructure(request, loaded.table, candidates);
}

function sameFinding(sql: StructureFinding, table: StructureFinding, label: string): void {
  assert.equal(sql.column, table.column);
  assert.equal(sql.n, table.n, `${label} n`);
  assert.equal(sql.reason, table.reason, `${label} reason`);
  assert.deepEqual(sql.within.map((w) => [w.level, w.n]), table.within.map((w) => [w.level, w.n]), `${label} levels`);
  sql.within.forEach((w, i) => expectClose(w.estimate, table.within[i].estimate, TOL, `${label} within ${w.level}`));
  expectClose(sql.pooled, table.pooled, TOL, `${label} pooled`);
  for (const key of ['estimate', 'se', 'statistic', 'pValue'] as const) expectClose(sql.adjusted[key], table.adjusted[key], TOL, `${label} adjusted ${key}`);
  assert.equal(sql.adjusted.df, table.adjusted.df, `${label} df`);
  expectClose(sql.rSquared, table.rSquared, TOL, `${label} R squared`);
  if (table.partialR !== undefined) expectClose(sql.partialR, table.partialR, TOL, `${label} partial r`);
}

/** Every candidate's finding, examined one at a time on the loaded table. */
async function tableFindings(request: AnalysisRequest & { analysis: AnalysisId }, columns: string[], candidates: string[]) {
  const loaded = await loadTable(penguins, { columns: [...columns, ...candidates], where: request.options.where });
  const { examineCorrelation, examineDifference } = await import('../../../kernel/analyses/checks/structure.js');
  const r = request.roles;
  return (levels: readonly [string, string] | undefined) =>
    candidates.map((c) =>
      r.x && r.y
        ? examineCorrelation(request.analysis, loaded.table, r.x, r.y, c)
        : levels
          ? examineDifference(loaded.table, r.outcome!, r.group!, levels, c)
          : undefined,
    );
}

function cases(): { name: string; analysis: AnalysisId; roles: Roles; columns: string[]; candidates: string[]; options?: Partial<AnalysisOptions> }[] {
  const bills = { x: 'bill_length_mm', y: 'bill_depth_mm' };
  return [
    { name: "pearson of the bills (Simpson's paradox by species)", analysis: 'pearson', roles: bills, columns: ['bill_length_mm', 'bill_depth_mm'], candidates: ['island', 'sex', 'species'] },
    { name: 'spearman of the bills', analysis: 'spearman', roles: bills, columns: ['bill_length_mm', 'bill_depth_mm'], candidates: ['island', 'sex', 'species'] },
    {
      name: 'pearson of flipper and mass within Adelie (--where)',
      analysis: 'pearson',
      roles: { x: 'flipper_length_mm', y: 'body_mass_g' },
      columns: ['flipper_length_mm', 'body_mass_g'],
      candidates: ['island', 'sex'],
      options: { where: [{ column: 'species', op: '=', value: 'Adelie' }] },
    },
    { name: 'welch of body mass by sex', analysis: 'ttest_welch', roles: { outcome: 'body_mass_g', group: 'sex' }, columns: ['body_mass_g', 'sex'], candidates: ['island', 'species'] },
    {
      name: 'student t of bill depth by species, two named levels',
      analysis: 'ttest_ind',
      roles: { outcome: 'bill_depth_mm', group: 'species' },
      columns: ['bill_depth_mm', 'species'],
      candidates: ['island', 'sex'],
      options: { levels: ['Gentoo', 'Adelie'] },
    },
    {
      name: 'welch of flipper by a numeric group (year, two named levels)',
      analysis: 'ttest_welch',
      roles: { outcome: 'flipper_length_mm', group: 'year' },
      columns: ['flipper_length_mm', 'year'],
      candidates: ['sex', 'species'],
      options: { levels: ['2007', '2009'] },
    },
  ];
}

describe('structure check in SQL: the findings of the check on the loaded table', () => {
  for (const c of cases()) {
    it(c.name, async () => {
      const request = buildRequest(c.analysis, c.roles, c.options ?? {}) as AnalysisRequest & { analysis: AnalysisId };
      const sql = await viaSql(request, c.candidates);
      const expected = await viaTable(request, c.columns, c.candidates);
      const perCandidate = (await tableFindings(request, c.columns, c.candidates))(sql.levels);
      let compared = 0;
      sql.findings.forEach((f, i) => {
        const t = perCandidate[i];
        assert.equal(f === undefined, t === undefined, `${c.candidates[i]}: examined on both or neither`);
        if (f && t) {
          sameFinding(f, t, `${c.name} / ${c.candidates[i]}`);
          compared++;
        }
      });
      assert.ok(compared >= 1, 'at least one candidate was examined');
      assert.deepEqual(sql.outcome.warnings.length, expected.warnings.length);
      assert.equal(sql.outcome.colorBy, expected.colorBy);
      assert.deepEqual(sql.outcome.tables.map((t) => t.rows.map((r) => r.level)), expected.tables.map((t) => t.rows.map((r) => r.level)));
    });
  }

  it("fires on the penguins' bills as on the loaded table: same warning text", async () => {
    const request = buildRequest('pearson', { x: 'bill_length_mm', y: 'bill_depth_mm' }) as AnalysisRequest & { analysis: AnalysisId };
    const sql = await viaSql(request, ['island', 'sex', 'species']);
    const expected = await viaTable(request, ['bill_length_mm', 'bill_depth_mm'], ['island', 'sex', 'species']);
    assert.equal(sql.outcome.warnings[0], expected.warnings[0]);
    assert.match(sql.outcome.warnings[0], /Simpson's paradox/);
    assert.equal(sql.outcome.colorBy, 'species');
  });

  it('Kendall has no SQL plan (it is examined on the loaded table)', () => {
    const request = buildRequest('kendall', { x: 'bill_length_mm', y: 'bill_depth_mm' }) as AnalysisRequest & { analysis: AnalysisId };
    assert.equal(planStructureCheck(request, ['species']), undefined);
  });

  it('aggregateDataset checks the columns as loadTable does', async () => {
    await rejectsWithCode(aggregateDataset(penguins, ['body_mas_g'], [], ['SELECT count(*) AS n FROM d']), 'column-not-found');
  });
});
