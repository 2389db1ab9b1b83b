/**
 * The `text/markdown` and `text/plain` fallbacks of a notebook output: the variant and roles, the
 * APA sentence, the result tables (rounded for reading), assumption checks, warnings,
 * recommendations and the sample line.
 */
import type { AnalysisOutcome, ResultTable } from '../types.js';
import { formatAssumption, formatDecisionOptions, formatDirectionAsked, formatPinOrigin, formatRoles, formatSampleLine, formatTableRows, isNumericColumn } from './format.js';

/** Characters that would break a Markdown table cell or start inline markup, escaped. */
function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/([*_`])/g, '\\$1');
}

/** Inline Markdown markup characters escaped in running text. */
function escapeMarkdownText(text: string): string {
  return text.replace(/([\\*_`[\]<>])/g, '\\$1');
}

/** A result table as a Markdown table (numbers right-aligned), with its title and note. */
export function formatTableMarkdown(table: ResultTable): string {
  const header = `| ${table.columns.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`;
  const align = `| ${table.columns.map((c) => (isNumericColumn(table, c.key) ? '---:' : ':---')).join(' | ')} |`;
  const rows = formatTableRows(table).map((cells) => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`);
  const lines = [`**${escapeMarkdownText(table.title)}**`, '', header, align, ...rows];
  if (table.note) lines.push('', `*${escapeMarkdownText(table.note)}*`);
  return lines.join('\n');
}

/** A result table as aligned plain text. */
export function formatTablePlain(table: ResultTable): string {
  const body = formatTableRows(table);
  const widths = table.columns.map((c, j) => Math.max(c.label.length, ...body.map((r) => r[j].length)));
  const numeric = table.columns.map((c) => isNumericColumn(table, c.key));
  const line = (cells: string[]) =>
    cells.map((cell, j) => (numeric[j] ? cell.padStart(widths[j]) : cell.padEnd(widths[j]))).join('  ').trimEnd();
  const lines = [table.title, line(table.columns.map((c) => c.label)), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  if (table.note) lines.push(`Note. ${table.note}`);
  return lines.join('\n');
}

/** What the decision line marks besides the options: who pinned a reused decision, a direction asked about. */
export interface DecisionMarks {
  pin_origin?: unknown;
  direction_asked?: unknown;
}

/**
 * The decision line of the text fallbacks: the variant and roles, then what restricts the rows or
 * changes the hypothesis, and who pinned a reused decision when not the person who ran it (review L8).
 */
export function formatDecisionLine(outcome: AnalysisOutcome, decision: DecisionMarks = {}, markdown = false): string {
  const esc = markdown ? escapeMarkdownText : (t: string) => t;
  const roles = formatRoles(outcome.roles);
  const head = markdown ? `**${esc(outcome.variant)}**` : outcome.variant;
  const marks = [formatDirectionAsked(decision.direction_asked), formatPinOrigin(decision.pin_origin)];
  const notes = [...formatDecisionOptions(outcome.options), ...marks.filter((p): p is string => Boolean(p))];
  return `${head}${roles ? ` (${esc(roles)})` : ''}${notes.length ? ` · ${notes.map((n) => (markdown ? `**${esc(n)}**` : n)).join(' · ')}` : ''}`;
}

/** The Markdown fallback of an outcome (`decision`: the payload decision's marks). */
export function formatOutcomeMarkdown(outcome: AnalysisOutcome, decision?: DecisionMarks): string {
  const blocks: string[] = [];
  blocks.push(formatDecisionLine(outcome, decision, true));
  if (outcome.summary) blocks.push(escapeMarkdownText(outcome.summary));
  for (const table of outcome.tables) blocks.push(formatTableMarkdown(table));
  if (outcome.assumptions.length > 0) {
    blocks.push(['**Assumption checks**', '', ...outcome.assumptions.map((a) => `- ${a.ok ? '✓' : '✗'} ${escapeMarkdownText(formatAssumption(a))}`)].join('\n'));
  }
  if (outcome.warnings.length > 0) blocks.push(['**Warnings**', '', ...outcome.warnings.map((w) => `- ${escapeMarkdownText(w)}`)].join('\n'));
  if (outcome.recommendations.length > 0) {
    blocks.push(['**Recommendations**', '', ...outcome.recommendations.map((r) => `- ${escapeMarkdownText(r)}`)].join('\n'));
  }
  for (const figure of outcome.figures) {
    if (figure.caption) blocks.push(`*Figure: ${escapeMarkdownText(figure.title)}.* ${escapeMarkdownText(figure.caption)}`);
  }
  blocks.push(`*${escapeMarkdownText(formatSampleLine(outcome.n, outcome.dropped))}*`);
  return blocks.join('\n\n');
}

/** The plain-text fallback of an outcome (`decision`: the payload decision's marks). */
export function formatOutcomePlain(outcome: AnalysisOutcome, decision?: DecisionMarks): string {
  const blocks: string[] = [];
  blocks.push(formatDecisionLine(outcome, decision));
  if (outcome.summary) blocks.push(outcome.summary);
  for (const table of outcome.tables) blocks.push(formatTablePlain(table));
  if (outcome.assumptions.length > 0) {
    blocks.push(['Assumption checks:', ...outcome.assumptions.map((a) => `  [${a.ok ? 'ok' : '!!'}] ${formatAssumption(a)}`)].join('\n'));
  }
  if (outcome.warnings.length > 0) blocks.push(['Warnings:', ...outcome.warnings.map((w) => `  - ${w}`)].join('\n'));
  if (outcome.recommendations.length > 0) blocks.push(['Recommendations:', ...outcome.recommendations.map((r) => `  - ${r}`)].join('\n'));
  blocks.push(formatSampleLine(outcome.n, outcome.dropped));
  return blocks.join('\n\n');
}
