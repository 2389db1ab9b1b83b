/**
 * Excel workbooks (.xlsx), read with exceljs:
 * 1. open the workbook and pick the sheet (the first, or the one named);
 * 2. find the header row: the first row of text that spans the table (a title above it is skipped);
 * 3. refuse a header that would lose names: merged cells, an empty cell above values, a name twice;
 * 4. type each column from its cells: numbers, booleans, dates (date cells; at midnight: dates), else text.
 */
import ExcelJS from 'exceljs';
import { InferraError } from '../errors.js';
import type { ImportedColumn, ImportedTable, ImportedType } from './imported.js';
import { MISSING_MARKERS } from './markers.js';

type Plain = number | string | boolean | Date | null;

/** How many rows from the top the header may be (a title and notes above it). */
const HEADER_SEARCH_ROWS = 30;

/** Reads one sheet of a workbook as a table; throws `parse-failed` (with what to do) for what it cannot read. */
export async function readWorkbook(path: string, shown: string, sheetName?: string): Promise<ImportedTable> {
  const fail = (detail: string, hint: string): never => {
    throw new InferraError('parse-failed', { path: shown, format: 'xlsx', detail, hint });
  };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InferraError(
      'parse-failed',
      {
        path: shown,
        format: 'xlsx',
        detail: `it is not a readable Excel workbook (${reason.replace(/[.\s]+$/, '')})`,
        hint: 'Open it in Excel or LibreOffice and save it again as an Excel workbook (.xlsx); an old .xls file must be saved as .xlsx.',
      },
      { cause: error },
    );
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  if (sheets.length === 0) fail('it has no sheets', 'Save a workbook with the data on its first sheet.');
  const sheet =
    sheetName === undefined
      ? sheets[0]
      : (sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name.trim().toLowerCase() === sheetName.trim().toLowerCase()));
  if (!sheet) return fail(`it has no sheet named "${sheetName}" (its sheets: ${names})`, 'Name one of its sheets.');
  const where = sheets.length > 1 || sheetName !== undefined ? `sheet "${sheet.name}"` : 'the sheet';

  // The grid: each non-empty row's cells (1-based columns), merged cells marked.
  const rows: { number: number; cells: Plain[]; merged: boolean[] }[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Plain[] = [];
    const merged: boolean[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      merged[column] = cell.type === ExcelJS.ValueType.Merge;
      cells[column] = merged[column] ? null : plainValue(cell.value);
    });
    if (cells.some((v) => v !== null && v !== undefined)) {
      rows.push({ number, cells, merged });
      width = Math.max(width, cells.length - 1);
    }
  });
  if (rows.length === 0) fail(`${where} is empty`, sheetName === undefined && sheets.length > 1 ? `Name the sheet with the data (its sheets: ${names}).` : 'Point to a sheet with a header row and data rows.');

  const filled = (r: (typeof rows)[number]) => r.cells.filter((v) => v !== null && v !== undefined).length;
  const widest = Math.max(...rows.slice(0, HEADER_SEARCH_ROWS + 5).map(filled));
  const headerIndex = rows.findIndex(
    (r, i) => i < HEADER_SEARCH_ROWS && filled(r) * 2 >= widest && r.cells.every((v) => v === null || v === undefined || typeof v === 'string'),
  );
  if (headerIndex < 0) {
    const first = rows[0];
    throw new InferraError('no-header', { path: shown, firstLine: first.cells.slice(1).map((v) => (v === null || v === undefined ? '' : shownValue(v))).join(', ').slice(0, 80) });
  }
  const header = rows[headerIndex];
  const data = rows.slice(headerIndex + 1);
  if (data.length === 0) {
    throw new InferraError('file-empty', { path: shown, headerOnly: true, columns: header.cells.filter((v) => typeof v === 'string').join(', ') });
  }

  // Columns: every position with a name or a value below the header.
  const columns: ImportedColumn[] = [];
  const seen = new Map<string, string>();
  for (let c = 1; c <= width; c++) {
    const cell = `${columnLetter(c)}${header.number}`;
    const name = typeof header.cells[c] === 'string' ? (header.cells[c] as string).trim() : '';
    const firstValue = data.find((r) => r.cells[c] !== null && r.cells[c] !== undefined);
    if (header.merged[c]) {
      let start = c - 1;
      while (start > 1 && header.merged[start]) start--;
      fail(
        `the header cells ${columnLetter(start)}${header.number}:${cell} are merged (row ${header.number} is read as the header), so column ${columnLetter(c)} has no name of its own`,
        'Unmerge the header cells and give each column its own name in that row.',
      );
    }
    if (name === '') {
      if (!firstValue) continue;
      fail(
        `column ${columnLetter(c)} has values (from ${columnLetter(c)}${firstValue.number}) but no name in the header row (${cell} is empty)`,
        `Type a name in ${cell}, or delete the column.`,
      );
    }
    const key = name.toLowerCase();
    const other = seen.get(key);
    if (other) fail(`the header names "${name}" twice (${other} and ${cell})`, 'Give each column its own name.');
    seen.set(key, cell);
    columns.push(typedColumn(name, data.map((r) => r.cells[c] ?? null)));
  }
  return { columns, rows: data.length, sheet: sheet.name };
}

/** A cell's value without formulas, rich text, hyperlinks or errors (errors are missing). */
function plainValue(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

const MISSING = new Set<string>(MISSING_MARKERS);

/** A column typed from its cells: numbers (numbers as text included), booleans, dates, else text. */
function typedColumn(name: string, cells: Plain[]): ImportedColumn {
  const values = cells.map((v) => (typeof v === 'string' && MISSING.has(v.trim()) ? null : v));
  const present = values.filter((v) => v !== null);
  let type: ImportedType = 'VARCHAR';
  if (present.length > 0 && present.every((v) => typeof v === 'number' || (typeof v === 'string' && isNumberText(v)))) type = 'DOUBLE';
  else if (present.length > 0 && present.every((v) => typeof v === 'boolean')) type = 'BOOLEAN';
  else if (present.length > 0 && present.every((v) => v instanceof Date)) {
    type = present.every((v) => (v as Date).getTime() % 86_400_000 === 0) ? 'DATE' : 'TIMESTAMP';
  }
  const converted = values.map((v) => {
    if (v === null) return null;
    if (type === 'DOUBLE') return Number(v);
    if (type === 'BOOLEAN') return v as boolean;
    if (type === 'DATE') return (v as Date).toISOString().slice(0, 10);
    if (type === 'TIMESTAMP') return (v as Date).toISOString().replace('Z', '');
    return shownValue(v);
  });
  return { name, type, values: converted };
}

function isNumberText(text: string): boolean {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text);
}

function shownValue(v: string | number | boolean | Date): string {
  if (v instanceof Date) return v.getTime() % 86_400_000 === 0 ? v.toISOString().slice(0, 10) : v.toISOString().replace('Z', '');
  return String(v);
}

/** 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
