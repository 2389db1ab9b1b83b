import assert from 'node:assert/strict';
import { appendRecord, buildRecord, hashRecord, verifyChain } from '../../../kernel/provenance/build.js';
import { digestResult } from '../../../kernel/provenance/canonical.js';
import { collectEnvironment } from '../../../kernel/provenance/environment.js';
import { parseProvenanceChain, parseProvenanceRecord } from '../../../kernel/provenance/record.js';
import { isInferraError } from '../../../kernel/errors.js';
import { sampleChain, sampleInput, sampleResultJson } from './fixtures.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('buildRecord', () => {
  it('writes the snake_case record with digests, duration and a hash over everything else', () => {
    const record = buildRecord(sampleInput());
    assert.match(record.run_id, /^[0-9a-f-]{36}$/);
    assert.equal(record.duration_ms, 125); // exact: 125 ms between the two timestamps
    assert.equal(record.result_digest, digestResult(sampleResultJson()));
    assert.equal(record.previous_hash, null);
    assert.equal(record.hash, hashRecord(record));
    assert.deepEqual(record.plan.roles, { outcome: 'len', group: 'supp' });
    assert.equal(record.plan.options.conf_level, 0.95);
    assert.equal(record.datasets[0].rows_used, 60);
    assert.equal(record.datasets[0].table_hash, 'b'.repeat(64));
    assert.equal(record.figure_digests.length, 1);
  });

  it('writes pair_id and the LLM call in snake_case', () => {
    const input = sampleInput();
    input.plan = { ...input.plan, source: 'llm', roles: { pairId: 'ID', outcome: 'extra' }, llm: { model: 'grok-3-mini', promptHash: 'f'.repeat(64), costUsd: 0.0004, usage: { promptTokens: 10 } } };
    const record = buildRecord(input);
    assert.deepEqual(record.plan.roles, { pair_id: 'ID', outcome: 'extra' });
    assert.deepEqual(record.plan.llm, { model: 'grok-3-mini', prompt_hash: 'f'.repeat(64), usage: { prompt_tokens: 10 }, cost_usd: 0.0004 });
  });

  it('records a failed run with no result digest and its error code', () => {
    const record = buildRecord({ ...sampleInput(), status: 'error', resultJson: undefined, figures: [], errorCode: 'column-not-found' });
    assert.equal(record.result_digest, null);
    assert.equal(record.error_code, 'column-not-found');
    assert.ok(verifyChain([record]).ok);
  });

  it('keeps unknown fields through parsing and hashes them', () => {
    const record = buildRecord({ ...sampleInput(), extra: { future_field: { x: 1 } } });
    const parsed = parseProvenanceRecord(clone({ ...record, plan: { ...record.plan, newer: true } }));
    assert.deepEqual((parsed as Record<string, unknown>).future_field, { x: 1 });
    assert.equal((parsed.plan as Record<string, unknown>).newer, true);
    assert.equal(hashRecord(clone(record)), record.hash);
  });

  it('refuses malformed records with provenance-record-invalid', () => {
    const record = buildRecord(sampleInput());
    for (const bad of [{ ...record, status: 'finished' }, { ...record, hash: 'xyz' }, { ...record, run_id: undefined }, 'nope']) {
      assert.throws(() => parseProvenanceRecord(bad), (e: unknown) => isInferraError(e) && e.code === 'provenance-record-invalid');
    }
    assert.throws(() => parseProvenanceChain({}), (e: unknown) => isInferraError(e) && e.code === 'provenance-record-invalid');
  });
});

describe('provenance chain', () => {
  it('links each record to the previous one and verifies', () => {
    const chain = sampleChain(4);
    assert.equal(chain[0].previous_hash, null);
    for (let i = 1; i < chain.length; i++) assert.equal(chain[i].previous_hash, chain[i - 1].hash);
    assert.deepEqual(verifyChain(chain), { ok: true });
    assert.deepEqual(verifyChain(parseProvenanceChain(clone(chain))), { ok: true }); // survives the file round trip
  });

  it('detects an edited number in an old record', () => {
    const chain = clone(sampleChain(3));
    chain[1].datasets[0].rows_used = 59;
    assert.deepEqual(verifyChain(chain), { ok: false, brokenAt: 1, problem: 'hash-mismatch' });
  });

  it('detects a forged record whose hash was recomputed (the next link breaks)', () => {
    const chain = clone(sampleChain(3));
    chain[1].result_digest = 'c'.repeat(64);
    chain[1].hash = hashRecord(chain[1]);
    assert.deepEqual(verifyChain(chain), { ok: false, brokenAt: 2, problem: 'link-mismatch' });
  });

  it('detects removed and reordered records', () => {
    const chain = sampleChain(3);
    assert.equal(verifyChain([chain[0], chain[2]]).brokenAt, 1);
    assert.equal(verifyChain([chain[1], chain[0], chain[2]]).brokenAt, 0);
  });

  it('appendRecord re-links a record built without the previous one', () => {
    const chain = sampleChain(2);
    const orphan = buildRecord(sampleInput('c1', null));
    const appended = appendRecord(chain, orphan);
    assert.equal(appended.length, 3);
    assert.equal(appended[2].previous_hash, chain[1].hash);
    assert.equal(appended[2].run_id, orphan.run_id);
    assert.deepEqual(verifyChain(appended), { ok: true });
    const linked = buildRecord(sampleInput('c1', appended[2]));
    assert.equal(appendRecord(appended, linked)[3], linked); // already linked: appended as is
  });
});

describe('collectEnvironment', () => {
  it('reads the versions from the installed packages', () => {
    const env = collectEnvironment();
    assert.equal(env.inferra, '0.1.0');
    assert.match(env.stdlib_stats, /^\d+\.\d+\.\d+/);
    assert.match(env.duckdb, /^\d+\.\d+\.\d+/);
    assert.equal(env.node, process.versions.node);
  });
});

