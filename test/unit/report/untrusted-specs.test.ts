/**
 * C1 (security review 2026-12): a report exported from a received notebook never touches the disk or
 * the network because of a stored figure spec. The notebook is the review's make-evil.py: a stored
 * Vega-Lite spec reads a local "secret" file and turns each line into an image URL on a loopback
 * listener; further specs fetch a URL themselves, carry a `javascript:` link, or an image mark.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { exportHtmlReport } from '../../../kernel/report/export.js';
import { externalReferenceIn, REFUSING_LOADER } from '../../../kernel/contract/figure-spec.js';
import { parseNotebook } from '../../../kernel/notebook/parse.js';
import type { Notebook } from '../../../kernel/notebook/format.js';
import { exfiltratingSpec, SECRET, startBeacon, type Beacon } from '../../support/hostile.js';

/** One ask cell holding a result payload and the given spec, as the review's notebook does. */
function askCell(id: string, spec: unknown): Record<string, unknown> {
  const payload = {
    status: 'ok', cellId: id, request: 'compare flipper length between sexes',
    result: { status: 'ok', analysis: 'ttest_welch', n: 333, dropped: [], summary: 't(325.28) = -4.81, p < .001' },
  };
  return {
    id, kind: 'ask', source: 'compare flipper length between sexes',
    outputs: [{ items: [{ mime: 'application/vnd.inferra.result+json', data: payload }, { mime: 'application/vnd.vegalite.v6+json', data: spec }] }],
  };
}

function notebookOf(cells: Record<string, unknown>[]): Notebook {
  return parseNotebook(JSON.stringify({ format: 'inferra-notebook', version: 1, metadata: { title: 'Penguins' }, datasets: [], cells }), 'evil.inferra');
}

describe('report from a received notebook (C1)', function () {
  this.timeout(60_000);
  let beacon: Beacon;
  let base: string;
  let requests: string[];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  let dir: string;
  let secretPath: string;

  before(async () => {
    beacon = await startBeacon();
    ({ base, requests } = beacon);
    dir = mkdtempSync(join(tmpdir(), 'inferra-c1-'));
    secretPath = join(dir, 'id_ed25519');
    writeFileSync(secretPath, SECRET);
    process.on('unhandledRejection', onRejection);
  });

  after(async () => {
    process.off('unhandledRejection', onRejection);
    await beacon.close();
  });

  async function exportOf(cells: Record<string, unknown>[]): Promise<string> {
    const out = join(dir, `report-${cells.length}-${Math.random().toString(36).slice(2)}.html`);
    await exportHtmlReport(notebookOf(cells), join(dir, 'evil.inferra'), out);
    // Let any promise vega left behind settle before the assertions (one macrotask turn is enough).
    await new Promise((resolve) => setImmediate(resolve));
    return readFileSync(out, 'utf8');
  }

  it('does not read a local file named by a stored spec, nor write image links to a listener', async () => {
    const html = await exportOf([askCell('a', exfiltratingSpec(secretPath, base)), askCell('b', exfiltratingSpec('/proc/self/environ', base))]);
    assert.ok(!html.includes('OPENSSH'), 'the secret file is not in the report');
    assert.ok(!html.includes('b3BlbnNzaC1rZXktdjEAAAAAFAKEFAKE'), 'the secret file is not in the report');
    assert.ok(!/PATH=|HOME=/.test(html), 'the process environment is not in the report');
    assert.ok(!/href="https?:/i.test(html), 'no http: image or link address');
    assert.ok(!html.includes(base), 'the listener address is nowhere in the report');
    assert.match(html, /Figure not shown: it refers to an external resource/);
    assert.deepEqual(requests, []);
    assert.deepEqual(rejections, []);
  });

  it('does not fetch a URL named by a stored spec (the exporter itself makes no request)', async () => {
    const html = await exportOf([askCell('a', { title: 'x', data: { url: `${base}/beacon.csv` }, mark: 'text', encoding: { text: { field: 'a' } } })]);
    assert.match(html, /Figure not shown: it refers to an external resource/);
    assert.deepEqual(requests, []);
  });

  it('refuses links and images in stored specs without an unhandled rejection', async () => {
    const values = [{ a: 1, u: `${base}/img.png`, h: 'javascript:alert(1)' }];
    const html = await exportOf([
      askCell('a', { data: { values }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' }, href: { field: 'h' } } }),
      askCell('b', { data: { values }, mark: { type: 'point', href: 'javascript:alert(1)' }, encoding: { x: { field: 'a', type: 'quantitative' } } }),
      askCell('c', { data: { values }, mark: { type: 'image', url: `${base}/fixed.png`, width: 5, height: 5 } }),
      askCell('d', { data: { values }, mark: 'point', config: { mark: { href: 'javascript:alert(1)' } } }),
      askCell('e', { data: { values }, mark: 'point', transform: [{ lookup: 'a', from: { data: { url: `${base}/lookup.csv` }, key: 'a', fields: ['b'] } }] }),
    ]);
    assert.equal(html.match(/Figure not shown: it refers to an external resource/g)?.length, 5);
    assert.ok(!/javascript:/i.test(html), 'no javascript: address');
    assert.ok(!html.includes(base));
    assert.deepEqual(requests, []);
    assert.deepEqual(rejections, []);
  });

  it('still draws a self-contained spec whose data merely has columns named url and href', async () => {
    const spec = {
      data: { values: [{ url: 'http://127.0.0.1:1/x', href: 'y', a: 1, b: 2 }] },
      mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } },
    };
    const html = await exportOf([askCell('a', spec)]);
    assert.ok(html.includes('<svg'), 'the figure is drawn');
    assert.ok(!html.includes('Figure not shown'));
  });

  it('sets a Content-Security-Policy that lets the report load nothing', async () => {
    const html = await exportOf([askCell('a', { data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } })]);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style>'), 'before any content');
  });

  it('the loader itself refuses every file and address, should a spec reach Vega', async () => {
    for (const method of ['load', 'sanitize', 'http', 'file'] as const) {
      await assert.rejects((REFUSING_LOADER as unknown as Record<string, (u: string) => Promise<unknown>>)[method](`${base}/${method}`), /external resource/);
    }
    // Below the spec check: a view with this loader draws the spec without its remote rows.
    const compiled = compile({ data: { url: `${base}/direct.csv` }, mark: 'text', encoding: { text: { field: 'a' } } } as never).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: REFUSING_LOADER, logLevel: vega.None });
    try {
      const svg = await view.toSVG();
      assert.ok(!svg.includes('<text'), 'no rows were loaded');
    } finally {
      view.finalize();
    }
    assert.deepEqual(requests, []);
  });

  it('names where a spec refers outside itself, and walks deep specs without recursion', () => {
    assert.equal(externalReferenceIn({ layer: [{ mark: 'point' }, { mark: { type: 'image' } }] }), 'layer[1].mark.type');
    assert.equal(externalReferenceIn({ data: { url: 'x' } }), 'data.url');
    assert.equal(externalReferenceIn({ encoding: { href: { field: 'h' } } }), 'encoding.href');
    assert.equal(externalReferenceIn({ data: { values: [{ url: 'x', href: 'y', type: 'image' }] }, datasets: { d: [{ url: 'z' }] } }), undefined);
    let deep: Record<string, unknown> = { url: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    assert.equal(externalReferenceIn(deep)?.endsWith('.a.url'), true);
  });
});

