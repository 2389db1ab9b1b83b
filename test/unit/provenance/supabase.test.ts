import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InferraError } from '../../../kernel/errors.js';
import { buildRecord } from '../../../kernel/provenance/build.js';
import { createFileSessionStorage } from '../../../kernel/provenance/session-file.js';
import { buildRestError, buildRunRow, classifySupabaseError, figurePath, quietAuthFetch } from '../../../kernel/provenance/supabase.js';
import { sampleInput, sampleResultJson } from './fixtures.js';

describe('Supabase rows and errors (no server)', () => {
  it('builds the analysis_runs row from a record', () => {
    const result = sampleResultJson();
    const record = buildRecord(sampleInput());
    const row = buildRunRow('u-1', { notebookId: 'nb', record, result }, [{ name: 'boxplot-1', path: 'p', sha256: 's' }]);
    assert.equal(row.client_run_id, record.run_id);
    assert.equal(row.record_hash, record.hash);
    assert.equal(row.result_digest, record.result_digest);
    assert.deepEqual(row.parameters, { roles: record.plan.roles, options: record.plan.options, seed: 42 });
    assert.equal((row.decision as Record<string, unknown>).rule_id, 'two-group-difference');
    assert.equal((row.decision as Record<string, unknown>).roles, undefined);
    assert.deepEqual(row.dataset_hashes, [{ name: 'ToothGrowth.csv', sha256: 'a'.repeat(64), table_hash: 'b'.repeat(64), rows: 60, rows_used: 60 }]);
  });

  it('puts figures under the user folder with a path-safe notebook id', () => {
    assert.equal(figurePath('u-1', 'papers/../ch 2.inferra', 'r-1', 'box plot'), 'u-1/papers_.._ch_2.inferra/r-1/box_plot.svg');
    assert.equal(figurePath('u-1', '..', 'r-1', 'a'), 'u-1/_/r-1/a.svg');
  });

  it('maps PostgREST errors to codes and says which ones to retry', () => {
    const cases: [Parameters<typeof buildRestError>[0], number, string, 'retry' | 'reject'][] = [
      [{ message: 'TypeError: fetch failed', code: '' }, 0, 'supabase-network', 'retry'],
      [{ message: 'JWT expired', code: 'PGRST301' }, 401, 'supabase-session-expired', 'retry'],
      [{ message: 'Invalid API key' }, 401, 'supabase-bad-config', 'retry'],
      [{ message: 'new row violates row-level security policy for table "analysis_runs"', code: '42501' }, 403, 'supabase-rls-refused', 'reject'],
      [{ message: 'An invalid response was received from the upstream server' }, 503, 'supabase-request-failed', 'retry'],
      [{ message: 'new row for relation "analysis_runs" violates check constraint', code: '23514' }, 400, 'supabase-request-failed', 'reject'],
    ];
    for (const [error, status, code, action] of cases) {
      const mapped = buildRestError(error, status, 'https://x.supabase.co', 'analysis_runs', 'append a run');
      assert.equal(mapped.code, code, error.message);
      assert.equal(classifySupabaseError(mapped), action, error.message);
    }
    assert.equal(classifySupabaseError(new Error('anything else')), 'retry');
    assert.equal(classifySupabaseError(new InferraError('supabase-not-signed-in')), 'retry');
  });

  it('turns an auth network failure into a 503 answer, and passes other failures through', async () => {
    const failing = (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }) as typeof fetch;
    const quiet = quietAuthFetch(failing);
    const res = await quiet('https://x.supabase.co/auth/v1/token?grant_type=refresh_token');
    assert.equal(res.status, 503);
    assert.match((await res.json()).msg, /ECONNREFUSED/);
    await assert.rejects(quiet('https://x.supabase.co/rest/v1/analysis_runs'), /fetch failed/);
  });
});

describe('file session storage', () => {
  it('keeps items in a 0600 file and removes the file when empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-session-unit-'));
    try {
      const file = join(dir, 'inferra', 'supabase-session.json');
      const storage = createFileSessionStorage(file);
      assert.equal(await storage.getItem('k'), null);
      await storage.setItem('k', '{"access_token":"t"}');
      await storage.setItem('other', 'v');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(await createFileSessionStorage(file).getItem('k'), '{"access_token":"t"}');
      await storage.removeItem('k');
      await storage.removeItem('other');
      assert.equal(existsSync(file), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
