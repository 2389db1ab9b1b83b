/**
 * The session hands each finished run to its provenance sinks without blocking the notebook, and
 * dispose() waits for runs still on their way (figures being rendered) before it closes the sinks:
 * `inferra run` used to close the Supabase sink while the last cell's figures were still rendering,
 * leaving that record in the local queue.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { newNotebook } from '../../../kernel/notebook/index.js';
import type { ProvenanceSink } from '../../../kernel/provenance/sink.js';
import type { RunEntry } from '../../../kernel/provenance/supabase.js';
import { NotebookSession } from '../../../kernel/session/index.js';

describe('session: runs handed to the provenance sinks', function () {
  this.timeout(60_000);

  it('dispose() waits for the last run (its figures still rendering) before closing the sinks', async () => {
    const events: string[] = [];
    const sink: ProvenanceSink = {
      submit: (entry: RunEntry) => void events.push(`submit ${entry.record.cell_id} with ${entry.figures?.length ?? 0} figure(s)`),
      pending: () => 0,
      flush: async () => undefined,
      close: async () => void events.push('close'),
    };
    const notebookPath = fileURLToPath(new URL('../../../samples/study.inferra', import.meta.url));
    const notebook = newNotebook({ title: 'Sinks', datasetPath: 'penguins.csv', firstRequest: 'correlate bill length with bill depth' });
    const session = new NotebookSession({
      notebookPath,
      sinks: [sink],
      // A slow renderer: the cell has long finished when its figures are ready.
      renderSvg: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return '<svg xmlns="http://www.w3.org/2000/svg"/>';
      },
    });
    const cell = notebook.cells.find((c) => c.kind === 'ask')!;
    const run = await session.executeCell(notebook, cell.id);
    assert.equal(run.status, 'ok', run.error?.message);
    assert.deepEqual(events, [], 'the cell does not wait for the sinks');
    await session.dispose();
    assert.equal(events.length, 2, events.join('; '));
    assert.match(events[0], new RegExp(`^submit ${cell.id} with [1-9]\\d* figure`));
    assert.equal(events[1], 'close');
  });
});
