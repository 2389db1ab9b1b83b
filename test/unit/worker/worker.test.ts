import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { isInferraError } from '../../../kernel/errors.js';
import { DEFAULT_OPTIONS, type AnalysisRequest } from '../../../kernel/types.js';
import { KernelWorker } from '../../../kernel/worker/host.js';
import type { ReplyMessage } from '../../../kernel/worker/protocol.js';
import { handleMessage } from '../../../kernel/worker/worker.js';

const penguins = fileURLToPath(new URL('../../../samples/penguins.csv', import.meta.url));

function request(analysis: AnalysisRequest['analysis'], roles: AnalysisRequest['roles'], options: Partial<AnalysisRequest['options']> = {}): AnalysisRequest {
  return { analysis, roles, options: { ...DEFAULT_OPTIONS, ...options } };
}

describe('worker: the production worker through KernelWorker', function () {
  this.timeout(30000);
  const worker = new KernelWorker();
  after(() => worker.close());

  it("answers 'schema' for penguins", async () => {
    const schema = await worker.schema(penguins);
    assert.equal(schema.rows, 344);
    assert.equal(schema.columns.find((c) => c.name === 'species')?.kind, 'categorical');
    assert.equal(schema.columns.find((c) => c.name === 'sex')?.missing, 11);
  });

  it("answers 'schema' for a one-row file (sd is NaN and crosses the boundary)", async () => {
    const schema = await worker.schema(fileURLToPath(new URL('../../fixtures/data/one-row.csv', import.meta.url)));
    const x = schema.columns.find((c) => c.name === 'x')!;
    assert.equal(x.summary?.mean, 1.5);
    assert.ok(Number.isNaN(x.summary?.sd));
  });

  it("answers 'run' ttest_welch with the dataset's provenance", async () => {
    const outcome = await worker.run(penguins, request('ttest_welch', { outcome: 'body_mass_g', group: 'sex' }));
    assert.equal(outcome.analysis, 'ttest_welch');
    assert.equal(outcome.n, 333);
    assert.equal(outcome.dataset.rows, 344);
    assert.equal(outcome.dataset.rowsUsed, 333);
    assert.deepEqual(outcome.dataset.columns, ['body_mass_g', 'sex']);
    assert.match(outcome.dataset.sha256, /^[0-9a-f]{64}$/);
    assert.match(outcome.dataset.tableHash, /^[0-9a-f]{64}$/);
    assert.equal(typeof outcome.result.pValue, 'number');
    assert.ok(outcome.figures.length >= 1);
  });

  it('a second run on the same columns (the cached, frozen table) gives the same outcome', async () => {
    const first = await worker.run(penguins, request('anova_oneway', { outcome: 'body_mass_g', group: 'species' }));
    const second = await worker.run(penguins, request('tukey_hsd', { outcome: 'body_mass_g', group: 'species' }));
    const third = await worker.run(penguins, request('anova_oneway', { outcome: 'body_mass_g', group: 'species' }));
    assert.equal(second.dataset.tableHash, first.dataset.tableHash);
    assert.deepEqual(third.result, first.result);
  });

  it('sees the species the correlation ignores: Simpson warning, within-species table, scatter coloured by species; provenance unchanged', async () => {
    const outcome = await worker.run(penguins, request('pearson', { x: 'bill_length_mm', y: 'bill_depth_mm' }));
    assert.ok(outcome.warnings.some((w) => /Grouping by species reverses .*Simpson's paradox/.test(w)), outcome.warnings.join('\n'));
    assert.equal(outcome.tables.at(-1)?.title, 'Within each level of species');
    assert.deepEqual(outcome.roles, { x: 'bill_length_mm', y: 'bill_depth_mm' });
    assert.deepEqual(outcome.dataset.columns, ['bill_length_mm', 'bill_depth_mm']);
    const spec = JSON.stringify(outcome.figures[0].vegaLite);
    assert.match(spec, /"domain":\["Adelie","Chinstrap","Gentoo"\]/);
    assert.match(outcome.figures[0].caption ?? '', /the fit within each level of species/);
  });

  it('no structure warning when the grouping column barely changes the estimate (body mass by sex, species)', async () => {
    const outcome = await worker.run(penguins, request('ttest_welch', { outcome: 'body_mass_g', group: 'sex' }));
    assert.equal(outcome.warnings.some((w) => /Grouping by/.test(w)), false, outcome.warnings.join('\n'));
  });

  it('puts rows removed by --where into dropped', async () => {
    const outcome = await worker.run(
      penguins,
      request('ttest_welch', { outcome: 'flipper_length_mm', group: 'sex' }, { where: [{ column: 'species', op: '=', value: 'Adelie' }] }),
    );
    const where = outcome.dropped.find((d) => d.reason.startsWith('--where'));
    assert.equal(where?.count, 344 - 152);
    assert.equal(outcome.dataset.rows, 344);
  });

  it("answers 'run' of a figure task", async () => {
    const outcome = await worker.run(penguins, request('boxplot', { outcome: 'flipper_length_mm', group: 'species' }));
    assert.equal(outcome.analysis, 'boxplot');
    assert.equal(outcome.figures[0]?.kind, 'boxplot');
    assert.deepEqual(outcome.dataset.columns, ['species', 'flipper_length_mm']);
  });

  it('sends errors back as InferraErrors with their code', async () => {
    try {
      await worker.run(penguins, request('ttest_welch', { outcome: 'body_mas_g', group: 'sex' }));
      assert.fail('expected column-not-found');
    } catch (error) {
      assert.ok(isInferraError(error));
      assert.equal(error.code, 'column-not-found');
      assert.equal(error.params.suggestion, 'body_mass_g');
    }
  });
});

describe('worker: handleMessage', () => {
  it('answers a malformed message with worker-protocol', async () => {
    const replies: ReplyMessage[] = [];
    await handleMessage({ id: 7, task: { kind: 'explode' } }, (r) => replies.push(r));
    assert.equal(replies.length, 1);
    assert.equal(replies[0].id, 7);
    assert.ok('error' in replies[0] && replies[0].error.code === 'worker-protocol');
  });

  it('answers exactly once with a data error for a missing file', async () => {
    const replies: ReplyMessage[] = [];
    await handleMessage({ id: 8, task: { kind: 'schema', path: '/no/such/file.csv' } }, (r) => replies.push(r));
    assert.deepEqual(replies, [{ id: 8, error: { code: 'file-not-found', params: { path: '/no/such/file.csv' } } }]);
  });

  it('refuses an unknown analysis id in a run task', async () => {
    const replies: ReplyMessage[] = [];
    const bad = { ...request('describe', {}), analysis: 'anova_twoway' };
    await handleMessage({ id: 9, task: { kind: 'run', path: penguins, request: bad } }, (r) => replies.push(r));
    assert.equal(replies.length, 1);
    assert.ok('error' in replies[0] && replies[0].error.code === 'worker-protocol');
  });
});
