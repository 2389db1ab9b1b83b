import type { MessageParams, MessageTable } from '../messages.js';

const PARSE_HINTS: Record<string, string> = {
  csv: 'Check that every row has the same number of fields and that quotes are closed.',
  tsv: 'Check that every row has the same number of tab-separated fields and that quotes are closed.',
  json: 'Use a JSON array of objects ([{"a": 1}, ...]) or one JSON object per line.',
  parquet: 'Check that the file is a complete Parquet file (re-export it if it was truncated).',
};

/** Messages of kernel/data: files that cannot be read, and why, and what to do about it. */
export const dataMessages = {
  'file-not-found': (p: MessageParams) =>
    `Dataset '${p.path}' does not exist. Check the path (it is resolved relative to the notebook or the current directory).`,
  'file-empty': (p: MessageParams) =>
    p.headerOnly
      ? `Dataset '${p.path}' has a header line (${p.columns}) but no data rows. Add rows or point to another file.`
      : `Dataset '${p.path}' is empty. Point to a file that has a header line and data rows.`,
  'no-header': (p: MessageParams) =>
    `Dataset '${p.path}' seems to have no header line: its first line (${p.firstLine}) looks like data. Add a first line with the column names.`,
  'binary-file': (p: MessageParams) =>
    `Dataset '${p.path}' is not a text file (it contains NUL bytes near byte ${p.offset}). Save it as UTF-8 text (CSV, TSV or JSON), or as Parquet with a .parquet extension.`,
  'unsupported-format': (p: MessageParams) =>
    `Dataset '${p.path}' has an extension Inferra cannot read (${p.extension || 'none'}). Use .csv, .tsv, .tab, .txt, .json, .jsonl, .ndjson or .parquet.`,
  'parse-failed': (p: MessageParams) =>
    `Dataset '${p.path}' could not be read as ${p.format}${p.line ? ` (line ${p.line})` : ''}: ${p.detail}. ${p.hint ?? PARSE_HINTS[String(p.format)] ?? PARSE_HINTS.csv}`,
} satisfies MessageTable;
