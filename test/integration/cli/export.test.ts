/**
 * `inferra export NB --html OUT.html` as a program (the built CLI in a child process): the report of
 * the outputs stored in a notebook, without running it, and without reading or contacting anything
 * the notebook names (C1: a stored spec naming a local secret file and a loopback listener).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInferra, type CliRun } from '../../support/cli.js';
import { exfiltratingSpec, SECRET, startBeacon, type Beacon } from '../../support/hostile.js';

const RESULT_MIME = 'application/vnd.inferra.result+json';
const VEGA_MIME = 'application/vnd.vegalite.v6+json';


function inferra(args: string[]): Promise<CliRun> {
  return runInferra(args);
}

describe('inferra export (CONTRACT.md additions)', function () {
  this.timeout(60_000);
  let beacon: Beacon;
  let base: string;
  let requests: string[];
  let dir: string;
  let notebookPath: string;
  let notebookText: string;

  before(async () => {
    beacon = await startBeacon();
    ({ base, requests } = beacon);
    dir = mkdtempSync(join(tmpdir(), 'inferra-export-'));
    const secret = join(dir, 'id_ed25519');
    writeFileSync(secret, SECRET);
    const payload = {
      status: 'ok', cellId: 'a', request: 'compare flipper length between sexes',
      result: {
        status: 'ok', analysis: 'ttest_welch', variant: 'Welch two-sample t-test', n: 333, dropped: [],
        summary: "Welch's t(325.28) = -4.81, p < .001",
        tables: [{ title: 'Welch two-sample t-test', columns: [{ key: 't', label: 't' }], rows: [{ t: -4.8079 }] }],
      },
    };
    const evil = exfiltratingSpec(secret, base);
    const fine = { title: 'Fine', data: { values: [{ a: 1, b: 2 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } } };
    notebookText = JSON.stringify({
      format: 'inferra-notebook', version: 1, metadata: { title: 'Penguins' },
      datasets: [{ name: 'remote', path: `${base}/data.csv` }, { name: 'gone', path: join(dir, 'missing.csv') }],
      cells: [
        { id: 'a', kind: 'ask', source: 'compare flipper length between sexes', outputs: [{ items: [{ mime: RESULT_MIME, data: payload }, { mime: VEGA_MIME, data: evil }] }, { items: [{ mime: VEGA_MIME, data: fine }] }] },
        { id: 'b', kind: 'ask', source: 'describe the data', outputs: [{ items: [{ mime: RESULT_MIME, data: { ...payload, status: 'pwned', result: { ...payload.result, tables: 'x' } } }] }] },
      ],
    }, null, 1);
    notebookPath = join(dir, 'evil.inferra');
    writeFileSync(notebookPath, notebookText);
  });

  after(async () => {
    await beacon.close();
  });

  it('writes the report of the stored outputs without running, reading or contacting anything the notebook names', async () => {
    const out = join(dir, 'reports', 'report.html');
    const run = await inferra(['export', notebookPath, '--html', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /report: .*report\.html \(\d+ KB\)/);
    const html = readFileSync(out, 'utf8');
    assert.ok(html.includes('Welch&#39;s t(325.28) = -4.81'), 'the stored summary');
    assert.ok(html.includes('<td class="num">-4.808</td>'), 'the stored table');
    assert.ok(!html.includes('OPENSSH') && !html.includes('FAKEFAKE'), 'the secret file is not in the report');
    assert.ok(!/href="https?:/i.test(html) && !html.includes(`${base}/x`), 'no image address pointing at the listener');
    assert.match(html, /Figure not shown: it refers to an external resource/);
    assert.equal(html.match(/<svg/g)?.length, 1, 'the self-contained figure is drawn');
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    assert.ok(html.includes('Notebook <code>evil.inferra</code>') && !html.includes(`<code>${notebookPath}</code>`), 'the file name, not the path');
    assert.match(html, /Stored output could not be read: <code>cells\[1\]\.outputs\[0\]\.items\[0\]\.data\.status<\/code>/);
    assert.match(html, /Stored output could not be read: <code>cells\[1\]\.outputs\[0\]\.items\[0\]\.data\.result\.tables<\/code>/);
    assert.deepEqual(requests, []);
    assert.equal(readFileSync(notebookPath, 'utf8'), notebookText, 'the notebook is not touched');
  });

  it('bad usage and unreadable notebooks exit 2 with one readable line, writing nothing', async () => {
    const invalid = join(dir, 'invalid.inferra');
    writeFileSync(invalid, '{"format": "inferra-notebook", "version": 1, "cells": [{"id": "a"}]}');
    const cases: [string[], RegExp][] = [
      [['export', notebookPath], /Usage: inferra export NB\.inferra --html OUT\.html/],
      [['export', '--html', join(dir, 'x.html')], /Usage: inferra export/],
      [['export', notebookPath, '--html', join(dir, 'report.txt')], /must end in \.html/],
      [['export', notebookPath, '--html', notebookPath], /must end in \.html/],
      [['export', join(dir, 'no-such.inferra'), '--html', join(dir, 'y.html')], /no such file/],
      [['export', invalid, '--html', join(dir, 'z.html')], /invalid\.inferra/],
      [['export', notebookPath, '--html', join(dir, 'w.html'), '--out', 'x'], /unknown option --out/],
    ];
    for (const [args, message] of cases) {
      const run = await inferra(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.ok(!/\n\s+at /.test(run.stderr), 'no stack trace');
    }
    for (const name of ['report.txt', 'y.html', 'z.html', 'w.html', 'x.html']) assert.ok(!existsSync(join(dir, name)), name);
    assert.equal(readFileSync(notebookPath, 'utf8'), notebookText);
  });

  it('refuses a report path that is the notebook itself, also when the notebook ends in .html', async () => {
    const odd = join(dir, 'odd.html');
    writeFileSync(odd, notebookText);
    const run = await inferra(['export', odd, '--html', odd]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /would replace the notebook itself/);
    assert.equal(readFileSync(odd, 'utf8'), notebookText);
    mkdirSync(join(dir, 'folder.html'));
    const folder = await inferra(['export', notebookPath, '--html', join(dir, 'folder.html')]);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /could not write the report to .*folder\.html.*: it is a folder/);
  });

  it('is listed in the help', async () => {
    const main = await inferra(['--help']);
    assert.match(main.stdout, /inferra export NB\.inferra --html OUT\.html/);
    const own = await inferra(['export', '--help']);
    assert.equal(own.code, 0);
    assert.match(own.stdout, /without running it/);
  });
});
