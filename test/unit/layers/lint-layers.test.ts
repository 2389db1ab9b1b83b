import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../scripts/lint-layers.mjs', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

function lint(root: string) {
  return spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
}

describe('layering rule (DESIGN.md)', () => {
  it('holds for this repository', () => {
    const result = lint(repo);
    assert.equal(result.status, 0, result.stderr);
  });

  it('fails when kernel/ imports vscode or a renderer imports kernel code', () => {
    const root = mkdtempSync(join(tmpdir(), 'inferra-layers-'));
    mkdirSync(join(root, 'kernel'));
    mkdirSync(join(root, 'renderers'));
    writeFileSync(join(root, 'kernel', 'bad.ts'), "import * as vscode from 'vscode';\n");
    writeFileSync(join(root, 'renderers', 'bad.ts'), "import { parseNotebook } from '../kernel/notebook/parse.js';\nimport type { Figure } from '../kernel/types.js';\n");
    const result = lint(root);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /kernel\/bad\.ts: imports 'vscode'/);
    assert.match(result.stderr, /renderers\/bad\.ts: imports '\.\.\/kernel\/notebook\/parse\.js'/);
    assert.doesNotMatch(result.stderr, /kernel\/types\.js/);
    assert.match(result.stderr, /2 violation/);
  });
});
