import assert from 'node:assert/strict';
import { inlineSvg, renderHtmlReport } from '../../../kernel/report/html.js';
import type { ReportAskCell } from '../../../kernel/report/types.js';
import { createReportInput } from './sample-input.js';

describe('renderHtmlReport', function () {
  this.timeout(60_000);
  let html: string;
  before(async () => {
    html = await renderHtmlReport(createReportInput());
  });

  it('is one self-contained document: no scripts, no remote resources, no namespace URLs', () => {
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!/<script/i.test(html), 'no <script');
    assert.ok(!/https?:\/\//.test(html.replace('(https://example.org/penguins)', '')), 'no URL except the link text of the markdown cell');
    assert.ok(!/(src|href)\s*=\s*["']?https?:/i.test(html), 'no remote src/href');
    assert.ok(!/url\(\s*["']?https?:/i.test(html), 'no remote CSS url()');
    assert.ok(!html.includes('vega.github.io'), 'the $schema URL of specs is not emitted');
    assert.ok(!/<link\b/i.test(html) && !/<img\b/i.test(html));
  });

  it('shows the request texts, the decision and the table values rounded for reading', () => {
    assert.ok(html.includes('is flipper length different between sexes?'));
    assert.ok(html.includes('compare lenght by species'));
    assert.ok(html.includes('relationship between bill length and species'));
    assert.ok(html.includes('compare-two-groups'));
    assert.ok(html.includes('Welch two-sample t-test'));
    assert.ok(html.includes('<td class="num">-4.808</td>'), 't to 3 decimals');
    assert.ok(html.includes('<td class="num">325.28</td>'), 'df');
    assert.ok(html.includes('<td class="num">&lt; .001</td>'), 'p as APA');
    assert.ok(html.includes('male | (M)'));
    assert.ok(html.includes('Welch&#39;s t(325.28) = -4.81, p &lt; .001'), 'the APA sentence');
    assert.ok(html.includes('Consider mann_whitney'));
    assert.ok(html.includes('11 rows with missing values were dropped.'));
    assert.ok(html.includes('n = 333; rows dropped: 11'));
  });

  it('inlines figures as SVG with their captions', () => {
    assert.ok(html.includes('<svg'));
    assert.ok(html.includes('<figcaption>'));
    assert.ok(html.includes('Flipper length (mm)'));
  });

  it('shows errors, the LLM mark and the choices of an ambiguous cell clearly', () => {
    assert.ok(html.includes('column-not-found'));
    assert.ok(html.includes('No column &#39;lenght&#39;. Did you mean &#39;length&#39;?'));
    assert.ok(html.includes('LLM decision'));
    assert.ok(html.includes('Possible analyses (choose one)'));
    assert.ok(html.includes('<code>kruskal_wallis</code>'));
    // A question is not a failure (#16): the ambiguous cell waits for a choice, in the question colour.
    assert.ok(html.includes('class="badge badge-ambiguous">waiting for a choice</span>'));
    assert.match(html, /\.badge-ambiguous, \.badge-no_match \{ color: var\(--accent\)/);
    assert.doesNotMatch(html, /\.badge-[a-z_, .-]*no_match[^{]*\{ color: var\(--bad\)/);
    assert.ok(html.includes('class="badge badge-error"'));
    assert.ok(html.includes('class="error-box"'));
  });

  it('renders markdown cells safely: structure kept, raw HTML escaped, links as text', () => {
    assert.ok(html.includes('<h2>Flippers</h2>'));
    assert.ok(html.includes('<em>males</em>') && html.includes('<strong>longer</strong>'));
    assert.ok(html.includes('<code>sex</code>'));
    assert.ok(html.includes('<li>two &lt;b&gt;bold&lt;/b&gt;</li>'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('the data <span class="link">(https://example.org/penguins)</span>'));
    assert.ok(html.includes('<title>Penguins &lt;study&gt;</title>'));
  });

  it('ends with a provenance appendix: dataset hash, versions, each cell rule, analysis and digest', () => {
    const appendix = html.slice(html.indexOf('<h2>Provenance</h2>'));
    assert.ok(appendix.includes('ab'.repeat(32)));
    assert.ok(appendix.includes('v20.20.2'));
    assert.ok(appendix.includes('sha256:1234abcd'));
    assert.ok(appendix.includes('compare-two-groups'));
    assert.ok(appendix.includes('<code>ttest_welch</code>'));
    assert.ok(!appendix.includes('optional'), 'undefined environment entries are skipped');
  });

  it('takes a figure caption from the spec usermeta when the figure was rebuilt from a stored notebook', async () => {
    const input = createReportInput();
    const cell = input.cells[1] as ReportAskCell;
    const figure = cell.outcome!.figures[0];
    cell.outcome!.figures = [{ kind: figure.kind, title: figure.title, vegaLite: figure.vegaLite }];
    input.cells = [cell];
    const rebuilt = await renderHtmlReport(input);
    assert.ok(rebuilt.includes('whiskers: most extreme values within 1.5 IQR (Tukey)'));
  });

  it('strips namespaces and the XML prolog from inlined SVG', () => {
    const svg = inlineSvg('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="2"><use xlink:href="#a"/></svg>');
    assert.equal(svg, '<svg role="img" style="width: min(100%, 3px)" width="2"><use href="#f-a"/></svg>');
    const clipped = inlineSvg('<svg width="100"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', 'c2f1');
    assert.ok(clipped.includes('id="c2f1-clip1"') && clipped.includes('url(#c2f1-clip1)'));
  });
});
