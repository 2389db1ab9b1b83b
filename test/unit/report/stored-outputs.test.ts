/**
 * L2 (security review 2026-12), report part: malformed stored outputs never crash the export; each
 * part that cannot be read is named with its JSON path in the file. Also L7's report part (the header
 * names the file, not the author's folders) and wide tables scrolling instead of being clipped.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderHtmlReport } from '../../../kernel/report/html.js';
import { reportInputFor } from '../../../kernel/report/export.js';
import { parseNotebook } from '../../../kernel/notebook/parse.js';

const RESULT_MIME = 'application/vnd.inferra.result+json';
const PAYLOAD_PATH = 'cells[1].outputs[0].items[0].data';

/** A valid stored result payload (as `inferra run` writes it), to be broken one part at a time. */
function validPayload(): Record<string, any> {
  return {
    status: 'ok', cellId: 'a', request: 'compare flipper length between sexes',
    decision: { status: 'decided', analysis: 'ttest_welch', source: 'rules', rule_id: 'compare-two-groups', confidence: 0.9, rationale: 'two groups', alternatives: [] },
    result: {
      status: 'ok', analysis: 'ttest_welch', variant: 'Welch two-sample t-test', roles: { outcome: 'flipper_length_mm', group: 'sex' },
      n: 333, n_missing: 11, dropped: [{ reason: 'missing values', count: 11 }],
      result: { statistic: -4.81, p_value: 2.3e-6, ci_low: '-Infinity' },
      assumptions: [{ check: 'levene', target: 'flipper_length_mm by sex', statistic: 0.62, p_value: 0.43, ok: true }],
      summary: "Welch's t(325.28) = -4.81, p < .001", warnings: [], recommendations: [],
      tables: [{ title: 'Welch two-sample t-test', columns: [{ key: 't', label: 't' }, { key: 'p', label: 'p' }], rows: [{ t: -4.81, p: 2.3e-6 }] }],
      dataset: { sha256: 'a'.repeat(64) },
    },
  };
}

async function reportOf(payload: unknown, extraCell: Record<string, unknown> = {}, notebookPath = '/home/alice/secret-project/study.inferra'): Promise<string> {
  const notebook = parseNotebook(JSON.stringify({
    format: 'inferra-notebook', version: 1, metadata: { title: 'Penguins' }, datasets: [],
    cells: [
      { id: 'intro', kind: 'markdown', source: '# Intro' },
      { id: 'a', kind: 'ask', source: 'compare flipper length between sexes', outputs: [{ items: [{ mime: RESULT_MIME, data: payload }] }], ...extraCell },
    ],
  }), 'test.inferra');
  return renderHtmlReport(reportInputFor(notebook, notebookPath));
}

/** The "could not be read" notes of a report, as [path, message] pairs. */
function problemsIn(html: string): string[] {
  return [...html.matchAll(/Stored output could not be read: <code>([^<]*)<\/code>/g)].map((m) => m[1]);
}

describe('report of malformed stored outputs (L2)', function () {
  this.timeout(60_000);

  it('a valid payload reads without any problem note', async () => {
    const html = await reportOf(validPayload());
    assert.deepEqual(problemsIn(html), []);
    assert.ok(html.includes('Welch&#39;s t(325.28) = -4.81'));
    assert.ok(html.includes('class="badge badge-ok"'));
  });

  const cases: [string, (p: Record<string, any>) => void, string, RegExp?][] = [
    ['tables: "x"', (p) => { p.result.tables = 'x'; }, `${PAYLOAD_PATH}.result.tables`, /Welch&#39;s t/],
    ['summary: 5', (p) => { p.result.summary = 5; }, `${PAYLOAD_PATH}.result.summary`, /<td class="num">-4\.810<\/td>/],
    ['a column label: 7', (p) => { p.result.tables[0].columns[1].label = 7; }, `${PAYLOAD_PATH}.result.tables[0].columns[1].label`, /Welch&#39;s t/],
    ['a row value {"o":1}', (p) => { p.result.tables[0].rows[0].p = { o: 1 }; }, `${PAYLOAD_PATH}.result.tables[0].rows[0].p`, /Welch&#39;s t/],
    ['status: "pwned"', (p) => { p.status = 'pwned'; }, `${PAYLOAD_PATH}.status`],
    ['confidence: "high"', (p) => { p.decision.confidence = 'high'; }, `${PAYLOAD_PATH}.decision.confidence`, /Welch&#39;s t/],
    ['n missing', (p) => { delete p.result.n; }, `${PAYLOAD_PATH}.result.n`, /Welch&#39;s t/],
    ['an assumption statistic "x"', (p) => { p.result.assumptions[0].statistic = 'x'; }, `${PAYLOAD_PATH}.result.assumptions[0].statistic`, /Welch&#39;s t/],
    ['dropped: [{"count": "11"}]', (p) => { p.result.dropped = [{ reason: 'r', count: '11' }]; }, `${PAYLOAD_PATH}.result.dropped[0].count`, /Welch&#39;s t/],
    ['error: "boom"', (p) => { p.error = 'boom'; }, `${PAYLOAD_PATH}.error`],
  ];
  for (const [name, breakIt, path, stillShown] of cases) {
    it(`${name}: the export completes, names ${path.slice(PAYLOAD_PATH.length) || 'the payload'}, and shows the rest`, async () => {
      const payload = validPayload();
      breakIt(payload);
      const html = await reportOf(payload);
      assert.deepEqual(problemsIn(html), [path]);
      if (stillShown) assert.match(html, stillShown);
    });
  }

  it('never puts a stored status into a class name: anything outside the allow-list is "unreadable"', async () => {
    for (const status of ['pwned', 'ok" onmouseover="alert(1)', 'ok badge-llm', 'toString', '__proto__']) {
      const html = await reportOf({ ...validPayload(), status });
      const classes = [...html.matchAll(/class="([^"]*)"/g)].map((m) => m[1]);
      assert.ok(classes.includes('badge badge-unreadable'), status);
      assert.ok(classes.includes('cell ask status-unreadable'), status);
      assert.ok(!classes.some((c) => /pwned|onmouseover|toString|__proto__|badge-ok/.test(c)), `${status}: ${classes.join(' | ')}`);
      assert.ok(!html.includes('onmouseover="'), status);
    }
  });

  it('a payload, figure or provenance record that is not an object is named, not thrown', async () => {
    assert.deepEqual(problemsIn(await reportOf('just text')), [PAYLOAD_PATH]);
    const figure = { outputs: [{ items: [{ mime: RESULT_MIME, data: validPayload() }, { mime: 'application/vnd.vegalite.v6+json', data: 42 }] }] };
    assert.deepEqual(problemsIn(await reportOf(validPayload(), figure)), ['cells[1].outputs[0].items[1].data']);
    // A provenance record that is not one Inferra wrote makes the notebook invalid where it is read
    // (the report is never reached): test/integration/cli/provenance-binding.test.ts.
  });

  it('any JSON at all in a stored payload gives a report, never an exception', async () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const payloads = fc.oneof(
      json,
      fc.record({ status: json, decision: json, result: json, error: json }, { requiredKeys: [] }),
      fc.record({ status: fc.constant('ok'), result: fc.record({ analysis: json, n: json, summary: json, tables: json, assumptions: json, dropped: json, roles: json }, { requiredKeys: [] }) }),
    );
    await fc.assert(fc.asyncProperty(payloads, async (payload) => {
      const html = await reportOf(payload);
      assert.match(html, /<\/html>\n$/);
    }), { numRuns: 150 });
  });
});

describe('report header and wide tables (L7, issue #15 item 7)', function () {
  this.timeout(60_000);

  it('names the notebook by its file name, never by the author\'s absolute path', async () => {
    const html = await reportOf(validPayload(), {}, '/home/alice/secret-project/study.inferra');
    assert.ok(html.includes('Notebook <code>study.inferra</code>'));
    assert.ok(!html.includes('/home/alice'), 'no absolute path anywhere');
    const windows = await reportOf(validPayload(), {}, 'C:\\Users\\alice\\study.inferra');
    assert.ok(windows.includes('Notebook <code>study.inferra</code>') && !windows.includes('alice'));
  });

  it('puts every table in a box that scrolls sideways, so wide tables are never clipped', async () => {
    const payload = validPayload();
    const columns = Array.from({ length: 40 }, (_, i) => ({ key: `c${i}`, label: `a rather long column label ${i}` }));
    payload.result.tables.push({ title: 'Wide', columns, rows: [Object.fromEntries(columns.map((c, i) => [c.key, i * 1000.5]))] });
    const html = await reportOf(payload);
    const tables = html.match(/<table\b/g)?.length ?? 0;
    assert.ok(tables >= 5, 'result tables and the appendix tables');
    assert.equal(html.match(/<div class="table-scroll"><table\b/g)?.length, tables);
    assert.match(html, /\.table-scroll \{ overflow-x: auto;/);
  });
});
