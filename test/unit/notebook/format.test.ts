import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InferraError } from '../../../kernel/errors.js';
import { createCellId } from '../../../kernel/notebook/ids.js';
import { locateJsonError } from '../../../kernel/notebook/locate-json-error.js';
import { newNotebook } from '../../../kernel/notebook/new.js';
import { parseNotebook } from '../../../kernel/notebook/parse.js';
import { serializeNotebook } from '../../../kernel/notebook/serialize.js';
import { readNotebookFile, writeNotebookFile } from '../../../kernel/notebook/file.js';

const sample = new URL('../../../samples/penguins.inferra', import.meta.url);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InferraError, `expected an InferraError, got ${String(error)}`);
    return error.code;
  }
  assert.fail('expected an error');
}

describe('notebook format', () => {
  it('reads the sample and writes it back byte for byte (deterministic, sorted keys, trailing newline)', async () => {
    const text = await readFile(sample, 'utf8');
    const notebook = parseNotebook(text, 'penguins.inferra');
    assert.equal(notebook.cells.filter((c) => c.kind === 'ask').length >= 6, true);
    assert.equal(serializeNotebook(notebook), text);
  });

  it('keeps unknown fields at every level through a round trip', () => {
    const text = JSON.stringify({
      format: 'inferra-notebook',
      version: 1,
      future_top: { a: [1, 2] },
      metadata: { title: 'T', author: 'someone' },
      datasets: [{ name: 'd', path: 'd.csv', note: 'kept' }],
      cells: [
        { id: 'a', kind: 'markdown', source: 'x', tags: ['intro'] },
        { id: 'b', kind: 'ask', source: 'y', outputs: [{ items: [{ mime: 'text/plain', data: 'z', extra: 1 }], meta: true }], inferra: { decision: { analysis: 'pearson' }, custom: 3 } },
      ],
    });
    const again = parseNotebook(serializeNotebook(parseNotebook(text)));
    assert.deepEqual(again.future_top, { a: [1, 2] });
    assert.equal(again.metadata.author, 'someone');
    assert.equal(again.datasets[0].note, 'kept');
    assert.deepEqual(again.cells[0].tags, ['intro']);
    const ask = again.cells[1] as Record<string, any>;
    assert.equal(ask.outputs[0].meta, true);
    assert.equal(ask.outputs[0].items[0].extra, 1);
    assert.equal(ask.inferra.custom, 3);
  });

  it('serializes key order independently of construction order', () => {
    const a = parseNotebook('{"version":1,"format":"inferra-notebook","cells":[{"source":"s","kind":"markdown","id":"x"}]}');
    const b = parseNotebook('{"format":"inferra-notebook","cells":[{"id":"x","kind":"markdown","source":"s"}],"version":1}');
    assert.equal(serializeNotebook(a), serializeNotebook(b));
    assert.ok(serializeNotebook(a).endsWith('}\n'));
  });

  it('locates a syntax error by line and column', () => {
    const text = '{\n  "format": "inferra-notebook",\n  "version": 1,\n  "cells": [\n    {"id": "a", "kind": "markdown" "source": "x"}\n  ]\n}\n';
    try {
      parseNotebook(text, 'broken.inferra');
      assert.fail('should throw');
    } catch (error) {
      assert.ok(error instanceof InferraError);
      assert.equal(error.code, 'notebook-parse-failed');
      assert.equal(error.params.line, 5);
      assert.equal(error.params.column, 36);
      assert.match(error.message, /line 5, column 36/);
      assert.match(error.message, /was not changed/);
    }
  });

  it('finds the errors JSON.parse reports without a position', () => {
    assert.deepEqual(locateJsonError('{"a": tru}'), { offset: 6, line: 1, column: 7, problem: "unexpected 't'" });
    assert.equal(locateJsonError('[1,2')?.problem, "expected ',' or ']' after an array element, found the end of the file");
    assert.equal(locateJsonError('{"a": 1,}')?.problem, "a trailing comma before '}'");
    assert.equal(locateJsonError('{"a": "x\n"}')?.line, 1);
    assert.equal(locateJsonError('')?.problem, 'the file ends where a value was expected');
    assert.equal(locateJsonError('{"a": [1, {"b": null}]}'), undefined);
  });

  it('rejects a wrong shape with the JSON path, duplicate ids, and newer versions', () => {
    assert.equal(codeOf(() => parseNotebook('{"format":"inferra-notebook","version":1,"cells":[{"id":"a","kind":"code","source":""}]}')), 'notebook-invalid');
    assert.equal(codeOf(() => parseNotebook('{"format":"inferra-notebook","version":1,"cells":[{"id":"a","kind":"ask","source":""},{"id":"a","kind":"ask","source":""}]}')), 'notebook-invalid');
    assert.equal(codeOf(() => parseNotebook('{"format":"inferra-notebook","version":9,"cells":[]}')), 'notebook-version');
    assert.equal(codeOf(() => parseNotebook('')), 'notebook-parse-failed');
    try {
      parseNotebook('{"format":"inferra-notebook","version":1,"cells":[{"id":"a","kind":"ask"}]}', 'x.inferra');
    } catch (error) {
      assert.equal((error as InferraError).params.where, 'cells.0.source');
    }
  });

  it('never overwrites a file that does not parse (reading fails, the bytes stay)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inferra-nb-'));
    const path = join(dir, 'broken.inferra');
    const broken = '{"format": "inferra-notebook", "cells": [\n';
    await writeFile(path, broken);
    await assert.rejects(readNotebookFile(path), (e: InferraError) => e.code === 'notebook-parse-failed' && e.params.line === 2);
    assert.equal(await readFile(path, 'utf8'), broken);
  });

  it('writes atomically and reads back what it wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inferra-nb-'));
    const path = join(dir, 'new.inferra');
    const notebook = newNotebook({ title: 'Trial', datasetPath: 'data/trial.csv' });
    await writeNotebookFile(path, notebook);
    assert.deepEqual(await readNotebookFile(path), notebook);
    assert.equal(notebook.datasets[0].name, 'trial');
  });

  it('creates stable, readable, unique cell ids', () => {
    const a = createCellId('Is flipper length different by sex?', new Set());
    assert.equal(a, createCellId('Is flipper length different by sex?', new Set()));
    assert.match(a, /^is-flipper-length-different-by-[0-9a-f]{6}$/);
    const b = createCellId('Is flipper length different by sex?', new Set([a]));
    assert.notEqual(a, b);
  });
});
