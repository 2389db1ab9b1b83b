/**
 * The Markdown and completion texts the notebook editor shows (moved out of extension/, which keeps
 * no logic of its own; VS Code only wraps them in its classes): completions and hovers for ask cells from a dataset's schema (column names with
 * their kind, level values, a column's summary), the schema as a table, and a cell's provenance.
 */
import type { ColumnSchema, DatasetSchema } from '../types.js';

/** One completion, before it becomes a `vscode.CompletionItem`. */
export interface CompletionEntry {
  label: string;
  kind: 'column' | 'level';
  insertText: string;
  detail: string;
  documentation: string;
  sortText: string;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** A name as it can be typed in a cell: plain names as they are, others in double quotes. */
export function quoteName(name: string): string {
  return PLAIN_NAME.test(name) ? name : `"${name.replace(/"/g, '\\"')}"`;
}

/** "numeric · 342 values, 2 missing". */
export function describeColumnBrief(column: ColumnSchema): string {
  const missing = column.missing ? `, ${column.missing} missing` : '';
  return `${column.kind} · ${column.n} values${missing}`;
}

/** Formats a summary number for a hover: at most 4 significant digits, integers as integers. */
function formatSummary(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return Number(x.toPrecision(4)).toString();
}

/** The Markdown summary of one column, for hovers and the Describe command. */
export function describeColumnMarkdown(column: ColumnSchema, datasetName: string): string {
  const lines = [`**${column.name}** — ${column.kind} column of \`${datasetName}\``, ''];
  lines.push(`${column.n} values · ${column.missing} missing · ${column.distinct} distinct`);
  if (column.summary) {
    const s = column.summary;
    lines.push('', `mean ${formatSummary(s.mean)} · sd ${formatSummary(s.sd)} · min ${formatSummary(s.min)} · max ${formatSummary(s.max)}`);
  }
  if (column.levels?.length) {
    const shown = column.levels.slice(0, 12).map((l) => `${l.value} (${l.count})`).join(', ');
    const more = column.levels.length > 12 ? `, … ${column.levels.length - 12} more` : '';
    lines.push('', `Levels: ${shown}${more}`);
  }
  if (column.kind === 'numeric' && column.usableAsGroup) lines.push('', '_Few distinct values: usable as a grouping factor._');
  return lines.join('\n');
}

/** Normalises a name for loose matching: case, underscores, dots and spaces ignored. */
function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The column a word names (exactly, ignoring case, or ignoring separators), if any. */
export function findColumn(schema: DatasetSchema, word: string): ColumnSchema | undefined {
  const bare = word.replace(/^["'`]|["'`]$/g, '');
  return schema.columns.find((c) => c.name === bare)
    ?? schema.columns.find((c) => c.name.toLowerCase() === bare.toLowerCase())
    ?? schema.columns.find((c) => normalizeName(c.name) === normalizeName(bare) && normalizeName(bare).length > 0);
}

/** The Markdown hover for a word of a cell: a column's summary, or which column a level belongs to. */
export function buildHoverMarkdown(schema: DatasetSchema, word: string): string | undefined {
  const column = findColumn(schema, word);
  if (column) return describeColumnMarkdown(column, schema.name);
  const bare = word.replace(/^["'`]|["'`]$/g, '');
  const owners = schema.columns.filter((c) => c.levels?.some((l) => l.value === bare));
  if (!owners.length) return undefined;
  return owners
    .map((c) => `**${bare}** — level of **${c.name}** (${c.levels!.find((l) => l.value === bare)!.count} rows)`)
    .join('\n\n');
}

/** The column named just before "=", "is", "==" or "!=" at the end of a line prefix (for level completions). */
export function columnBeforeComparison(schema: DatasetSchema, linePrefix: string): ColumnSchema | undefined {
  const match = /(["'`]?)([A-Za-z0-9_. ]+?)\1\s*(?:=|==|!=|\bis\b|\bequals\b|\bnot\b)\s*["'`]?[^"'`\s]*$/.exec(linePrefix);
  return match ? findColumn(schema, match[2].trim().split(/\s+/).pop() ?? '') : undefined;
}

/** Completions at the end of a line prefix: level values after "column =", else columns then levels. */
export function buildCompletionEntries(schema: DatasetSchema, linePrefix: string): CompletionEntry[] {
  const target = columnBeforeComparison(schema, linePrefix);
  const entries: CompletionEntry[] = [];
  const levelsOf = (column: ColumnSchema, rank: string) => {
    for (const [i, level] of (column.levels ?? []).entries()) {
      entries.push({
        label: level.value,
        kind: 'level',
        insertText: PLAIN_NAME.test(level.value) || /^-?\d+(\.\d+)?$/.test(level.value) ? level.value : `"${level.value}"`,
        detail: `level of ${column.name} · ${level.count} rows`,
        documentation: describeColumnMarkdown(column, schema.name),
        sortText: `${rank}${String(i).padStart(4, '0')}`,
      });
    }
  };
  if (target) {
    levelsOf(target, '0');
    return entries;
  }
  for (const [i, column] of schema.columns.entries()) {
    entries.push({
      label: column.name,
      kind: 'column',
      insertText: quoteName(column.name),
      detail: describeColumnBrief(column),
      documentation: describeColumnMarkdown(column, schema.name),
      sortText: `1${String(i).padStart(4, '0')}`,
    });
  }
  for (const [i, column] of schema.columns.entries()) {
    if (column.kind === 'categorical' || column.kind === 'boolean') levelsOf(column, `2${String(i).padStart(4, '0')}`);
  }
  return entries;
}

/** The schema as a Markdown document (the Describe dataset command). */
export function buildSchemaMarkdown(schema: DatasetSchema): string {
  const rows = schema.columns.map((c) => {
    const summary = c.summary
      ? `mean ${formatSummary(c.summary.mean)}, sd ${formatSummary(c.summary.sd)}, ${formatSummary(c.summary.min)}–${formatSummary(c.summary.max)}`
      : c.levels?.length
        ? c.levels.slice(0, 6).map((l) => `${l.value} (${l.count})`).join(', ') + (c.levels.length > 6 ? ', …' : '')
        : '';
    return `| ${c.name.replace(/\|/g, '\\|')} | ${c.kind} | ${c.n} | ${c.missing} | ${c.distinct} | ${summary.replace(/\|/g, '\\|')} |`;
  });
  return [
    `# ${schema.name}`,
    '',
    `${schema.rows} rows · ${schema.columns.length} columns · ${schema.format} · SHA-256 \`${schema.sha256.slice(0, 16)}…\``,
    '',
    `\`${schema.path}\``,
    '',
    '| column | kind | n | missing | distinct | summary |',
    '|---|---|---:|---:|---:|---|',
    ...rows,
    '',
  ].join('\n');
}

/** A cell's provenance chain as Markdown: newest first, then the raw records. */
export function buildProvenanceMarkdown(cellId: string, source: string, chain: Record<string, any>[]): string {
  const lines = [`# Provenance of cell \`${cellId}\``, '', `> ${source.replace(/\n/g, ' ')}`, ''];
  for (const [i, record] of [...chain].reverse().entries()) {
    const plan = record.plan ?? {};
    const dataset = record.datasets?.[0] ?? {};
    lines.push(`## ${i === 0 ? 'Latest run' : `Run ${chain.length - i}`} — ${record.ended_at ?? record.started_at ?? ''}`, '');
    lines.push(`- status: **${record.status ?? '?'}**`);
    if (plan.analysis) lines.push(`- analysis: \`${plan.analysis}\` (decided by ${plan.source ?? '?'}${plan.rule_id ? `, rule \`${plan.rule_id}\`` : ''})`);
    if (dataset.name) lines.push(`- dataset: \`${dataset.name}\` (${dataset.path ?? ''}) sha256 \`${String(dataset.sha256 ?? '').slice(0, 16)}…\`, rows used ${dataset.rows_used ?? '?'}`);
    if (record.result_digest) lines.push(`- result digest: \`${record.result_digest}\``);
    if (record.hash) lines.push(`- record hash: \`${record.hash}\`${record.previous_hash ? ` (previous \`${String(record.previous_hash).slice(0, 16)}…\`)` : ''}`);
    lines.push('');
  }
  lines.push('## Records (JSON)', '', '```json', JSON.stringify(chain, null, 2), '```', '');
  return lines.join('\n');
}
