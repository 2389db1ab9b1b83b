const PARSE_HINTS: Record<string, string> = {
  csv: 'Check that every row has the same number of fields and that quotes are closed.',
  tsv: 'Check that every row has the same number of tab-separated fields and that quotes are closed.',
  json: 'Use a JSON array of objects ([{"a": 1}, ...]) or one JSON object per line.',
  parquet: 'Check that the file is a complete Parquet file (re-export it if it was truncated).',
  xlsx: 'Open it in Excel or LibreOffice and save it again as an Excel workbook (.xlsx).',
  sav: 'Save it again from SPSS or PSPP as a .sav file, or export it as CSV.',
};

/** What to do with a file of a kind Inferra does not read, by extension. */
const SAVE_AS: Record<string, string> = {
  '.xls': 'Save it as an Excel workbook (.xlsx) or as CSV.',
  '.xlsm': 'Save it as an Excel workbook (.xlsx) or as CSV.',
  '.ods': 'Save it as an Excel workbook (.xlsx) or as CSV.',
  '.zsav': 'Save it from SPSS as an uncompressed or standard-compressed .sav file.',
  '.por': 'Save it from SPSS or PSPP as a .sav file.',
  '.dta': 'Inferra does not read Stata files yet: export it from Stata as CSV (export delimited) or as .sav.',
  '.rds': 'Inferra does not read R data files: write it from R with write.csv() or haven::write_sav().',
};

/** Params of `parse-failed`: one of three cases (not UTF-8, a JSON object, any other parse error). */
type ParseFailedParams = {
  path: string;
  format: string;
  encoding?: 'utf8';
  byte?: string;
  line?: number;
  jsonObject?: boolean;
  key?: string;
  detail?: string;
  hint?: string;
};

/** Messages of kernel/data: files that cannot be read, and why, and what to do about it. */
export const dataMessages = {
  'file-not-found': (p: { path: string; folder?: boolean }) =>
    p.folder
      ? `Dataset '${p.path}' is a folder, not a file. Point to a data file (.csv, .tsv, .json, .parquet, .xlsx, .sav, ...) inside it.`
      : `Dataset '${p.path}' does not exist. Check the path (it is resolved relative to the notebook or the current directory).`,
  'file-empty': (p: { path: string; headerOnly?: boolean; columns?: string }) =>
    p.headerOnly
      ? `Dataset '${p.path}' has a header line (${p.columns}) but no data rows. Add rows or point to another file.`
      : `Dataset '${p.path}' is empty. Point to a file that has a header line and data rows.`,
  'no-header': (p: { path: string; firstLine: string }) =>
    `Dataset '${p.path}' seems to have no header line: its first line (${p.firstLine}) looks like data. Add a first line with the column names.`,
  'binary-file': (p: { path: string; offset: number }) =>
    `Dataset '${p.path}' is not a text file (it contains NUL bytes near byte ${p.offset}). Save it as UTF-8 text (CSV, TSV or JSON), or as Parquet with a .parquet extension.`,
  'unsupported-format': (p: { path: string; extension: string }) =>
    `Dataset '${p.path}' has an extension Inferra cannot read (${p.extension || 'none'}). ${SAVE_AS[String(p.extension).toLowerCase()] ?? 'Use .csv, .tsv, .tab, .txt, .json, .jsonl, .ndjson, .parquet, .xlsx (Excel) or .sav (SPSS).'}`,
  'parse-failed': (p: ParseFailedParams) =>
    p.encoding === 'utf8'
      ? `Dataset '${p.path}' is not UTF-8 (${p.byte ? `byte ${p.byte} ` : ''}on line ${p.line ?? '?'}). Save it as UTF-8 text (in Excel: "CSV UTF-8"; in R: write.csv(..., fileEncoding = "UTF-8")).`
      : p.jsonObject
        ? `Dataset '${p.path}' is a JSON object; Inferra reads an array of records or JSON lines. Its key '${p.key}' holds the records: save that array alone ([{"a": 1}, ...]) as the file.`
        : `Dataset '${p.path}' could not be read as ${p.format}${p.line ? ` (line ${p.line})` : ''}: ${p.detail}. ${p.hint ?? PARSE_HINTS[p.format] ?? PARSE_HINTS.csv}`,
  'database-locator-invalid': (p: { locator: string; detail: string; server?: boolean }) =>
    p.server
      ? `The database address '${p.locator}' cannot be used: ${p.detail}. Write it as postgres://USER@HOST:PORT/DATABASE (add ?sslmode=require for Supabase and other hosted servers; the password comes from PGPASSWORD or ~/.pgpass, never from the notebook).`
      : `The database dataset '${p.locator}' cannot be used: ${p.detail}. Write it as postgres://USER@HOST:PORT/DATABASE?table=SCHEMA.TABLE (the password comes from PGPASSWORD or ~/.pgpass, never from the notebook).`,
  'database-unreachable': (p: { host: string; port: number; detail: string }) =>
    `Could not connect to PostgreSQL at ${p.host}:${p.port} (${p.detail}). Check that the server is running, that the host and port are right, and that it accepts connections from this machine.`,
  'database-login-failed': (p: { user: string; host: string; database: string; detail: string }) =>
    `PostgreSQL at ${p.host} refused user '${p.user}' for database '${p.database}' (${p.detail}). Check the user name, and set the password in the PGPASSWORD environment variable or in ~/.pgpass.`,
  'database-not-found': (p: { database: string; host: string }) =>
    `PostgreSQL at ${p.host} has no database '${p.database}'. Check the database name in the dataset's address.`,
  'table-not-found': (p: { table: string; database: string; suggestion?: string }) =>
    `Database '${p.database}' has no table '${p.table}' that this user can read.${p.suggestion ? ` Did you mean '${p.suggestion}'?` : ''} Check the schema and table name (table=SCHEMA.TABLE) and the user's privileges.`,
  'database-query-failed': (p: { table: string; detail: string }) =>
    `PostgreSQL could not compute on table '${p.table}': ${p.detail}.`,
  'database-timeout': (p: { host: string; seconds: number }) =>
    `PostgreSQL at ${p.host} did not answer within ${p.seconds} seconds. Check the server's load and the network, then run the cell again.`,
  'analysis-not-in-database': (p: { analysis: string; supported: string }) =>
    `${p.analysis} does not run inside a database yet (analyses that do: ${p.supported}). Export the table to a CSV file (for example with psql's \\copy) and point the notebook to that file.`,
  'too-many-columns': (p: { path: string; columns: number; max: number }) =>
    `Dataset '${p.path}' has ${p.columns.toLocaleString('en')} columns; Inferra reads at most ${p.max.toLocaleString('en')}. Save a copy with only the columns you need and point to that.`,
};
