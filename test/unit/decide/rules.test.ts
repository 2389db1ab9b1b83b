/** Loading rules/: schema validation, merge order, coverage of every task id of CONTRACT.md. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRules, findRulesDir, loadRules } from '../../../kernel/decide/rules.js';
import { isInferraError } from '../../../kernel/errors.js';
import { ANALYSIS_IDS, FIGURE_IDS } from '../../../kernel/types.js';

function expectCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => isInferraError(e) && e.code === code);
}

describe('decision rules (rules/*.json)', () => {
  it('load and validate; every analysis and figure id of CONTRACT.md has a rule', () => {
    const rules = defaultRules();
    const tasks = new Set(rules.rules.map((r) => r.task));
    for (const id of [...ANALYSIS_IDS, ...FIGURE_IDS]) assert.ok(tasks.has(id), `no rule yields ${id}`);
    assert.ok(rules.cues.length > 20);
  });

  it('are merged in id order, not file order', () => {
    const ids = defaultRules().rules.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort());
    const dir = mkdtempSync(join(tmpdir(), 'inferra-rules-'));
    try {
      cpSync(findRulesDir(), dir, { recursive: true });
      // Renaming files changes the file order but not the merged set.
      for (const f of readdirSync(dir)) if (f !== 'rules.schema.json') cpSync(join(dir, f), join(dir, `z-${f}`));
      for (const f of readdirSync(dir)) if (!f.startsWith('z-') && f !== 'rules.schema.json') rmSync(join(dir, f));
      assert.deepEqual(loadRules(dir), defaultRules());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reject a file that breaks the JSON schema, a duplicate id and an unknown cue', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-rules-'));
    try {
      cpSync(findRulesDir(), dir, { recursive: true });
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: [{ id: 'x', task: 'not_a_task', priority: 1, roles: {}, explanation: 'x' }] }));
      expectCode(() => loadRules(dir), 'rules-invalid');
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: [{ id: 'describe', task: 'describe', priority: 1, roles: {}, explanation: 'x' }] }));
      expectCode(() => loadRules(dir), 'rules-duplicate-id');
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: [{ id: 'zz', task: 'describe', priority: 1, when: { all: ['no_such_cue'] }, roles: {}, explanation: 'x' }] }));
      expectCode(() => loadRules(dir), 'rules-unknown-cue');
      writeFileSync(join(dir, 'bad.json'), '{ not json');
      expectCode(() => loadRules(dir), 'rules-invalid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expectCode(() => loadRules(join(tmpdir(), 'no-such-rules-dir')), 'rules-not-found');
  });
});
