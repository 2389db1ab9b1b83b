import assert from 'node:assert/strict';
import { snakeKeys } from '../../../kernel/contract/index.js';
import { computeShape } from '../../../kernel/analyses/describe/compute.js';
import type { ColumnDescription, DescribeResult } from '../../../kernel/analyses/describe/compute.js';
import { describeAnalyses } from '../../../kernel/analyses/describe/index.js';
import type { AnalysisOptions, Roles, Table } from '../../../kernel/types.js';
import { assertClose } from '../../support/close.js';
import { buildRequest, readDataset, readReference } from '../../support/fixtures.js';

interface Expected {
  column: string;
  group?: string;
  n: number;
  missing: number;
  levels?: { value: string; count: number }[];
  [stat: string]: unknown;
}
interface DescribeCase {
  id: string;
  dataset: string;
  column: string | null;
  group: string | null;
  expected: { columns: Expected[] };
}
const fixtures = readReference<{ rVersion: string; describe: DescribeCase[] }>('models.json');

const describeAnalysis = describeAnalyses.describe;
// Default tolerance against R (CONTRACT.md): 1e-9 relative.
const TOLERANCE = { rel: 1e-9 };
const STATS = ['mean', 'sd', 'se', 'min', 'q1', 'median', 'q3', 'max', 'skewness', 'kurtosis'] as const;

/** Runs describe as run.ts does. */
function runDescribe(table: Table, roles: Roles, options: Partial<AnalysisOptions> = {}) {
  const request = buildRequest('describe', roles, options);
  const validated = describeAnalysis.validate(request, table);
  const result = describeAnalysis.compute(validated.input, request.options) as DescribeResult;
  const summary = describeAnalysis.summarize(result, validated.input, [], request.options);
  return { validated, result, summary };
}

describe('describe against R', () => {
  let worst = 0;
  let worstWhere = '';
  after(() => console.log(`    worst relative error vs ${fixtures.rVersion}: ${worst.toExponential(2)} (${worstWhere})`));

  for (const c of fixtures.describe) {
    it(`matches mean, sd, quantile(type 7), e1071 type-2 skewness/kurtosis and table(): ${c.id}`, () => {
      const roles: Roles = {};
      if (c.column) roles.column = c.column;
      if (c.group) roles.group = c.group;
      const { result } = runDescribe(readDataset(c.dataset), roles);
      assert.equal(result.columns.length, c.expected.columns.length);
      c.expected.columns.forEach((e, k) => {
        const ours = result.columns[k] as ColumnDescription & Record<string, unknown>;
        assert.equal(ours.column, e.column);
        assert.equal(ours.group, e.group);
        assert.equal(ours.n, e.n);
        assert.equal(ours.missing, e.missing);
        if (e.levels) {
          assert.deepEqual(ours.levels, e.levels);
          return;
        }
        for (const stat of STATS) {
          const err = assertClose(ours[stat] as number, e[stat] as number, TOLERANCE, `${c.id} ${e.column} ${e.group ?? ''} ${stat}`);
          if (err > worst) {
            worst = err;
            worstWhere = `${c.id} ${e.column} ${stat}`;
          }
        }
      });
    });
  }
});

describe('describe behaviour', () => {
  const penguins = readDataset('penguins');

  it('returns { columns: [...] } as an array, with snake_case-safe keys', () => {
    const { result } = runDescribe(penguins, { column: 'body_mass_g' });
    assert.ok(Array.isArray(result.columns));
    const json = snakeKeys({ ...result }) as { columns: Record<string, unknown>[] };
    // q1 and q3 become q_1 and q_3 until kernel/contract.ts keeps them whole (asked of the lead).
    for (const key of ['n', 'missing', 'mean', 'sd', 'min', 'median', 'max', 'skewness', 'kurtosis']) assert.ok(key in json.columns[0], key);
  });

  it('describes every column when no column role is given', () => {
    const { result } = runDescribe(penguins, {});
    assert.deepEqual(
      result.columns.map((c) => c.column),
      penguins.columns.map((c) => c.name),
    );
    assert.equal(describeAnalysis.columnsFor({}).length, 0);
    assert.deepEqual(describeAnalysis.columnsFor({ column: 'body_mass_g', group: 'species' }), ['body_mass_g', 'species']);
  });

  it('describes the columns listed (role columns, #16 lists), in their order, split by group', () => {
    const { result } = runDescribe(penguins, { columns: ['flipper_length_mm', 'body_mass_g'] });
    assert.deepEqual(result.columns.map((c) => c.column), ['flipper_length_mm', 'body_mass_g']);
    const grouped = runDescribe(penguins, { columns: ['flipper_length_mm', 'body_mass_g'], group: 'sex' }).result;
    assert.deepEqual([...new Set(grouped.columns.map((c) => c.column))], ['flipper_length_mm', 'body_mass_g']);
    assert.deepEqual(describeAnalysis.columnsFor({ columns: ['flipper_length_mm', 'body_mass_g'], group: 'sex' }), ['flipper_length_mm', 'body_mass_g', 'sex']);
  });

  it('splits by group in natural order and drops rows with a missing group', () => {
    const { result, validated } = runDescribe(penguins, { column: 'body_mass_g', group: 'sex' });
    assert.deepEqual(
      result.columns.map((c) => c.group),
      ['female', 'male'],
    );
    assert.equal(validated.nMissing, 11);
  });

  it('writes one sentence per column for a single column', () => {
    const { summary } = runDescribe(penguins, { column: 'body_mass_g' });
    assert.match(summary.summary, /^body_mass_g: M = 4201\.75, SD = 801\.95, Mdn = 4050\.00, n = 342 \(2 missing\)\.$/);
  });

  it('gives NaN shape statistics for constant or too-short samples', () => {
    const constant = computeShape(Float64Array.of(2, 2, 2, 2));
    assert.ok(Number.isNaN(constant.skewness) && Number.isNaN(constant.kurtosis));
    const three = computeShape(Float64Array.of(1, 2, 4));
    assert.ok(Number.isFinite(three.skewness) && Number.isNaN(three.kurtosis));
  });

  it('counts boolean levels (false before true) and gives distinct counts for text columns', () => {
    const table: Table = {
      rowCount: 5,
      columns: [
        { name: 'ok', kind: 'boolean', values: ['true', 'false', null, 'true', 'true'] },
        { name: 'note', kind: 'text', values: ['a', 'b', 'b', null, 'c'] },
      ],
    };
    const { result } = runDescribe(table, {});
    assert.deepEqual(result.columns[0], {
      column: 'ok',
      kind: 'boolean',
      n: 4,
      missing: 1,
      levels: [
        { value: 'false', count: 1 },
        { value: 'true', count: 3 },
      ],
    });
    assert.equal(result.columns[1].distinct, 3);
    assert.equal(result.columns[1].missing, 1);
  });

  it('keeps only --levels of the group, in that order', () => {
    const { result } = runDescribe(penguins, { column: 'body_mass_g', group: 'species' }, { levels: ['Gentoo', 'Adelie'] });
    assert.deepEqual(
      result.columns.map((c) => c.group),
      ['Gentoo', 'Adelie'],
    );
    assert.throws(
      () => runDescribe(penguins, { column: 'body_mass_g', group: 'species' }, { levels: ['Gentu'] }),
      (e: unknown) => (e as { code?: string }).code === 'level-not-found',
    );
  });

  it('throws column-not-found with a suggestion for a misspelt column', () => {
    assert.throws(
      () => runDescribe(penguins, { column: 'body_mass' }),
      (e: unknown) => (e as { code?: string }).code === 'column-not-found',
    );
  });
});
