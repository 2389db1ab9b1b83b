/**
 * Security review L2: a notebook nested 100,000 levels deep ran every cell and then crashed with
 * "Maximum call stack size exceeded" while being written. Nesting is bounded where the file is read
 * (notebook-invalid with the JSON path), and every walk of notebook JSON is bounded too.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InferraError } from '../../../kernel/errors.js';
import { MAX_JSON_DEPTH, findTooDeep } from '../../../kernel/notebook/depth.js';
import { locateJsonError } from '../../../kernel/notebook/locate-json-error.js';
import { parseNotebook } from '../../../kernel/notebook/parse.js';
import { serializeNotebook, sortKeysDeep } from '../../../kernel/notebook/serialize.js';
import { readNotebookFile } from '../../../kernel/notebook/file.js';
import { expectCode } from '../../support/expect-code.js';

/** `{"format": ..., "cells": [], "x": [[[...]]]}` with `depth` nested arrays under `x`. */
function deepText(depth: number): string {
  return `{"format": "inferra-notebook", "version": 1, "cells": [], "x": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** A value nested `depth` levels deep, built without recursion. */
function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

describe('notebook nesting depth (review L2)', () => {
  it('rejects 100,000 nested arrays at parse with notebook-invalid, the JSON path and the limit', () => {
    const error = expectCode(() => parseNotebook(deepText(100_000), 'deep.inferra'), 'notebook-invalid');
    assert.match(String(error.params.where), /^x\.0\.0\.0/);
    assert.ok(String(error.params.where).length < 200, 'the path is abbreviated, not 100,000 segments');
    assert.match(String(error.params.problem), new RegExp(String(MAX_JSON_DEPTH)));
    assert.doesNotMatch(error.message, /stack/i);
  });

  it('rejects deep objects too, and names the keys on the way', () => {
    const text = `{"format": "inferra-notebook", "version": 1, "cells": [], "meta": ${'{"k": '.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    const error = expectCode(() => parseNotebook(text, 'deep.inferra'), 'notebook-invalid');
    assert.match(String(error.params.where), /^meta\.k\.k\.k/);
  });

  it('accepts nesting up to the limit (a real notebook is far shallower)', () => {
    // The top-level object is level 1, `x` adds the rest.
    const notebook = parseNotebook(deepText(MAX_JSON_DEPTH - 1), 'ok.inferra');
    assert.ok(serializeNotebook(notebook).length > 0);
    expectCode(() => parseNotebook(deepText(MAX_JSON_DEPTH), 'too-deep.inferra'), 'notebook-invalid');
  });

  it('readNotebookFile leaves a too-deep file unchanged and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inferra-deep-'));
    const path = join(dir, 'deep.inferra');
    const deep = `{"format": "inferra-notebook", "version": 1, "cells": [], "x": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    await writeFile(path, deep);
    await assert.rejects(readNotebookFile(path), (e: InferraError) => e.code === 'notebook-invalid' && /^x\.a\.a/.test(String(e.params.where)));
    assert.equal(await readFile(path, 'utf8'), deep);
  });

  it('a broken file nested 100,000 deep is notebook-parse-failed at the place it passes the limit (found by the fuzz test)', () => {
    // JSON.parse fails (truncated), then the scanner that locates the error used to recurse once per level.
    const truncated = deepText(100_000).slice(0, 150_000);
    const error = expectCode(() => parseNotebook(truncated, 'deep.inferra'), 'notebook-parse-failed');
    assert.match(String(error.params.problem), new RegExp(`more than ${MAX_JSON_DEPTH} levels`));
    assert.equal(error.params.line, 1);
    assert.equal(locateJsonError(`[${'{"a": ['.repeat(50_000)}`)?.problem, `data nested more than ${MAX_JSON_DEPTH} levels deep`);
  });

  it('sortKeysDeep and serializeNotebook refuse values deeper than the limit with an InferraError, not a stack overflow', () => {
    const deep = nested(100_000, (v) => [v]);
    expectCode(() => sortKeysDeep(deep), 'notebook-invalid');
    const notebook = parseNotebook(deepText(1), 'ok.inferra') as Record<string, unknown>;
    notebook.x = deep;
    expectCode(() => serializeNotebook(notebook as never), 'notebook-invalid');
  });

  it('findTooDeep walks without recursion and reports the first path past the limit', () => {
    assert.equal(findTooDeep({ a: [1, { b: 2 }] }, 3), undefined);
    assert.deepEqual(findTooDeep({ a: [1, { b: [3] }] }, 3), ['a', 1, 'b']);
    const path = findTooDeep(nested(1_000_000, (v) => [v]), MAX_JSON_DEPTH);
    assert.equal(path?.length, MAX_JSON_DEPTH);
  });
});
