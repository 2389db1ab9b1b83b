/**
 * The JSON a real run writes into a notebook holds to CONTRACT.md's schemas (kernel/contract/schemas.ts):
 * the result item (result JSON with snake_case tables), the pinned decision, the provenance record,
 * and the choices of an ambiguous request. And a malformed stored record is refused with its place
 * and what is wrong, never a stack trace.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { decisionJson, provenanceRecordSchema, resultPayloadJson, tableJson } from '../../../kernel/contract/schemas.js';
import { InferraError } from '../../../kernel/errors.js';
import { newNotebook, parseNotebook, serializeNotebook, type Notebook } from '../../../kernel/notebook/index.js';
import { parseProvenanceRecord } from '../../../kernel/provenance/record.js';
import { NotebookSession } from '../../../kernel/session/index.js';

const notebookPath = fileURLToPath(new URL('../../../samples/study.inferra', import.meta.url));

/** `value` parsed by `schema`, or a failure that names every issue. */
function holds<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  assert.ok(parsed.success, `${what}: ${parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

describe('JSON contract: what a run writes parses under kernel/contract/schemas.ts', function () {
  this.timeout(120_000);
  let session: NotebookSession;
  let notebook: Notebook;

  before(async () => {
    session = new NotebookSession({ notebookPath, author: null });
    notebook = newNotebook({ title: 'Contract', datasetPath: 'penguins.csv', firstRequest: 'which species differ in bill length? pairwise' });
  });
  after(() => session.dispose());

  it('a Tukey run: result item, pinned decision and provenance record; table keys in snake_case (p_adj, not pAdj)', async () => {
    const cell = notebook.cells.find((c) => c.kind === 'ask')!;
    const run = await session.executeCell(notebook, cell.id);
    assert.equal(run.status, 'ok', run.error?.message);
    // Through the file, as another program would read it.
    const stored = JSON.parse(serializeNotebook({ ...notebook, cells: notebook.cells.map((c) => (c.id === cell.id ? run.cell : c)) }));
    const storedCell = stored.cells.find((c: { id: string }) => c.id === cell.id);
    const payload = holds(resultPayloadJson, storedCell.outputs[0].items[0].data, 'result item');
    assert.ok(payload.result, 'the result item carries the result JSON');
    assert.match(payload.result.analysis, /^(tukey_hsd|games_howell)$/);
    const keys = payload.result.tables!.flatMap((t) => [...t.columns.map((c) => c.key), ...t.rows.flatMap((r) => Object.keys(r))]);
    assert.ok(keys.includes('p_adj') && !keys.includes('pAdj'), keys.join(', '));
    const decision = holds(decisionJson, storedCell.inferra.decision, 'pinned decision');
    assert.equal(decision.status, 'decided');
    const records = storedCell.inferra.provenance as unknown[];
    assert.equal(records.length, 1);
    holds(provenanceRecordSchema, records[0], 'provenance record');
  });

  it('an ambiguous request: its choices parse as decide JSON', async () => {
    const ambiguous = newNotebook({ title: 'Vague', datasetPath: 'penguins.csv', firstRequest: 'compare the groups' });
    const cell = ambiguous.cells.find((c) => c.kind === 'ask')!;
    const run = await session.executeCell(ambiguous, cell.id);
    assert.notEqual(run.status, 'ok');
    const payload = holds(resultPayloadJson, run.cell.outputs![0].items[0].data, 'result item');
    const decision = holds(decisionJson, payload.decision, 'decision');
    assert.ok(decision.status === 'ambiguous' || decision.status === 'no_match', decision.status);
  });

  it('the schema refuses camelCase table keys (the bug of issue #15)', () => {
    const table = { title: 'Tukey HSD', columns: [{ key: 'pAdj', label: 'p adj.' }], rows: [{ pAdj: 0.001 }] };
    const parsed = tableJson.safeParse(table);
    assert.equal(parsed.success, false);
    assert.match(parsed.error!.issues[0].message, /snake_case/);
  });
});

describe('JSON contract: a malformed stored provenance record', function () {
  this.timeout(60_000);

  /** A one-cell notebook whose cell carries `record` as its provenance. */
  function notebookWith(record: Record<string, unknown>): string {
    return JSON.stringify({
      format: 'inferra-notebook', version: 1, metadata: {}, datasets: [],
      cells: [{ id: 'a', kind: 'ask', source: 'describe the data', inferra: { provenance: [record] } }],
    });
  }

  it('makes the notebook invalid, naming the field and what is wrong', () => {
    assert.throws(
      () => parseNotebook(notebookWith({ run_id: 'not-a-uuid' }), 'study.inferra'),
      (e: InferraError) => {
        assert.equal(e.code, 'notebook-invalid');
        assert.match(e.message, /cells\.0\.inferra\.provenance\.0\.run_id/);
        assert.doesNotMatch(e.message, /\n\s+at /, 'no stack trace in the message');
        return true;
      },
    );
  });

  it('read on its own (a queue file), says where and which field', () => {
    assert.throws(
      () => parseProvenanceRecord({ run_id: '6f1c2a9e-7d4b-4c1e-9a51-3b2d1c0e9f87', cell_id: 'a' }, 'queue/0001.json'),
      (e: InferraError) => {
        assert.equal(e.code, 'provenance-record-invalid');
        assert.match(e.message, /queue\/0001\.json/);
        assert.match(e.message, /started_at/);
        return true;
      },
    );
  });
});
