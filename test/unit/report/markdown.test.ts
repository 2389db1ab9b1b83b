import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasMath, renderMarkdownHtml } from '../../../kernel/report/cell-markdown.js';
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

describe('markdown cells (markdown-it, KaTeX)', () => {
  it('renders headings one level down, lists, code blocks and inline markup, escaping HTML', () => {
    const html = renderMarkdownHtml('## Title\n\n1. first\n2. *second*\n\n```\n<b>x</b>\n```\n\nA `a<b` and __strong__ text <b>raw</b>\nsecond line');
    assert.ok(html.includes('<h3>Title</h3>'));
    assert.match(html, /<ol>\s*<li>first<\/li>\s*<li><em>second<\/em><\/li>\s*<\/ol>/);
    assert.ok(html.includes('<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>'));
    assert.ok(html.includes('<code>a&lt;b</code>'));
    assert.ok(html.includes('<strong>strong</strong> text &lt;b&gt;raw&lt;/b&gt;'), 'raw HTML is shown as text');
    assert.ok(!/<b>/.test(html));
  });

  it('renders tables', () => {
    const html = renderMarkdownHtml('| group | n |\n|---|--:|\n| a | 10 |\n| b | 12 |');
    assert.match(html, /<table>\s*<thead>\s*<tr>\s*<th>group<\/th>\s*<th style="text-align:right">n<\/th>/);
    assert.match(html, /<td>b<\/td>\s*<td style="text-align:right">12<\/td>/);
  });

  it('shows links and images with their address, never as links; keeps snake_case names intact', () => {
    const html = renderMarkdownHtml('See [the data](https://example.org/d.csv) and ![a plot](http://x.test/p.png); [x](javascript:alert(1)). flipper_length_mm stays');
    assert.ok(!/<a[\s>]|href=|<img/.test(html), html);
    assert.ok(html.includes('the data <span class="link">(https://example.org/d.csv)</span>'));
    assert.ok(html.includes('<span class="image">[image: a plot]</span> <span class="link">(http://x.test/p.png)</span>'));
    assert.ok(html.includes('[x](javascript:alert(1))'), 'a javascript: link stays text');
    assert.ok(html.includes('flipper_length_mm stays'), 'snake_case is not emphasis');
  });

  it('renders $...$ and $$...$$ math with KaTeX, leaves prices alone and refuses \\href', () => {
    const html = renderMarkdownHtml('The model $y_i = \\beta_0 + \\varepsilon_i$ costs $5 and $10.\n\n$$\n\\bar{x} = \\frac{1}{n}\\sum_i x_i\n$$\n\nAnd $\\href{http://x.test}{click}$.');
    assert.ok(hasMath(html));
    assert.equal((html.match(/class="katex-display"/g) ?? []).length, 1);
    assert.ok(html.includes('<math'), 'MathML for screen readers');
    assert.ok(html.includes('costs $5 and $10.'));
    assert.ok(!/href=/.test(html), 'no link from \\href');
    assert.ok(!hasMath(renderMarkdownHtml('No math: it costs $5 and $10.')));
  });
});
