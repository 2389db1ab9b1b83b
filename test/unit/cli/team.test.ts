/**
 * The team's record as the CLI shows it (cli/team.ts) and a notebook's project in its metadata
 * (kernel/notebook/project.ts): which project id runs carry, and the per-cell verdict of
 * `verify --against-supabase`. The database side is tested in test/integration/supabase/teams.test.ts.
 */
import assert from 'node:assert/strict';
import { projectForUrl, readNotebookProject, setNotebookProject } from '../../../kernel/notebook/project.js';
import type { ProjectRun, ProvenanceRecord } from '../../../kernel/api.js';
import { checkAgainstTeamRecord, formatProjectHistory, formatTeamRecord } from '../../../cli/team.js';

const ID = '0b7e9d5c-3f7a-4c2e-9a51-6d2f1f0c8a11';
const hash = (c: string) => c.repeat(64);
const run = (cellId: string, recordHash: string, createdAt: string, recordedBy = 'Ada <ada@example.test>'): ProjectRun => ({
  id: `row-${cellId}-${createdAt}`, userId: 'u-1', recordedBy, notebookId: 'study.inferra', cellId, runId: `run-${cellId}`, status: 'ok',
  analysis: 'ttest_welch', resultDigest: hash('d'), recordHash, startedAt: createdAt, createdAt, figures: [], record: {} as ProvenanceRecord,
});
const chain = (...hashes: string[]) => hashes.map((h) => ({ hash: h }) as ProvenanceRecord);

describe('a notebook’s Supabase project and the team record (CLI)', () => {
  it('reads, writes and removes the project in the metadata; a malformed entry counts as none', () => {
    const notebook = { metadata: { title: 'Sleep' } as Record<string, unknown> };
    assert.equal(readNotebookProject(notebook.metadata), undefined);
    setNotebookProject(notebook, { id: ID.toUpperCase(), name: 'Sleep study', url: 'https://abcd.supabase.co' });
    assert.deepEqual(readNotebookProject(notebook.metadata), { id: ID, name: 'Sleep study', url: 'https://abcd.supabase.co' });
    assert.equal(readNotebookProject({ supabase_project: { id: 'not-a-uuid', name: 'x' } }), undefined);
    setNotebookProject(notebook, undefined);
    assert.deepEqual(notebook.metadata, { title: 'Sleep' });
  });

  it('runs carry the project only on the Supabase it was chosen on', () => {
    const project = { id: ID, name: 'Sleep study', url: 'https://abcd.supabase.co/' };
    assert.deepEqual(projectForUrl(project, 'https://abcd.supabase.co'), { projectId: ID });
    assert.deepEqual(projectForUrl({ id: ID, name: 'Sleep study' }, 'https://other.supabase.co'), { projectId: ID });
    assert.match(projectForUrl(project, 'https://other.supabase.co').mismatch ?? '', /is on https:\/\/abcd\.supabase\.co\/, not on https:\/\/other\.supabase\.co; its runs are recorded as personal runs/);
    assert.deepEqual(projectForUrl(undefined, 'https://abcd.supabase.co'), {});
  });

  it('names the earliest project run holding each cell’s latest record hash, and flags the others', () => {
    const runs = [run('a', hash('1'), '2026-12-07T10:00:00Z', 'Bo <bo@example.test>'), run('a', hash('1'), '2026-12-07T09:00:00Z'), run('b', hash('9'), '2026-12-07T09:30:00Z')];
    const checks = checkAgainstTeamRecord([
      { cellId: 'a', chain: chain(hash('0'), hash('1')) },
      { cellId: 'b', chain: chain(hash('2')) },
      { cellId: 'c', chain: [] },
    ], runs);
    assert.deepEqual(checks, [
      { cell_id: 'a', record_hash: hash('1'), recorded: true, recorded_by: 'Ada <ada@example.test>', recorded_at: '2026-12-07T09:00:00Z' },
      { cell_id: 'b', record_hash: hash('2'), recorded: false },
      { cell_id: 'c', record_hash: null, recorded: false },
    ]);
    const text = formatTeamRecord({ id: ID, name: 'Sleep study', role: 'viewer', ownerId: 'u-0', archived: false, createdAt: '' }, checks);
    assert.equal(text, [
      'team record (project Sleep study):',
      '  a  recorded by Ada <ada@example.test> at 2026-12-07T09:00:00Z',
      '  b  NOT in the team record (no project run has this record hash)',
      '  c  never run',
      '1 of 2 run cells recorded in the project',
      '',
    ].join('\n'));
  });

  it('lists a project’s runs by notebook and cell, newest first within a cell', () => {
    const project = { id: ID, name: 'Sleep study', role: 'editor' as const, ownerId: 'u-0', archived: true, createdAt: '' };
    const runs = [run('b', hash('2'), '2026-12-07T09:00:00Z'), run('a', hash('1'), '2026-12-07T08:00:00Z'), run('a', hash('3'), '2026-12-07T11:00:00Z')];
    const text = String(formatProjectHistory(project, runs, false));
    assert.deepEqual(text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()), [
      'project Sleep study (you are an editor; archived): 3 runs',
      'notebook study.inferra',
      'cell a',
      `2026-12-07T11:00:00Z ok ttest_welch result ${'d'.repeat(12)} by Ada <ada@example.test>`,
      `2026-12-07T08:00:00Z ok ttest_welch result ${'d'.repeat(12)} by Ada <ada@example.test>`,
      'cell b',
      `2026-12-07T09:00:00Z ok ttest_welch result ${'d'.repeat(12)} by Ada <ada@example.test>`,
      '',
    ]);
    const json = formatProjectHistory(project, runs, true) as { project: unknown; runs: { cell_id: string; recorded_at: string }[] };
    assert.deepEqual(json.project, { id: ID, name: 'Sleep study', role: 'editor', archived: true });
    assert.deepEqual(json.runs.map((r) => [r.cell_id, r.recorded_at]), [['a', '2026-12-07T11:00:00Z'], ['a', '2026-12-07T08:00:00Z'], ['b', '2026-12-07T09:00:00Z']]);
  });
});
