/**
 * Security review H1 and L2 through the built CLI: provenance binds what a notebook shows (cell
 * text, result, text fallbacks, figures, pinned decision), so `verify` and `history` say `edited`
 * for a forged notebook instead of vouching for it; records of older versions still verify
 * (`unbound`); a malformed record is a `notebook-invalid` with its JSON path, never an internal error.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashRecord } from '../../../kernel/provenance/build.js';
import { runInferra, type CliRun } from '../../support/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));


function inferra(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runInferra(args, { env });
}

type Json = any;

/** The review's forge.py in JS: cell flipper-by-sex changed only in what readers see. */
function forge(nb: Json): Json {
  const cell = nb.cells.find((c: Json) => c.id === 'flipper-by-sex');
  cell.source = 'Is bill depth the same on every island?';
  for (const item of cell.outputs[0].items) {
    if (item.mime === 'application/vnd.inferra.result+json') {
      const r = item.data.result;
      r.summary = "Welch's t(325.28) = -0.61, p = .540, d = -0.07";
      r.result.p_value = 0.54;
      for (const t of r.tables) for (const row of t.rows) for (const k of Object.keys(row)) if (k.startsWith('p')) row[k] = 0.54;
    } else if (item.mime === 'text/plain' || item.mime === 'text/markdown') {
      item.data = item.data.replace('p < .001', 'p = .540').replace(/[-−]4\.81/, '-0.61');
    }
  }
  return nb;
}

/** A record as an Inferra without output binding wrote it: no `source_hash`/`output_digests`, chain re-hashed. */
function unbind(nb: Json): Json {
  for (const cell of nb.cells) {
    const chain = cell.inferra?.provenance;
    if (!chain) continue;
    let previous: string | null = null;
    for (const record of chain) {
      delete record.source_hash;
      delete record.output_digests;
      record.previous_hash = previous;
      record.hash = hashRecord(record);
      previous = record.hash;
    }
  }
  return nb;
}

describe('provenance binds what the notebook shows (review H1, L2)', function () {
  this.timeout(120_000);
  let dir: string;
  let ran: string;

  const write = (name: string, nb: Json) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(nb, null, 1));
    return path;
  };
  const fresh = (): Json => JSON.parse(ran);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inferra-bind-'));
    copyFileSync(join(root, 'samples', 'penguins.csv'), join(dir, 'penguins.csv'));
    copyFileSync(join(root, 'samples', 'penguins.inferra'), join(dir, 'penguins.inferra'));
    const run = await inferra(['run', join(dir, 'penguins.inferra'), '--out', join(dir, 'p.inferra')]);
    assert.equal(run.code, 0, run.stderr);
    ran = readFileSync(join(dir, 'p.inferra'), 'utf8');
  });

  it('binds each record to the cell text and the stored outputs', () => {
    const cell = fresh().cells.find((c: Json) => c.id === 'flipper-by-sex');
    const record = cell.inferra.provenance.at(-1);
    assert.match(record.source_hash, /^[0-9a-f]{64}$/);
    const paths = record.output_digests.map((p: Json) => p.path);
    for (const path of [
      'outputs[0].items[0].data.result.summary',
      'outputs[0].items[0].data.result.tables',
      'outputs[0].items[0].data.decision',
      'outputs[0].items[1]',
      'outputs[0].items[2]',
      'outputs[0].items[3]',
      'inferra.decision',
    ]) assert.ok(paths.includes(path), path);
  });

  it('verify says edited (exit 1) with the paths of the forged cell text, result and text outputs; history says edited', async () => {
    const nb = write('forged.inferra', forge(fresh()));
    const verify = await inferra(['verify', nb]);
    assert.equal(verify.code, 1, verify.stdout);
    assert.match(verify.stdout, /^edited\s+flipper-by-sex\s+"Is bill depth the same on every island\?"$/m);
    for (const part of [
      /cells\[2\]\.source \(cell text\): changed after the run/,
      /cells\[2\]\.outputs\[0\]\.items\[0\]\.data\.result\.summary \(result summary\): changed/,
      /cells\[2\]\.outputs\[0\]\.items\[0\]\.data\.result\.result \(result values\): changed/,
      /cells\[2\]\.outputs\[0\]\.items\[0\]\.data\.result\.tables \(result tables\): changed/,
      /cells\[2\]\.outputs\[0\]\.items\[2\] \(Markdown text\): changed/,
      /cells\[2\]\.outputs\[0\]\.items\[3\] \(plain text\): changed/,
    ]) assert.match(verify.stdout, part);
    // The other cells were re-run and still reproduce.
    assert.match(verify.stdout, /^reproduced\s+mass-by-species/m);
    assert.match(verify.stdout, /9 cells: 8 reproduced, 0 diverged, 0 data changed, 0 not run, 1 edited/);

    const json = JSON.parse((await inferra(['verify', nb, '--json'])).stdout);
    const row = json.cells.find((c: Json) => c.cellId === 'flipper-by-sex');
    assert.equal(row.status, 'edited');
    assert.ok(row.edits.some((e: Json) => e.path === 'cells[2].source' && e.label === 'cell text'));

    const history = await inferra(['history', nb, '--cell', 'flipper-by-sex']);
    assert.equal(history.code, 0, history.stderr);
    assert.match(history.stdout, /#1 .* edited$/m);
    assert.doesNotMatch(history.stdout, /verified/);
    assert.match(history.stdout, /changed after this run: cells\[2\]\.source, /);
  });

  it('an edited figure, an edited pinned decision and an added output item are edits too', async () => {
    const nb = fresh();
    const cell = nb.cells.find((c: Json) => c.id === 'flipper-by-sex');
    cell.outputs[0].items[1].data.title = 'Something else';
    cell.inferra.decision.options = { where: [{ column: 'island', op: '=', value: 'Biscoe' }] };
    cell.outputs[0].items.push({ mime: 'text/html', data: '<b>p = .540</b>' });
    const verify = await inferra(['verify', write('figure.inferra', nb)]);
    assert.equal(verify.code, 1);
    assert.match(verify.stdout, /cells\[2\]\.outputs\[0\]\.items\[1\] \(figure 1\): changed after the run/);
    assert.match(verify.stdout, /cells\[2\]\.inferra\.decision \(pinned decision\): changed after the run/);
    assert.match(verify.stdout, /cells\[2\]\.outputs\[0\]\.items\[4\] \(output 1 item 5 \(text\/html\)\): added after the run/);
  });

  it('cleared outputs are not an edit', async () => {
    const nb = fresh();
    for (const cell of nb.cells) delete cell.outputs;
    const verify = await inferra(['verify', write('cleared.inferra', nb)]);
    assert.equal(verify.code, 0, verify.stdout);
    assert.match(verify.stdout, /9 cells: 9 reproduced/);
  });

  it('records of older versions verify as before, marked unbound; their result digest and pinned text are still held', async () => {
    const old = await inferra(['verify', write('old.inferra', unbind(fresh()))]);
    assert.equal(old.code, 0, old.stdout);
    assert.match(old.stdout, /^reproduced\s+flipper-by-sex\s+".*"  \(unbound\)$/m);
    assert.match(old.stdout, /9 reproduced, .*9 unbound/);
    assert.match(old.stdout, /^unbound: these records were written by an older Inferra/m);

    const forgedOld = await inferra(['verify', write('old-forged.inferra', forge(unbind(fresh())))]);
    assert.equal(forgedOld.code, 1, forgedOld.stdout);
    assert.match(forgedOld.stdout, /^edited\s+flipper-by-sex/m);
    // The question: only the pinned decision's source_hash shows it. The result: its result_digest.
    assert.match(forgedOld.stdout, /cells\[2\]\.source \(cell text \(the pinned decision was made for another text\)\)/);
    assert.match(forgedOld.stdout, /cells\[2\]\.outputs\[0\]\.items\[0\]\.data\.result \(result\): changed/);
  });

  it('a malformed provenance record makes run, history and verify say notebook-invalid with its path (exit 2), not INTERNAL_ERROR', async () => {
    const nb = fresh();
    nb.cells.find((c: Json) => c.id === 'flipper-by-sex').inferra.provenance = [{ garbage: true }];
    const path = write('garbage.inferra', nb);
    const before = readFileSync(path, 'utf8');
    for (const command of [['run', path], ['history', path], ['verify', path]]) {
      const out = await inferra(command);
      assert.equal(out.code, 2, `${command[0]}: ${out.stderr}`);
      assert.match(out.stderr, /not a valid Inferra notebook: provenance record 1 of this cell is not a record Inferra wrote/);
      assert.match(out.stderr, /at cells\.2\.inferra\.provenance\.0\.run_id/);
      assert.doesNotMatch(out.stderr + out.stdout, /INTERNAL|internal error|Cannot destructure|Cannot read properties/);
    }
    const json = JSON.parse((await inferra(['history', path, '--json'])).stdout);
    assert.equal(json.code, 'NOTEBOOK_INVALID');
    assert.equal(json.details.where, 'cells.2.inferra.provenance.0.run_id');
    assert.equal(readFileSync(path, 'utf8'), before);
  });
});
