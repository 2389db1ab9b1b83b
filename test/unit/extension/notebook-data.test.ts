import assert from 'node:assert/strict';
import { parseNotebook } from '../../../kernel/notebook/parse.js';
import { serializeNotebook } from '../../../kernel/notebook/serialize.js';
import type { Notebook } from '../../../kernel/notebook/format.js';
import {
  adviceOutputData, assignCellIds, cellOutputsFromOutputData, decodeOutputItem, outputDataFromCellOutputs, encodeOutputItem, errorNotebookData, markdownMayLoad, notebookDataFromNotebook,
  notebookFromNotebookData, parseErrorOf, PARSE_ERROR_KEY, type NotebookDataPlain,
} from '../../../extension/notebook-data.js';

import { sampleChain } from '../provenance/fixtures.js';

const RESULT_MIME = 'application/vnd.inferra.result+json';

function sampleNotebook(): Notebook {
  return parseNotebook(JSON.stringify({
    format: 'inferra-notebook',
    version: 1,
    metadata: { title: 'Penguins', author: 'someone' },
    datasets: [{ name: 'penguins', path: 'penguins.csv' }],
    future_top_level: { kept: true },
    cells: [
      { id: 'intro', kind: 'markdown', source: '# Penguins', tags: ['x'] },
      {
        id: 'flipper-by-sex', kind: 'ask', source: 'compare flipper length between sexes', dataset: 'penguins',
        outputs: [
          { items: [
            { mime: RESULT_MIME, data: { status: 'ok', request: 'r', cellId: 'flipper-by-sex', result: { n: 333, ci_high: 'Infinity' } } },
            { mime: 'text/markdown', data: '**t**(331) = 1.2' },
            { mime: 'text/plain', data: 't(331) = 1.2' },
          ], note: 'output-level extra' },
          { items: [{ mime: 'application/vnd.vegalite.v6+json', data: { mark: 'point', data: { values: [{ a: 1 }] } }, extra_item_field: 7 }] },
        ],
        execution: { order: 3, success: true, start_time: 1000, end_time: 1250, host: 'cli' },
        inferra: { decision: { status: 'decided', analysis: 'ttest_welch' }, provenance: sampleChain(1, 'flipper-by-sex') },
        unknown_cell_field: 42,
      },
      { id: 'not-run', kind: 'ask', source: 'describe the data' },
    ],
  }), 'test.inferra');
}

describe('extension/notebook-data', () => {
  it('round-trips a notebook through VS Code notebook data byte for byte', () => {
    const notebook = sampleNotebook();
    const text = serializeNotebook(notebook);
    const data = notebookDataFromNotebook(notebook);
    assert.equal(serializeNotebook(notebookFromNotebookData(data)), text);
  });

  it('maps markdown to markup cells and ask cells to inferra code cells with id and inferra metadata', () => {
    const data = notebookDataFromNotebook(sampleNotebook());
    assert.deepEqual(data.cells.map((c) => [c.kind, c.languageId]), [['markup', 'markdown'], ['code', 'inferra'], ['code', 'inferra']]);
    const ask = data.cells[1];
    assert.equal(ask.metadata?.id, 'flipper-by-sex');
    assert.deepEqual((ask.metadata?.inferra as { decision: unknown }).decision, { status: 'decided', analysis: 'ttest_welch' });
    assert.equal(ask.metadata?.unknown_cell_field, 42);
    assert.deepEqual(data.metadata?.datasets, [{ name: 'penguins', path: 'penguins.csv' }]);
    assert.deepEqual(data.metadata?.future_top_level, { kept: true });
  });

  it('turns the execution block into an execution summary and back', () => {
    const data = notebookDataFromNotebook(sampleNotebook());
    assert.deepEqual(data.cells[1].executionSummary, { executionOrder: 3, success: true, timing: { startTime: 1000, endTime: 1250 } });
    assert.equal(data.cells[2].executionSummary, undefined);
    const back = notebookFromNotebookData(data).cells[1] as { execution?: unknown };
    assert.deepEqual(back.execution, { host: 'cli', order: 3, success: true, start_time: 1000, end_time: 1250 });
  });

  it('shows the figure stored in the result output as its own output, and stores it back in place', () => {
    const notebook = sampleNotebook();
    const cell = notebook.cells[1] as { outputs: { items: { mime: string; data: unknown }[] }[] };
    cell.outputs[0].items.splice(1, 0, { mime: 'application/vnd.vegalite.v6+json', data: { mark: 'bar' } });
    const text = serializeNotebook(notebook);
    const data = notebookDataFromNotebook(notebook);
    const shown = data.cells[1].outputs!;
    // VS Code renders one item per output: result (with fallbacks), then the figure, then the further figure.
    assert.deepEqual(shown.map((o) => o.items.map((i) => i.mime)), [
      [RESULT_MIME, 'text/markdown', 'text/plain'], ['application/vnd.vegalite.v6+json'], ['application/vnd.vegalite.v6+json']]);
    assert.equal(serializeNotebook(notebookFromNotebookData(data)), text);
  });

  it('encodes JSON output items as JSON text and text items as UTF-8', () => {
    const json = encodeOutputItem({ mime: RESULT_MIME, data: { status: 'ok', x: 'é' } });
    assert.equal(new TextDecoder().decode(json.data), '{"status":"ok","x":"é"}');
    const text = encodeOutputItem({ mime: 'text/plain', data: 'p < .001' });
    assert.equal(new TextDecoder().decode(text.data), 'p < .001');
    assert.deepEqual(decodeOutputItem(json), { mime: RESULT_MIME, data: { status: 'ok', x: 'é' } });
    assert.deepEqual(decodeOutputItem({ mime: 'application/json', data: new TextEncoder().encode('{broken') }), { mime: 'application/json', data: '{broken' });
  });

  it('assigns ids to new cells and fresh ids to pasted duplicates, keeping existing ones', () => {
    const ids = assignCellIds([
      { value: 'a', metadata: { id: 'first' } },
      { value: 'compare x by g', metadata: {} },
      { value: 'copy', metadata: { id: 'first' } },
      { value: 'bad', metadata: { id: 'has space' } },
      { value: 'later', metadata: { id: 'kept-later' } },
    ]);
    assert.equal(ids[0], 'first');
    assert.match(ids[1], /^compare-x-by-g-[0-9a-f]{6}$/);
    assert.notEqual(ids[2], 'first');
    assert.match(ids[3], /^bad-[0-9a-f]{6}$/);
    assert.equal(ids[4], 'kept-later');
    assert.equal(new Set(ids).size, ids.length);
  });

  it('serializes cells added in VS Code (no metadata) into a notebook the kernel parses', () => {
    const data: NotebookDataPlain = {
      metadata: notebookDataFromNotebook(sampleNotebook()).metadata,
      cells: [
        { kind: 'markup', value: '# New', languageId: 'markdown' },
        { kind: 'code', value: 'correlate bill length with bill depth', languageId: 'inferra' },
        { kind: 'code', value: 'same id pasted', languageId: 'inferra', metadata: { id: 'x' } },
        { kind: 'code', value: 'same id pasted', languageId: 'inferra', metadata: { id: 'x' } },
      ],
    };
    const notebook = parseNotebook(serializeNotebook(notebookFromNotebookData(data)));
    assert.equal(notebook.cells.length, 4);
    assert.deepEqual(notebook.cells.map((c) => c.kind), ['markdown', 'ask', 'ask', 'ask']);
    assert.equal(new Set(notebook.cells.map((c) => c.id)).size, 4);
  });

  it('marks a document opened from a broken file so it is never saved', () => {
    const data = errorNotebookData({ code: 'notebook-parse-failed', message: 'not valid JSON at line 3, column 5' });
    assert.deepEqual(parseErrorOf(data), { code: 'notebook-parse-failed', message: 'not valid JSON at line 3, column 5' });
    assert.match(data.cells[0].value, /line 3, column 5/);
    assert.equal(parseErrorOf(notebookDataFromNotebook(sampleNotebook())), undefined);
    // The marker never leaks into a saved notebook.
    const notebook = notebookFromNotebookData({ metadata: { [PARSE_ERROR_KEY]: { code: 'x', message: 'y' } }, cells: [] });
    assert.equal(PARSE_ERROR_KEY in notebook, false);
  });

  describe('outputs from a received file (M2)', () => {
    const decoder = new TextDecoder();
    function openedOutputs(outputs: unknown[]) {
      const notebook = parseNotebook(JSON.stringify({
        format: 'inferra-notebook', version: 1, metadata: {}, datasets: [],
        cells: [{ id: 'a', kind: 'ask', source: 'describe the data', outputs }],
      }), 'hostile.inferra');
      return notebookDataFromNotebook(notebook).cells[0].outputs!.map((o) => o.items.map((i) => [i.mime, decoder.decode(i.data)]));
    }

    it('hands VS Code no HTML, script or remote-image output (the review\'s file)', () => {
      const shown = openedOutputs([{ items: [
        { mime: 'text/html', data: '<img src=x onerror="document.title=1"><script>alert(1)</script>' },
        { mime: 'application/javascript', data: 'alert(1)' },
        { mime: 'text/markdown', data: '![t](http://127.0.0.1:8765/md-beacon.png)' },
      ] }]);
      const mimes = shown.flat().map(([mime]) => mime);
      assert.deepEqual(mimes, ['text/plain'], 'the Markdown survives only as plain text');
      assert.equal(shown[0][0][1], '![t](http://127.0.0.1:8765/md-beacon.png)');
    });

    it('turns an output of foreign types alone into a plain-text note saying what was removed', () => {
      const shown = openedOutputs([
        { items: [{ mime: 'text/html', data: '<b>x</b>' }, { mime: 'image/svg+xml', data: '<svg onload="alert(1)"/>' }] },
        { items: [{ mime: 'application/vnd.code.notebook.error', data: { name: 'E', message: 'm', stack: '<a href=x>' } }] },
      ]);
      assert.equal(shown.length, 2, 'one note per output');
      assert.deepEqual(shown.map((o) => o.map(([mime]) => mime)), [['text/plain'], ['text/plain']]);
      assert.match(shown[0][0][1], /^Inferra removed an output of type text\/html, image\/svg\+xml from this file/);
      assert.ok(!shown[0][0][1].includes('onload'), 'the removed content is not quoted');
    });

    it('keeps Inferra\'s own outputs unchanged, dropping foreign items beside them', () => {
      const result = { status: 'ok', request: 'r', cellId: 'a' };
      const shown = openedOutputs([{ items: [
        { mime: RESULT_MIME, data: result },
        { mime: 'text/html', data: '<script>alert(1)</script>' },
        { mime: 'text/markdown', data: '**Welch** t\\(1\\) \\<b\\> \\!\\[x\\]' },
        { mime: 'text/plain', data: 'Welch t(1)' },
      ] }]);
      assert.deepEqual(shown[0].map(([mime]) => mime), [RESULT_MIME, 'text/markdown', 'text/plain']);
      assert.deepEqual(JSON.parse(shown[0][0][1]), result);
    });

    it('keeps Markdown only when it can neither show HTML nor load an image', () => {
      for (const safe of ['**t**(331) = 1.2', 'a \\<b\\> b', '\\!\\[x\\](y)', 'see [the docs](https://example.org)', 'x ! [y]', '| p | < .001 |', 'a <- b, x <= 3']) {
        assert.equal(markdownMayLoad(safe), false, safe);
      }
      for (const loading of ['![t](http://h/x.png)', '![t][r]\n\n[r]: http://h/x.png', '<img src=http://h/x.png>', '<http://h>', 'a \\\\![x](y)', '| <b>x</b> |', '<!-- c -->', '</p>', '<?php ?>']) {
        assert.equal(markdownMayLoad(loading), true, loading);
      }
      // Markdown with an image and no plain-text sibling becomes plain text (also alone in its output); with one, it is dropped.
      assert.deepEqual(openedOutputs([{ items: [{ mime: 'text/markdown', data: '![t](http://h/x.png)' }] }]), [[['text/plain', '![t](http://h/x.png)']]]);
      assert.deepEqual(openedOutputs([{ items: [{ mime: 'text/markdown', data: '![t](http://h/x.png)' }, { mime: 'text/plain', data: 'p' }] }]), [[['text/plain', 'p']]]);
    });
  });

  describe('advice after an error', () => {
    it("shows the notebook's advice as an output of its own that is never saved back", () => {
      const advice = adviceOutputData({ code: 'dataset-outside-folder', params: { path: '../x.csv' } });
      assert.ok(advice);
      assert.match(new TextDecoder().decode(advice.items[0].data), /choose "Allow once"/);
      assert.doesNotMatch(new TextDecoder().decode(advice.items[0].data), /--allow-outside-data/);
      const kernelOutputs = [{ items: [{ mime: 'text/plain', data: "Error (dataset-outside-folder): Dataset '../x.csv' is outside" }] }];
      const shown = [...outputDataFromCellOutputs(kernelOutputs), advice];
      assert.deepEqual(cellOutputsFromOutputData(shown), kernelOutputs, 'what is saved is what the kernel wrote (its digests hold)');
    });

    it('adds nothing when the notebook has no advice for the code', () => {
      assert.equal(adviceOutputData({ code: 'zero-variance', params: {} }), undefined);
      assert.equal(adviceOutputData({ code: 'not-a-code', params: {} }), undefined);
    });
  });
});

