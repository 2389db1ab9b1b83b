/**
 * A notebook session refuses datasets outside the notebook's folder unless the consent callback
 * says yes, and decides it before the worker sees the path (no hashing, no DuckDB). Errors written
 * into cells name paths relative to the notebook (security review H2, L7).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliMessage } from '../../../cli/advice.js';
import { NOTEBOOK_ADVICE } from '../../../extension/advice.js';
import { InferraError } from '../../../kernel/errors.js';
import { messageWithAdvice } from '../../../kernel/messages/index.js';
import type { Notebook } from '../../../kernel/notebook/format.js';
import type { OutsideDataset } from '../../../kernel/notebook/dataset-path.js';
import { hashCellSource } from '../../../kernel/provenance/bind.js';
import { buildRecord } from '../../../kernel/provenance/build.js';
import { collectEnvironment } from '../../../kernel/provenance/environment.js';
import { NotebookSession } from '../../../kernel/session/index.js';
import type { KernelWorker } from '../../../kernel/worker/host.js';

/** A worker that records every path it is given and answers "no such file" naming it, as the data layer does. */
function recordingWorker(): { worker: KernelWorker; paths: string[] } {
  const paths: string[] = [];
  const refuse = async (path: string) => {
    paths.push(path);
    throw new InferraError('file-not-found', { path });
  };
  const worker = { schema: refuse, run: refuse, close: async () => undefined } as unknown as KernelWorker;
  return { worker, paths };
}

function notebookWith(datasets: { name: string; path: string }[], sources: string[]): Notebook {
  return {
    format: 'inferra-notebook',
    version: 1,
    metadata: { title: 'received' },
    datasets,
    cells: sources.map((source, i) => ({ id: `c${i + 1}`, kind: 'ask' as const, source })),
  } as Notebook;
}

/** What a cell's outputs say, as one string (what ends up in the file). */
function outputsText(cell: { outputs?: unknown }): string {
  return JSON.stringify(cell.outputs ?? []);
}

describe('session: datasets outside the notebook folder need consent', () => {
  let root: string;
  let proj: string;
  let notebookPath: string;

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'inferra-consent-')));
    proj = join(root, 'home', 'work', 'proj');
    mkdirSync(proj, { recursive: true });
    mkdirSync(join(root, 'home', '.config', 'inferra'), { recursive: true });
    writeFileSync(join(root, 'home', '.config', 'inferra', 'supabase-session.json'), '{"access_token": "SECRET"}');
    writeFileSync(join(proj, 'data.csv'), 'x,g\n1,a\n');
    notebookPath = join(proj, 'study.inferra');
  });

  it('refuses a ../ dataset without a consent callback, before the worker is called, naming the path relative to the notebook', async () => {
    const { worker, paths } = recordingWorker();
    const session = new NotebookSession({ notebookPath, worker });
    const notebook = notebookWith([{ name: 'd', path: '../../.config/inferra/supabase-session.json' }], ['describe the data']);
    const run = await session.executeCell(notebook, 'c1');
    assert.equal(run.status, 'error');
    assert.equal(run.error?.code, 'dataset-outside-folder');
    assert.deepEqual(paths, [], 'the worker never saw the path');
    assert.match(run.error!.message, /'\.\.\/\.\.\/\.config\/inferra\/supabase-session\.json' is outside this notebook's folder/);
    // What to do is each door's advice (cli/advice.ts, extension/advice.ts), not the kernel's message.
    assert.doesNotMatch(run.error!.message, /--allow-outside-data|Allow once/);
    assert.match(cliMessage(run.error!), /--allow-outside-data/);
    assert.match(messageWithAdvice(NOTEBOOK_ADVICE, run.error!), /Allow once/);
    assert.ok(!outputsText(run.cell).includes(root), 'no absolute path in the outputs');
  });

  it('refuses absolute paths, "use FILE" cells that leave the folder and symlinks that point outside', async () => {
    symlinkSync(join(root, 'home', '.config', 'inferra', 'supabase-session.json'), join(proj, 'innocent.json'));
    const { worker, paths } = recordingWorker();
    const session = new NotebookSession({ notebookPath, worker });
    const notebook = notebookWith(
      [{ name: 'abs', path: join(root, 'home', '.config', 'inferra', 'supabase-session.json') }],
      ['describe the data', 'use ../../.config/inferra/supabase-session.json', 'use innocent.json', 'describe the data'],
    );
    for (const id of ['c1', 'c2', 'c3', 'c4']) {
      const run = await session.executeCell(notebook, id);
      assert.equal(run.error?.code, 'dataset-outside-folder', id);
      assert.ok(!outputsText(run.cell).includes(root), `${id}: no absolute path in the outputs`);
    }
    assert.deepEqual(paths, []);
  });

  it('asks the consent callback with the relative and the resolved path; yes is remembered for the session, no refuses', async () => {
    symlinkSync(join(root, 'home', '.config', 'inferra', 'supabase-session.json'), join(proj, 'innocent.json'));
    const asked: OutsideDataset[] = [];
    let answer = false;
    const { worker, paths } = recordingWorker();
    const session = new NotebookSession({ notebookPath, worker, datasetConsent: async (d) => (asked.push(d), answer) });
    const notebook = notebookWith([], ['use innocent.json', 'use innocent.json']);

    const refused = await session.executeCell(notebook, 'c1');
    assert.equal(refused.error?.code, 'dataset-outside-folder');
    assert.deepEqual(asked, [{ path: 'innocent.json', absolute: join(root, 'home', '.config', 'inferra', 'supabase-session.json') }]);
    assert.deepEqual(paths, []);

    answer = true;
    const allowed = await session.executeCell(notebook, 'c1');
    assert.equal(asked.length, 2);
    assert.deepEqual(paths, [join(proj, 'innocent.json')], 'read only after the yes');
    assert.equal(allowed.error?.code, 'file-not-found'); // the recording worker's answer

    await session.executeCell(notebook, 'c2');
    assert.equal(asked.length, 2, 'not asked again in the same session');
    assert.equal(paths.length, 2);
  });

  it('never asks for files inside the folder; askConsent false refuses without asking', async () => {
    let asked = 0;
    const { worker, paths } = recordingWorker();
    const session = new NotebookSession({ notebookPath, worker, datasetConsent: async () => (asked++, true) });
    await session.describeDataset('data.csv').catch(() => undefined);
    await session.describeDataset('./sub/../data.csv').catch(() => undefined);
    assert.equal(asked, 0);
    assert.deepEqual(paths, [join(proj, 'data.csv'), join(proj, 'data.csv')]);
    await assert.rejects(session.describeDataset('../secret.csv', { askConsent: false }), (e: InferraError) => e.code === 'dataset-outside-folder');
    assert.equal(asked, 0);
  });

  it('verify refuses the same way (the row names the relative path)', async () => {
    const { worker, paths } = recordingWorker();
    const session = new NotebookSession({ notebookPath, worker });
    const notebook = notebookWith([{ name: 'd', path: '../../.config/inferra/supabase-session.json' }], ['describe the data']);
    const cell = notebook.cells[0] as any;
    cell.inferra = {
      decision: {
        status: 'decided', analysis: 'describe', roles: {}, options: {}, source: 'rules', rule_id: 'x', confidence: 1, rationale: '', alternatives: [],
        explanation: { matched_phrases: [], column_matches: [], refinements: [] }, source_hash: hashCellSource('describe the data'),
      },
      provenance: [buildRecord({
        cellId: 'c1', startedAt: new Date(0), endedAt: new Date(1), status: 'ok', seed: 1,
        datasets: [{ name: 'd', path: '../../.config/inferra/supabase-session.json', use: { sha256: '0'.repeat(64), tableHash: '0'.repeat(16), rows: 1, rowsUsed: 1, columns: [] } }],
        plan: { source: 'rules', ruleId: 'x', analysis: 'describe', roles: {}, options: {} },
        environment: collectEnvironment(),
        resultJson: { status: 'ok' },
      })],
    };
    const rows = await session.verify(notebook);
    assert.deepEqual(paths, []);
    assert.equal(rows[0].status, 'diverged');
    assert.match(String(rows[0].differences[0].now), /^dataset-outside-folder: Dataset '\.\.\/\.\.\/\.config/);
  });

  it('one-off sessions (no notebook: `inferra describe DATA`) read the path the user typed', async () => {
    const { worker, paths } = recordingWorker();
    const session = new NotebookSession({ worker });
    const outside = join(root, 'home', '.config', 'inferra', 'supabase-session.json');
    await assert.rejects(session.describeDataset(outside), (e: InferraError) => e.code === 'file-not-found');
    assert.deepEqual(paths, [outside]);
  });

  it('an untitled notebook with consent but no folder asks for every file', async () => {
    let asked = 0;
    const { worker } = recordingWorker();
    const session = new NotebookSession({ worker, datasetConsent: async () => (asked++, false) });
    await assert.rejects(session.describeDataset(join(proj, 'data.csv')), (e: InferraError) => e.code === 'dataset-outside-folder');
    assert.equal(asked, 1);
  });

  it('a missing dataset is named relative to the notebook in every output item (L7)', async () => {
    const { worker } = recordingWorker();
    const session = new NotebookSession({ notebookPath, worker });
    const notebook = notebookWith([{ name: 'missing', path: 'missing.csv' }], ['describe the data']);
    const run = await session.executeCell(notebook, 'c1');
    assert.equal(run.error?.code, 'file-not-found');
    assert.match(run.error!.message, /^Dataset 'missing\.csv' does not exist/);
    const text = outputsText(run.cell);
    assert.ok(text.includes("Dataset 'missing.csv' does not exist"), text);
    assert.ok(!text.includes(root), 'no absolute path in the outputs');
  });
});
