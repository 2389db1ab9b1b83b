import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMarkdownHtml, renderInline } from '../../../kernel/report/markdown-html.js';
import { exportMarkdownReport, renderMarkdownReport } from '../../../kernel/report/markdown.js';
import { renderPng, renderSvg } from '../../../kernel/report/render.js';
import { createReportInput, createWelchOutcome } from './sample-input.js';

describe('renderMarkdownReport', function () {
  this.timeout(60_000);

  it('lists each cell with its decision, tables and APA sentence, and a provenance table', () => {
    const md = renderMarkdownReport(createReportInput());
    assert.ok(md.startsWith('# Penguins \\<study\\>'));
    assert.ok(md.includes('### [1] is flipper length different between sexes?'));
    assert.ok(md.includes('*Decision:* `ttest_welch` by rule `compare-two-groups` · confidence 0.92'));
    assert.ok(md.includes('| -4.808 | 325.28 | < .001 |'));
    assert.ok(md.includes('**LLM decision**'));
    assert.ok(md.includes("> **Error `column-not-found`:** No column 'lenght'. Did you mean 'length'?"));
    assert.ok(md.includes('1. `anova_oneway` (outcome = bill\\_length\\_mm, group = species): compare means across species'));
    assert.ok(md.includes('*Figure (not embedded):*'));
    assert.ok(md.includes('| [1] `cell-1` | ok | compare-two-groups | `ttest_welch` | `sha256:1234abcd` |'));
  });

  it('writes figures as 2x PNGs to the figure directory and links them relative to the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferra-md-'));
    const written = await exportMarkdownReport(createReportInput(), join(dir, 'report.md'), { figureDir: join(dir, 'figures') });
    assert.equal(written.length, 1);
    assert.ok(existsSync(written[0]) && statSync(written[0]).size > 5000);
    const png = readFileSync(written[0]);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    assert.ok(md.includes('](figures/01-cell-1-1-boxplot.png)'));
  });
});

describe('headless rendering', function () {
  this.timeout(60_000);

  it('renders SVG and a PNG at twice the SVG size', async () => {
    const spec = createWelchOutcome().figures[0].vegaLite;
    const svg = await renderSvg(spec);
    const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
    const png = await renderPng(spec, 2);
    // PNG IHDR: width at bytes 16..19 (big-endian).
    assert.equal(png.readUInt32BE(16), Math.round(width * 2));
    assert.ok(svg.includes('fill="white"'), 'the report config adds a white background');
  });
});

describe('the safe Markdown subset', () => {
  it('renders headings, lists, code blocks and inline markup, escaping HTML', () => {
    const html = renderMarkdownHtml('## Title\n\n1. first\n2. *second*\n\n```\n<b>x</b>\n```\n\nA `a<b` and __strong__ text\nsecond line');
    assert.ok(html.includes('<h3>Title</h3>'));
    assert.ok(html.includes('<ol><li>first</li><li><em>second</em></li></ol>'));
    assert.ok(html.includes('<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>'));
    assert.ok(html.includes('<code>a&lt;b</code>'));
    assert.ok(html.includes('<strong>strong</strong> text<br>\nsecond line'));
  });

  it('keeps snake_case names and arithmetic intact', () => {
    assert.equal(renderInline('flipper_length_mm and 2*3*4'), 'flipper_length_mm and 2*3*4');
    assert.equal(renderInline('[x](javascript:alert(1))'), 'x <span class="link">(javascript:alert(1)</span>)');
  });
});
