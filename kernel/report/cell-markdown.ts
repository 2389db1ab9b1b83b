/**
 * Markdown cells as HTML for the report, rendered as VS Code renders them (markdown-it, CommonMark
 * with tables and strikethrough), with the report's safety rules:
 * - raw HTML is off: `<b>` in a cell is shown as text;
 * - links and images are shown, not followed: the text, then the address in grey (a report opens
 *   offline and loads nothing);
 * - math (`$...$` inline, `$$...$$` display) is rendered by KaTeX to static HTML and MathML (no
 *   script; commands that reach outside, like \href and \includegraphics, are refused);
 * - headings sit one level below the report's own title.
 */
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import { escapeHtml } from './escape.js';

/** TeX as HTML (KaTeX); a formula with an error is shown as its source, marked, rather than failing the report. */
export function renderMath(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, {
    displayMode,
    throwOnError: false,
    output: 'htmlAndMathml',
    trust: false,
    strict: 'ignore',
    maxSize: 50,
    maxExpand: 1000,
  });
}

/** `$x$` (no space inside the dollars, no digit after the closing one: "$5 and $10" stay text) and `$$x$$`. */
function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(pos + 1) === 0x24;
  const open = display ? 2 : 1;
  const start = pos + open;
  if (start >= posMax) return false;
  let end = start;
  for (;;) {
    end = src.indexOf(display ? '$$' : '$', end);
    if (end < 0 || end >= posMax) return false;
    if (src.charCodeAt(end - 1) !== 0x5c /* \ */) break;
    end++;
  }
  const tex = src.slice(start, end);
  if (tex.trim() === '') return false;
  if (!display) {
    if (/^\s/.test(tex) || /\s$/.test(tex)) return false;
    if (/[0-9]/.test(src.charAt(end + 1))) return false;
  }
  if (!silent) {
    const token = state.push(display ? 'math_display_inline' : 'math_inline', 'math', 0);
    token.content = tex;
  }
  state.pos = end + open;
  return true;
}

/** A `$$` block: `$$ x $$` on one line, or `$$` ... `$$` over several. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineText = (line: number) => state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const first = lineText(startLine);
  if (!first.startsWith('$$')) return false;
  let tex: string;
  let last = startLine;
  const rest = first.slice(2);
  if (rest.trimEnd().endsWith('$$') && rest.trim().length > 2) {
    tex = rest.trimEnd().slice(0, -2);
  } else {
    const lines = [rest];
    let found = false;
    for (let line = startLine + 1; line < endLine; line++) {
      const text = lineText(line);
      if (text.trimEnd().endsWith('$$')) {
        lines.push(text.trimEnd().slice(0, -2));
        last = line;
        found = true;
        break;
      }
      lines.push(text);
    }
    if (!found) return false;
    tex = lines.join('\n');
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = tex;
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
  md.inline.ruler.before('escape', 'math_inline', mathInline);
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  const rules = md.renderer.rules;
  rules.math_inline = (tokens, i) => renderMath(tokens[i].content, false);
  rules.math_display_inline = (tokens, i) => renderMath(tokens[i].content, true);
  rules.math_block = (tokens, i) => `<div class="math">${renderMath(tokens[i].content, true)}</div>\n`;
  // Links: the text, then the address, never an <a href>.
  const hrefs: string[] = [];
  rules.link_open = (tokens, i) => {
    hrefs.push(tokens[i].attrGet('href') ?? '');
    return '';
  };
  rules.link_close = () => {
    const href = hrefs.pop() ?? '';
    return href ? ` <span class="link">(${escapeHtml(href)})</span>` : '';
  };
  rules.image = (tokens, i, options, env, self) => {
    const alt = self.renderInlineAsText(tokens[i].children ?? [], options, env);
    return `<span class="image">[image${alt ? `: ${escapeHtml(alt)}` : ''}]</span> <span class="link">(${escapeHtml(tokens[i].attrGet('src') ?? '')})</span>`;
  };
  // Cell headings sit below the report's h1.
  rules.heading_open = (tokens, i) => `<h${Math.min(6, Number(tokens[i].tag.slice(1)) + 1)}>`;
  rules.heading_close = (tokens, i) => `</h${Math.min(6, Number(tokens[i].tag.slice(1)) + 1)}>\n`;
  return md;
}

let renderer: MarkdownIt | undefined;

/** A markdown cell as HTML (see the header for what is rendered and how). */
export function renderMarkdownHtml(source: string): string {
  renderer ??= createRenderer();
  return renderer.render(source).trimEnd();
}

/** A markdown cell's tokens (the same parser: math included), for writers other than HTML (Word). */
export function parseMarkdown(source: string): ReturnType<MarkdownIt['parse']> {
  renderer ??= createRenderer();
  return renderer.parse(source, {});
}

/** Whether rendered HTML holds KaTeX output (the report then carries KaTeX's stylesheet). */
export function hasMath(html: string): boolean {
  return html.includes('class="katex');
}
