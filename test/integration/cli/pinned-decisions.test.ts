/**
 * Security review L8 through the built CLI: a pinned decision from a received notebook is applied,
 * but no longer silently. Two users (two config folders, so two pinning identities) run the same
 * notebook; the review's edit (a `where` filter and a one-sided alternative added to the pin, its
 * `source_hash` unchanged) shows on the decision line of the stored outputs and in the HTML report.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInferra, type CliRun } from '../../support/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function inferra(args: string[], configHome: string): Promise<CliRun> {
  return runInferra(args, { env: { XDG_CONFIG_HOME: configHome } });
}

type Json = any;

function shown(path: string): { payload: Json; plain: string; markdown: string } {
  const cell = JSON.parse(readFileSync(path, 'utf8')).cells.find((c: Json) => c.id === 'flipper-by-sex');
  const items = cell.outputs[0].items;
  return {
    payload: items.find((i: Json) => i.mime === 'application/vnd.inferra.result+json').data,
    plain: items.find((i: Json) => i.mime === 'text/plain').data,
    markdown: items.find((i: Json) => i.mime === 'text/markdown').data,
  };
}

describe('pinned decisions from someone else are shown as such (review L8)', function () {
  this.timeout(120_000);
  let dir: string;
  let alice: string;
  let bob: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inferra-pins-'));
    alice = join(dir, 'alice-config');
    bob = join(dir, 'bob-config');
    copyFileSync(join(root, 'samples', 'penguins.csv'), join(dir, 'penguins.csv'));
    const source = JSON.parse(readFileSync(join(root, 'samples', 'penguins.inferra'), 'utf8'));
    source.cells = source.cells.filter((c: Json) => c.kind === 'markdown' || c.id === 'flipper-by-sex');
    writeFileSync(join(dir, 'penguins.inferra'), JSON.stringify(source));
    const run = await inferra(['run', join(dir, 'penguins.inferra'), '--out', join(dir, 'alice.inferra')], alice);
    assert.equal(run.code, 0, run.stderr);
  });

  it('the author\'s own pin is signed and shows no mark when the author runs it again', async () => {
    const pin = JSON.parse(readFileSync(join(dir, 'alice.inferra'), 'utf8')).cells.find((c: Json) => c.id === 'flipper-by-sex').inferra.decision;
    assert.match(pin.pinned_by.id, /^a-[0-9a-f]{16}$/);
    assert.match(pin.pinned_by.mac, /^[0-9a-f]{64}$/);
    const again = await inferra(['run', join(dir, 'alice.inferra'), '--out', join(dir, 'alice-again.inferra')], alice);
    assert.equal(again.code, 0, again.stderr);
    const out = shown(join(dir, 'alice-again.inferra'));
    assert.equal(out.payload.decision.pin_origin, undefined);
    assert.doesNotMatch(out.plain, /pinned/);
  });

  it('another user running it sees "pinned by another author"', async () => {
    const run = await inferra(['run', join(dir, 'alice.inferra'), '--out', join(dir, 'bob.inferra')], bob);
    assert.equal(run.code, 0, run.stderr);
    const out = shown(join(dir, 'bob.inferra'));
    assert.equal(out.payload.decision.pin_origin, 'another-author');
    assert.match(out.plain.split('\n')[0], /^Welch's two-sample t-test \(outcome = flipper_length_mm, group = sex\) · pinned by another author$/);
  });

  it('the review\'s edited pin (where + one-sided) shows both options and "pinned in the file, not by you", in the outputs and the report', async () => {
    const nb = JSON.parse(readFileSync(join(dir, 'alice.inferra'), 'utf8'));
    const cell = nb.cells.find((c: Json) => c.id === 'flipper-by-sex');
    cell.inferra.decision.options = { where: [{ column: 'island', op: '=', value: 'Biscoe' }], alternative: 'less' };
    writeFileSync(join(dir, 'edited.inferra'), JSON.stringify(nb));
    // Alice herself: the pin carries her id, but her signature no longer matches what it says.
    const run = await inferra(['run', join(dir, 'edited.inferra'), '--out', join(dir, 'edited-run.inferra'), '--html', join(dir, 'report.html')], alice);
    assert.equal(run.code, 0, run.stderr);
    const out = shown(join(dir, 'edited-run.inferra'));
    assert.equal(out.payload.decision.pin_origin, 'file');
    assert.deepEqual(out.payload.result.options.where, [{ column: 'island', op: '=', value: 'Biscoe' }]);
    const line = 'only rows where island = Biscoe · one-sided test (alternative: less) · pinned in the file, not by you';
    assert.ok(out.plain.split('\n')[0].endsWith(line), out.plain.split('\n')[0]);
    assert.match(out.markdown.split('\n')[0], /\*\*only rows where island = Biscoe\*\* · \*\*one-sided test \(alternative: less\)\*\* · \*\*pinned in the file, not by you\*\*/);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(html, /<dt>Options<\/dt><dd><strong>only rows where island = Biscoe<\/strong>; <strong>one-sided test \(alternative: less\)<\/strong>/);
    assert.match(html, /pinned in the file, not by you/);
  });
});
