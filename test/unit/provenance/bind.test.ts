/**
 * Binding records to what a cell shows (review H1): the parts digested, the edits named by path,
 * cleared outputs, records of older versions, and digests that survive the file's JSON round trip.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkShown, digestShownParts, hashCellSource, type ShownCell } from '../../../kernel/provenance/bind.js';
import { buildRecord } from '../../../kernel/provenance/build.js';
import { checkStoredCell } from '../../../cli/verify.js';
import { sampleInput, sampleResultJson } from './fixtures.js';

const RESULT = 'application/vnd.inferra.result+json';
const VEGA = 'application/vnd.vegalite.v6+json';

function sampleCell(): ShownCell {
  const result = sampleResultJson();
  delete (result as Record<string, unknown>).figures;
  return {
    source: 'compare len by supp',
    outputs: [
      {
        items: [
          { mime: RESULT, data: { status: 'ok', request: 'compare len by supp', cellId: 'c1', decision: { analysis: 'ttest_welch' }, result, error: undefined } },
          { mime: VEGA, data: { mark: 'boxplot' } },
          { mime: 'text/markdown', data: '**t**(55.31) = 1.92' },
          { mime: 'text/plain', data: 't(55.31) = 1.92' },
        ],
      },
    ],
    decision: { analysis: 'ttest_welch', source_hash: hashCellSource('compare len by supp') },
  };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function boundRecord(cell: ShownCell) {
  const payload = (cell.outputs![0].items[0].data as Record<string, unknown>);
  return buildRecord({ ...sampleInput('c1', null, payload.result), figures: [{ kind: 'boxplot', vegaLite: { mark: 'boxplot' } }], shown: cell });
}

describe('provenance binding (bind.ts)', () => {
  it('digests each part of the result item, every other item whole and the pinned decision; undefined members are no part', () => {
    const paths = digestShownParts(sampleCell()).map((p) => p.path);
    assert.ok(paths.includes('outputs[0].items[0].data.result.summary'));
    assert.ok(paths.includes('outputs[0].items[0].data.request'));
    assert.ok(paths.includes('outputs[0].items[1]'));
    assert.ok(paths.includes('outputs[0].items[3]'));
    assert.ok(paths.includes('inferra.decision'));
    assert.ok(!paths.includes('outputs[0].items[0].data.error'));
  });

  it('a record built with the cell binds it: the cell as written to the file checks clean and bound', () => {
    const cell = sampleCell();
    const record = boundRecord(cell);
    assert.equal(record.source_hash, hashCellSource(cell.source));
    assert.deepEqual(checkShown(record, clone(cell)), { bound: true, edits: [] });
  });

  it('names what changed, was added or removed, by path and with a reader\'s label', () => {
    const cell = sampleCell();
    const record = boundRecord(cell);
    const edited = clone(cell);
    edited.source = 'Is bill depth the same on every island?';
    const payload = edited.outputs![0].items[0].data as { result: { summary: string } };
    payload.result.summary = 't(55.31) = 0.61, p = .540';
    (edited.outputs![0].items as { mime: string; data: unknown }[]).splice(3, 1);
    (edited.outputs![0].items[1].data as Record<string, unknown>).title = 'x';
    const check = checkShown(record, edited);
    assert.equal(check.bound, true);
    assert.deepEqual(check.edits.map((e) => [e.path, e.label, e.change]), [
      ['source', 'cell text', 'changed'],
      ['outputs[0].items[0].data.result.summary', 'result summary', 'changed'],
      ['outputs[0].items[1]', 'figure 1', 'changed'],
      // The item is gone, so its kind is no longer known.
      ['outputs[0].items[3]', 'output 1 item 4', 'removed'],
    ]);
  });

  it('an added output item is an edit (e.g. an HTML item the renderer never wrote)', () => {
    const cell = sampleCell();
    const record = boundRecord(cell);
    const edited = clone(cell);
    (edited.outputs![0].items as { mime: string; data: unknown }[]).push({ mime: 'text/html', data: '<b>x</b>' });
    const [edit] = checkShown(record, edited).edits;
    assert.deepEqual([edit.path, edit.change, edit.label], ['outputs[0].items[4]', 'added', 'output 1 item 5 (text/html)']);
  });

  it('cleared outputs are not an edit, but the cell text and the pinned decision are still held', () => {
    const cell = sampleCell();
    const record = boundRecord(cell);
    assert.deepEqual(checkShown(record, { ...clone(cell), outputs: [] }).edits, []);
    const pinned = { ...clone(cell), outputs: [], decision: { analysis: 'ttest_welch', options: { alternative: 'less' } } };
    assert.deepEqual(checkShown(record, pinned).edits.map((e) => e.path), ['inferra.decision']);
  });

  it('a record without bindings (older Inferra) is unbound; its result digest and figure digests still hold the stored outputs', () => {
    const cell = sampleCell();
    const payload = cell.outputs![0].items[0].data as Record<string, unknown>;
    const old = buildRecord({ ...sampleInput('c1', null, payload.result), figures: [{ kind: 'boxplot', vegaLite: { mark: 'boxplot' } }] });
    assert.equal(old.source_hash, undefined);
    assert.deepEqual(checkShown(old, clone(cell)), { bound: false, edits: [] });
    const edited = clone(cell);
    (edited.outputs![0].items[0].data as { result: { summary: string } }).result.summary = 'forged';
    (edited.outputs![0].items[1].data as Record<string, unknown>).mark = 'point';
    assert.deepEqual(
      checkShown(old, edited).edits.map((e) => [e.path, e.label]),
      [['outputs[0].items[0].data.result', 'result'], ['outputs[0].items[1].data', 'figure 1']],
    );
    // The question of an old record: only the pinned decision's source_hash tells.
    const asked = { cellId: 'c1', source: 'another question', chain: [old], outputs: clone(cell).outputs, decision: cell.decision };
    assert.deepEqual(checkStoredCell(asked).edits.map((e) => e.path), ['source']);
  });

  it('digests are those of the file: any JSON payload digests the same after JSON.stringify/parse', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), fc.string(), (result, decision, text) => {
        const cell: ShownCell = {
          source: text,
          outputs: [{ items: [{ mime: RESULT, data: { status: 'ok', result, extra: undefined } }, { mime: 'text/plain', data: text }] }],
          decision,
        };
        assert.deepEqual(digestShownParts(clone(cell)), digestShownParts(cell));
      }),
      { numRuns: 200 },
    );
  });
});
