import assert from 'node:assert/strict';
import { buildRecord } from '../../../kernel/provenance/build.js';
import { digestResult } from '../../../kernel/provenance/canonical.js';
import { compareRun, diffResults } from '../../../kernel/provenance/verify.js';
import { buildVerifyRow, formatVerifyReport, verifyExitCode } from '../../../cli/verify.js';
import { formatHistory } from '../../../cli/history.js';
import { isInferraError } from '../../../kernel/errors.js';
import { sampleChain, sampleInput, sampleResultJson } from './fixtures.js';

const stored = sampleResultJson();
const record = buildRecord(sampleInput('c1', null, stored));
const fresh = (resultJson: unknown, datasetSha256 = 'a'.repeat(64)) => ({ datasetSha256, resultJson, resultDigest: digestResult(resultJson) });

describe('compareRun', () => {
  it('says reproduced when the digests agree', () => {
    assert.deepEqual(compareRun({ record, resultJson: stored }, fresh(JSON.parse(JSON.stringify(stored)))), { status: 'reproduced', differences: [] });
  });

  it('says diverged and names the numbers that changed, by path', () => {
    const now = sampleResultJson({ p_value: 0.0606345078732295, df: 55.30940097474651 });
    const comparison = compareRun({ record, resultJson: stored }, fresh(now));
    assert.equal(comparison.status, 'diverged');
    assert.deepEqual(comparison.differences, [
      { path: 'result.df', stored: 55.3094009747465, now: 55.30940097474651 },
      { path: 'result.p_value', stored: 0.0606345078732294, now: 0.0606345078732295 },
    ]);
  });

  it('falls back to the digests when the stored result is not available', () => {
    const now = sampleResultJson({ estimate: 3.8 });
    const comparison = compareRun({ record }, fresh(now));
    assert.equal(comparison.status, 'diverged');
    assert.deepEqual(comparison.differences, [{ path: 'result_digest', stored: record.result_digest, now: digestResult(now) }]);
  });

  it('says data-changed when the dataset hash differs', () => {
    const comparison = compareRun({ record, resultJson: stored }, fresh(stored, 'd'.repeat(64)));
    assert.equal(comparison.status, 'data-changed');
    assert.equal(comparison.differences[0].now, 'd'.repeat(64));
  });

  it('says not-run without a record', () => {
    assert.deepEqual(compareRun({}, fresh(stored)), { status: 'not-run', differences: [] });
  });
});

describe('diffResults', () => {
  it('walks arrays and objects and reports added and removed keys', () => {
    const a = { comparisons: [{ diff: 1, p_adj: 0.5 }, { diff: 2 }], method: 'exact', 'odd key': 1 };
    const b = { comparisons: [{ diff: 1, p_adj: 0.25 }], method: 'exact', extra: true, 'odd key': 1 };
    assert.deepEqual(diffResults(a, b), [
      { path: 'comparisons[0].p_adj', stored: 0.5, now: 0.25 },
      { path: 'comparisons[1]', stored: { diff: 2 }, now: undefined },
      { path: 'extra', stored: undefined, now: true },
    ]);
  });

  it('treats -0 and 0, and NaN and NaN, as equal', () => {
    assert.deepEqual(diffResults({ a: -0, b: NaN }, { a: 0, b: NaN }), []);
  });
});

describe('inferra verify report', () => {
  it('prints one line per cell and exits 1 when a cell diverged', () => {
    const chain = sampleChain(2);
    const last = chain[1];
    const lastResult = sampleResultJson({ estimate: 4.7 });
    assert.equal(last.result_digest, digestResult(lastResult));
    const rows = [
      buildVerifyRow({ cellId: 'c1', source: 'compare len by supp', chain, resultJson: lastResult }, fresh(lastResult)),
      buildVerifyRow({ cellId: 'c2', source: 'describe len', chain: sampleChain(1, 'c2'), resultJson: sampleResultJson({ estimate: 3.7 }) }, fresh(sampleResultJson({ estimate: 3.9 }))),
      buildVerifyRow({ cellId: 'notes', source: '# Notes', chain: [] }, undefined),
    ];
    assert.deepEqual(rows.map((r) => r.status), ['reproduced', 'diverged', 'not-run']);
    const report = formatVerifyReport(rows);
    const lines = report.trimEnd().split('\n');
    // These records bind no cell text or outputs (built without `shown`, as older versions wrote them).
    assert.match(lines[0], /^reproduced\s+c1\s+"compare len by supp"  \(unbound\)$/);
    assert.match(lines[1], /^diverged\s+c2\s+/);
    assert.match(lines[2], /^\s+result\.estimate: 3\.7 -> 3\.9$/);
    assert.match(lines[3], /^not-run\s+notes/);
    assert.match(lines[4], /3 cells: 1 reproduced, 1 diverged, 0 data changed, 1 not run, 2 unbound$/);
    assert.match(lines[5], /^unbound: these records were written by an older Inferra/);
    assert.equal(verifyExitCode(rows), 1);
    assert.equal(verifyExitCode([rows[0], rows[2]]), 0);
  });

  it('flags a broken chain even when the latest result reproduces', () => {
    const chain = JSON.parse(JSON.stringify(sampleChain(2)));
    chain[0].seed = 7;
    const result = sampleResultJson({ estimate: 4.7 });
    const row = buildVerifyRow({ cellId: 'c1', source: 'x', chain, resultJson: result }, fresh(result));
    assert.equal(row.status, 'reproduced');
    assert.equal(row.chainOk, false);
    assert.equal(row.chainBrokenAt, 0);
    assert.match(formatVerifyReport([row]), /chain broken at record 1/);
    assert.equal(verifyExitCode([row]), 1);
  });
});

describe('inferra history', () => {
  const cells = [
    { cellId: 'c1', source: 'compare len by supp', chain: sampleChain(2) },
    { cellId: 'c2', source: 'describe len', chain: [] },
  ];

  it('lists each record with its decision, digest and verification, as JSON', () => {
    const out = formatHistory(cells, { json: true });
    assert.ok(typeof out === 'object');
    assert.equal(out.cells.length, 2);
    assert.equal(out.cells[0].records.length, 2);
    assert.equal(out.cells[0].records[1].decision, 'rule two-group-difference (rules 1)');
    assert.equal(out.cells[0].records[1].result_digest, cells[0].chain[1].result_digest);
    assert.ok(out.cells[0].records.every((r) => r.verified));
    assert.equal(out.cells[0].chain_ok, true);
  });

  it('prints text, filters by --cell, and marks tampered records', () => {
    const tampered = JSON.parse(JSON.stringify(cells[0].chain));
    tampered[1].status = 'error';
    const text = formatHistory([{ ...cells[0], chain: tampered }, cells[1]], { cellId: 'c1' });
    assert.ok(typeof text === 'string');
    assert.match(text, /^cell c1 /);
    assert.doesNotMatch(text, /cell c2/);
    assert.match(text, /#1 .* verified/);
    assert.match(text, /#2 .* NOT VERIFIED/);
    assert.match(text, /chain is broken/);
  });

  it('refuses an unknown --cell with cell-not-found', () => {
    assert.throws(() => formatHistory(cells, { cellId: 'c3' }), (e: unknown) => isInferraError(e) && e.code === 'cell-not-found');
  });
});
