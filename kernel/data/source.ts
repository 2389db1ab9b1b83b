/**
 * Opening a dataset file as a DuckDB source:
 * 1. check the file (exists, not empty, text or Parquet as its extension says);
 * 2. build the reader (`read_csv` with Inferra's missing-value markers, sniffed delimiter and decimal
 *    commas; `read_json`; `read_parquet`);
 * 3. describe its columns, turning DuckDB's complaints into `parse-failed`, `no-header`, ...;
 * 4. give each column a normalized SQL expression: numbers as DOUBLE with NaN as NULL, booleans as
 *    'true'/'false', dates and timestamps as ISO 8601 text, `NA`-like text as NULL.
 */
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { quotedIdentifier, quotedString } from '@duckdb/node-api';
import { InferraError, isInferraError } from '../errors.js';
import type { DatasetFormat } from '../types.js';
import { getConnection } from './duckdb.js';
import { detectFormat, IMPORTED_FORMATS } from './format.js';
import { storeImported, type ImportedTable } from './imported.js';
import { parseLocator } from './locator.js';
import { MISSING_MARKERS } from './markers.js';

export { MISSING_MARKERS } from './markers.js';

/** How the data layer treats a column's DuckDB type. */
export type StorageClass = 'numeric' | 'boolean' | 'datetime' | 'text';

/** One column of a source: its name, DuckDB type and the SQL that reads it normalized. */
export interface SourceColumn {
  name: string;
  storageType: string;
  storage: StorageClass;
  /** SQL expression over the reader's row giving the normalized value (DOUBLE or VARCHAR). */
  expression: string;
  /**
   * What schema inference keeps of the column: the normalized value, except that numbers stay as
   * DOUBLE with their infinities, so they can be counted; `normalizeStored` turns it into the value.
   */
  stored: string;
  /** The variable's label in the file (SPSS). */
  label?: string;
  /** The order of its levels given by the file (SPSS value labels). */
  levels?: string[];
}

/** A dataset file opened for querying. */
export interface Source {
  /** Absolute path. */
  path: string;
  name: string;
  format: DatasetFormat;
  /** The sheet read (Excel workbooks). */
  sheet?: string;
  size: number;
  mtimeMs: number;
  /** A table expression usable after FROM. */
  reader: string;
  columns: SourceColumn[];
}

/** A file's identity for caches: absolute path, size and modification time. */
export function sourceKey(source: Pick<Source, 'path' | 'size' | 'mtimeMs' | 'sheet'>): string {
  return `${source.path}|${source.size}|${source.mtimeMs}${source.sheet === undefined ? '' : `|${source.sheet}`}`;
}

const HEAD_BYTES = 65536;

/** The most columns Inferra reads from one dataset (schema inference costs time and memory per column). */
export const MAX_COLUMNS = 1000;
const sources = new Map<string, { size: number; mtimeMs: number; source: Promise<Source>; drop?: () => Promise<void> }>();

/**
 * Opens a dataset (cached by absolute path, sheet, size and mtime); throws the data layer's errors.
 * `locator` is a path, or a workbook's path with its sheet (locator.ts).
 */
export async function openSource(locator: string): Promise<Source> {
  const { file: path, sheet } = parseLocator(locator);
  const absolute = resolve(path);
  const cacheKey = sheet === undefined ? absolute : `${absolute}|${sheet}`;
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new InferraError('file-not-found', { path }, { cause: error });
  });
  if (!info.isFile()) throw new InferraError('file-not-found', { path, folder: info.isDirectory() });
  const cached = sources.get(cacheKey);
  if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.source;
  await cached?.drop?.();
  const entry: { size: number; mtimeMs: number; source: Promise<Source>; drop?: () => Promise<void> } = { size: info.size, mtimeMs: info.mtimeMs, source: Promise.resolve(undefined as unknown as Source) };
  entry.source = buildSource(path, absolute, info.size, info.mtimeMs, sheet, (drop) => (entry.drop = drop));
  sources.set(cacheKey, entry);
  entry.source.catch(() => sources.delete(cacheKey));
  return entry.source;
}

async function buildSource(
  path: string,
  absolute: string,
  size: number,
  mtimeMs: number,
  sheet: string | undefined,
  onStored: (drop: () => Promise<void>) => void,
): Promise<Source> {
  const format = detectFormat(path);
  if (sheet !== undefined && format !== 'xlsx') {
    throw new InferraError('parse-failed', {
      path,
      format,
      detail: `a sheet ("${sheet}") was named, but only Excel workbooks (.xlsx) have sheets`,
      hint: 'Remove the sheet name.',
    });
  }
  if (size === 0) throw new InferraError('file-empty', { path });
  if (IMPORTED_FORMATS.has(format)) return buildImportedSource(path, absolute, format, size, mtimeMs, sheet, onStored);
  const head = await readHead(absolute);
  checkHead(path, format, head);
  const text = format === 'parquet' ? '' : decodeHead(head);
  const reader = await buildReader(absolute, format, text);
  const described = await describeReader(path, format, reader, text);
  if (described.length > MAX_COLUMNS) throw new InferraError('too-many-columns', { path, columns: described.length, max: MAX_COLUMNS });
  if (format === 'csv' || format === 'tsv') checkCsvColumns(path, format, text, described);
  if (format === 'json') await checkJsonRecords(path, reader, text, described);
  return {
    path: absolute,
    name: basename(absolute),
    format,
    size,
    mtimeMs,
    reader,
    columns: described.map(({ name, type }) => buildSourceColumn(name, type)),
  };
}

/** A workbook or SPSS file: read by our reader, held in a DuckDB temporary table. */
async function buildImportedSource(
  path: string,
  absolute: string,
  format: DatasetFormat,
  size: number,
  mtimeMs: number,
  sheet: string | undefined,
  onStored: (drop: () => Promise<void>) => void,
): Promise<Source> {
  // The readers (exceljs for workbooks) load only when such a file is read: a CSV never pays for them.
  const imported: ImportedTable =
    format === 'xlsx' ? await (await import('./xlsx.js')).readWorkbook(absolute, path, sheet) : await (await import('./sav.js')).readSav(absolute, path);
  if (imported.columns.length > MAX_COLUMNS) throw new InferraError('too-many-columns', { path, columns: imported.columns.length, max: MAX_COLUMNS });
  if (imported.rows === 0) {
    throw new InferraError('file-empty', { path, headerOnly: imported.columns.length > 0, columns: imported.columns.map((c) => c.name).join(', ') });
  }
  const { reader, drop } = await storeImported(imported);
  onStored(drop);
  const described = await describeReader(path, format, reader, '');
  return {
    path: absolute,
    name: basename(absolute),
    format,
    sheet: imported.sheet,
    size,
    mtimeMs,
    reader,
    columns: described.map(({ name, type }, i) => {
      const column = buildSourceColumn(name, type);
      const { label, levels } = imported.columns[i] ?? {};
      return { ...column, ...(label ? { label } : {}), ...(levels ? { levels } : {}) };
    }),
  };
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Rejects text files with NUL bytes, blank text files and Parquet files without the magic bytes. */
function checkHead(path: string, format: DatasetFormat, head: Buffer): void {
  if (format === 'parquet') {
    if (head.length < 4 || head.toString('latin1', 0, 4) !== 'PAR1') {
      throw new InferraError('parse-failed', { path, format, detail: 'the file does not start with the Parquet magic bytes PAR1' });
    }
    return;
  }
  const nul = head.indexOf(0);
  if (nul >= 0) throw new InferraError('binary-file', { path, offset: nul });
  // A sequence cut off by the end of the head is not an error; one cut off by the end of the file is.
  const invalid = findInvalidUtf8(head, head.length === HEAD_BYTES);
  if (invalid >= 0) {
    throw new InferraError('parse-failed', {
      path,
      format,
      encoding: 'utf8',
      byte: `0x${head[invalid].toString(16).toUpperCase().padStart(2, '0')}`,
      line: countLines(head, invalid),
    });
  }
  if (decodeHead(head).trim() === '') throw new InferraError('file-empty', { path });
}

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
 * surrogates and code points above U+10FFFF included), or -1. With `truncated`, a sequence that the
 * end of the buffer cuts off is accepted (the rest of the file was not read).
 */
export function findInvalidUtf8(bytes: Uint8Array, truncated = false): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min, max] = [2, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, max] = [3, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return truncated ? -1 : i;
      const c = bytes[i + k];
      if (c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The 1-based line of a byte offset. */
function countLines(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * A JSON file that is one object wrapping the records (`{"data": [{...}, ...]}`) reads as one row
 * whose column holds the array: say so instead of describing one row.
 */
async function checkJsonRecords(path: string, reader: string, head: string, columns: { name: string; type: string }[]): Promise<void> {
  if (!head.trimStart().startsWith('{')) return;
  const wrapped = columns.find((c) => /^STRUCT\(.*\)\[\]$/.test(c.type) || /^JSON\[\]$/.test(c.type));
  if (!wrapped) return;
  const connection = await getConnection();
  const rows = Number((await connection.runAndReadAll(`SELECT count(*) FROM (SELECT 1 FROM ${reader} LIMIT 2)`)).getRowsJS()[0][0]);
  if (rows !== 1) return;
  throw new InferraError('parse-failed', { path, format: 'json', jsonObject: true, key: wrapped.name });
}

function decodeHead(head: Buffer): string {
  const text = head.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How deep DuckDB's JSON reader detects types; deeper values are kept as JSON text (records are flat tables). */
export const JSON_MAXIMUM_DEPTH = 16;

/** The reader expression for a format; for `;`-separated text with comma decimals, DuckDB's `decimal_separator`. */
async function buildReader(absolute: string, format: DatasetFormat, head: string): Promise<string> {
  const file = quotedString(await literalPattern(absolute));
  const nullstr = `nullstr = [${MISSING_MARKERS.map((m) => quotedString(m)).join(', ')}]`;
  switch (format) {
    case 'parquet':
      return `read_parquet(${file})`;
    case 'json':
      // Schema detection descends into nested values without bound: a value nested ~20,000 deep
      // crashed the process (segmentation fault). Deeper than this, values stay JSON text.
      return `read_json(${file}, maximum_depth = ${JSON_MAXIMUM_DEPTH})`;
    case 'tsv':
      return `read_csv(${file}, delim = '\t', ${nullstr})`;
    case 'xlsx':
    case 'sav':
      throw new Error(`${format} files are read by their importer`);
    case 'postgres':
      throw new Error('database tables are read by kernel/data/postgres');
    case 'csv': {
      const plain = `read_csv(${file}, ${nullstr})`;
      if (!looksLikeDecimalCommas(head)) return plain;
      const comma = `read_csv(${file}, delim = ';', decimal_separator = ',', ${nullstr})`;
      // Keep decimal commas only when they turn more columns into numbers than the plain sniff does.
      const [plainNumeric, commaNumeric] = await Promise.all([countNumeric(plain), countNumeric(comma)]);
      return commaNumeric > plainNumeric ? comma : plain;
    }
  }
}

/**
 * DuckDB's readers take a glob pattern, not a file name: `x[12].csv` would read x1.csv and x2.csv,
 * `y*.csv` every file starting with y. Each `[`, `*` and `?` is written as a one-character class
 * (`[[]`, `[*]`, `[?]`), which DuckDB's glob matches literally; DuckDB's `glob()` then confirms that
 * the pattern names this one file and nothing else, so the file that is hashed is the file that is read.
 */
export async function literalPattern(absolute: string): Promise<string> {
  const pattern = escapeGlob(absolute);
  if (pattern === absolute) return pattern;
  const connection = await getConnection();
  const matches = (await connection.runAndReadAll(`SELECT file FROM glob(${quotedString(pattern)})`)).getRowsJS().map(([f]) => String(f));
  if (matches.length !== 1 || resolve(matches[0]) !== absolute) {
    throw new InferraError('parse-failed', {
      path: absolute,
      format: detectFormat(absolute),
      detail: 'its name contains [ ] * or ? and the file could not be opened by that exact name',
      hint: 'Rename the file without these characters.',
    });
  }
  return pattern;
}

/** A path with DuckDB's glob characters escaped as one-character classes. */
export function escapeGlob(path: string): string {
  return path.replace(/[[*?]/g, (ch) => `[${ch}]`);
}

/** A `;`-separated first line and at least one field like `1,5` in the head of the file. */
function looksLikeDecimalCommas(head: string): boolean {
  const lines = head.split(/\r?\n/).slice(0, 50);
  const first = lines[0] ?? '';
  if (!first.includes(';') || first.split(';').length < first.split(',').length) return false;
  return lines.slice(1).some((line) => line.split(';').some((field) => /^\s*"?[-+]?\d*,\d+"?\s*$/.test(field)));
}

async function countNumeric(reader: string): Promise<number> {
  try {
    const columns = await runDescribe(reader);
    return columns.filter((c) => classifyStorage(c.type) === 'numeric').length;
  } catch {
    return -1;
  }
}

async function runDescribe(reader: string): Promise<{ name: string; type: string }[]> {
  const connection = await getConnection();
  const result = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
  return result.getRowObjectsJS().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}

async function describeReader(
  path: string,
  format: DatasetFormat,
  reader: string,
  head: string,
): Promise<{ name: string; type: string }[]> {
  try {
    return await runDescribe(reader);
  } catch (error) {
    const parseError = parseErrorFrom(error, path, format);
    if (format === 'json' && !head.trimStart().startsWith('[')) {
      // DuckDB's line numbers for JSON lines can be off by one; find the first bad line ourselves.
      const bad = findBadJsonLine(head);
      if (bad) return Promise.reject(new InferraError(parseError.code, { ...parseError.params, line: bad }, { cause: error }));
    }
    throw parseError;
  }
}

/** The 1-based number of the first non-blank line of JSON-lines text that is not valid JSON, if any. */
function findBadJsonLine(head: string): number | undefined {
  const lines = head.split(/\r?\n/);
  // The last line of the head may be cut off mid-record.
  for (let i = 0; i < lines.length - 1; i++) {
    if (lines[i].trim() === '') continue;
    try {
      JSON.parse(lines[i]);
    } catch {
      return i + 1;
    }
  }
  return undefined;
}

/**
 * CSV sanity checks on what DuckDB sniffed: names `column0, column1, ...` mean DuckDB found no
 * header line; a single column whose name contains a delimiter means the rows disagree on their
 * number of fields (DuckDB then falls back to one column), so we find the first such line ourselves.
 */
function checkCsvColumns(path: string, format: DatasetFormat, head: string, columns: { name: string; type: string }[]): void {
  const lines = head.split(/\r?\n/);
  const firstLine = (lines[0] ?? '').slice(0, 80);
  if (columns.length > 0 && columns.every((c, i) => c.name === `column${i}`) && !/^\s*"?column0"?\s*[,;\t|]/.test(firstLine)) {
    throw new InferraError('no-header', { path, firstLine });
  }
  if (columns.length === 1 && format === 'csv') {
    const delimiter = [',', ';', '\t', '|'].find((d) => columns[0].name.includes(d));
    if (delimiter) {
      const shown = delimiter === '\t' ? 'tab' : `'${delimiter}'`;
      const expected = countFields(lines[0] ?? '', delimiter);
      const ragged = lines.findIndex((line, i) => i > 0 && line.trim() !== '' && countFields(line, delimiter) !== expected);
      throw new InferraError('parse-failed', {
        path,
        format,
        detail:
          ragged > 0
            ? `the header has ${expected} fields separated by ${shown}, but this line has ${countFields(lines[ragged], delimiter)}`
            : `the header has fields separated by ${shown}, but the rows do not all have the same number of fields`,
        line: ragged > 0 ? ragged + 1 : undefined,
      });
    }
  }
}

/** Fields of one CSV line, honouring double quotes (an unclosed quote counts the rest as one field). */
function countFields(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) fields++;
  }
  return fields;
}

/** A DuckDB error while reading a file as `parse-failed`, with the line number when DuckDB gives one. */
export function parseErrorFrom(error: unknown, path: string, format: DatasetFormat): InferraError {
  if (isInferraError(error)) return error;
  // DuckDB appends the SQL with a "LINE 1:" marker; that line is ours, not the file's.
  const message = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .filter((text) => !/^LINE \d+:/.test(text))
    .join('\n');
  const line = /(?:on line:?|in line)\s*(\d+)/i.exec(message)?.[1];
  let detail = (message.split('\n')[0] ?? message)
    .replace(/^[A-Za-z ]*Error:\s*/, '')
    .replace(/ in file "[^"]*",?/, '')
    .replace(/ at byte \d+ in (?:line|record\/value) \d+/, '')
    .replace(/[.\s]+$/, '')
    .trim();
  let hint: string | undefined;
  if (/not utf-8 encoded/i.test(message)) {
    return new InferraError('parse-failed', { path, format, encoding: 'utf8', line: line ? Number(line) : undefined }, { cause: error });
  }
  if (/Error when sniffing file/i.test(message)) {
    detail = 'the delimiter and quoting could not be detected';
  }
  const conversion = /converting column "([^"]+)"\. Could not convert string "([^"]*)" to '([A-Z_]+)/.exec(message);
  if (conversion) {
    const [, column, value, type] = conversion;
    const what = classifyStorage(type) === 'numeric' ? 'numbers' : `${type.toLowerCase()} values`;
    detail = `column '${column}' holds ${what} in its first rows, but this line has '${value}'`;
    hint = 'Write missing values as NA or leave them empty, or correct the value.';
  }
  return new InferraError('parse-failed', { path, format, detail, line: line ? Number(line) : undefined, hint }, { cause: error });
}

const NUMERIC_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL(\(\d+,\s*\d+\))?)$/;

/** How a DuckDB type string is read: numbers, booleans, dates/times, or text (everything else). */
export function classifyStorage(type: string): StorageClass {
  if (NUMERIC_TYPES.test(type)) return 'numeric';
  if (type === 'BOOLEAN') return 'boolean';
  if (/^(DATE|TIME|TIMESTAMP)/.test(type)) return 'datetime';
  return 'text';
}

/** The normalized SQL expression of one column. */
function buildSourceColumn(name: string, storageType: string): SourceColumn {
  const storage = classifyStorage(storageType);
  const id = quotedIdentifier(name);
  let expression: string;
  switch (storage) {
    case 'numeric':
      // NaN (possible in Parquet and JSON doubles) is missing, as in a text file; so are infinities
      // (`inf`, `1e400`, a Parquet +Inf), which no statistic can use: schema inference counts them.
      expression = normalizeStored(`CAST(${id} AS DOUBLE)`, storage);
      break;
    case 'boolean':
      expression = `CAST(${id} AS VARCHAR)`;
      break;
    case 'datetime':
      expression = storageType.startsWith('TIMESTAMP') ? `replace(CAST(${id} AS VARCHAR), ' ', 'T')` : `CAST(${id} AS VARCHAR)`;
      break;
    case 'text': {
      const text = storageType === 'VARCHAR' ? id : `CAST(${id} AS VARCHAR)`;
      // Comparisons joined by OR, not `IN (...)`: DuckDB plans each IN list as a join, which costs
      // about 80 ms per column (seconds for a wide file).
      const isMarker = MISSING_MARKERS.map((m) => `${text} = ${quotedString(m)}`).join(' OR ');
      expression = `CASE WHEN ${isMarker} THEN NULL ELSE ${text} END`;
      break;
    }
  }
  return { name, storageType, storage, expression, stored: storage === 'numeric' ? `CAST(${id} AS DOUBLE)` : expression };
}

/** The normalized value of a stored column (see `SourceColumn.stored`): numbers that are not finite become NULL. */
export function normalizeStored(stored: string, storage: StorageClass): string {
  return storage === 'numeric' ? `CASE WHEN isfinite(${stored}) THEN ${stored} ELSE NULL END` : stored;
}
