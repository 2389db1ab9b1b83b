/**
 * SPSS system files (.sav), read with sav-reader:
 * 1. read the dictionary: variable names, labels, value labels, missing-value codes, formats;
 * 2. read every case; system-missing and user-missing codes (discrete or ranges) become missing;
 * 3. a numeric variable whose every value has a value label becomes a categorical column of the
 *    labels (levels in code order), and its numbers stay as `<name>_code`; date formats become dates.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { InferraError } from '../errors.js';
import type { ImportedColumn, ImportedTable } from './imported.js';

/** SPSS dates count seconds from 14 October 1582; JavaScript's from 1 January 1970. */
const SPSS_EPOCH_SECONDS = 12_219_379_200;

/** Print formats that hold dates (seconds since the SPSS epoch); DATETIME-like ones keep the time. */
const DATE_FORMATS = new Set(['DATE', 'ADATE', 'EDATE', 'JDATE', 'SDATE', 'QYR', 'MOYR', 'WKYR']);
const DATETIME_FORMATS = new Set(['DATETIME', 'YMDHMS']);

/** The sentinel SPSS writes for system-missing in an uncompressed file (-DBL_MAX). */
const SYSMIS = -Number.MAX_VALUE;

interface SavVariable {
  name: string;
  type: number;
  label: string | null;
  missing: null | number | number[] | { min: number; max: number; value?: number };
  printFormat?: { typestr?: string };
}

/** The part of sav-reader's API used here. */
interface SavReaderLike {
  reader: unknown;
  meta: { header?: { n_cases?: number }; sysvars: unknown[]; getValueLabels(name: string): unknown };
  open(): Promise<void>;
  readNextRow(includeNulls?: boolean): Promise<unknown>;
}

/**
 * sav-reader exports itself for require() only: the bundle's require() takes it in (esbuild bundles
 * a literal require call); under tsx, where modules have no require, createRequire loads it.
 */
function loadSavReader(): { SavBufferReader: new (buffer: Buffer) => SavReaderLike } {
  return typeof require === 'function' ? require('sav-reader') : createRequire(import.meta.url)('sav-reader');
}

/** Reads an SPSS file as a table; throws `parse-failed` (with what to do) for what it cannot read. */
export async function readSav(path: string, shown: string): Promise<ImportedTable> {
  const fail = (detail: string, hint: string, cause?: unknown): never => {
    throw new InferraError('parse-failed', { path: shown, format: 'sav', detail, hint }, cause === undefined ? undefined : { cause });
  };
  const bytes = await readFile(path);
  const signature = bytes.toString('latin1', 0, 4);
  if (signature === '$FL3') {
    fail('it is a ZLIB-compressed SPSS file (.zsav)', 'In SPSS, save it again with "Compress: No" or the default compression (not ZSAV), or export it as CSV.');
  }
  if (signature !== '$FL2') {
    fail('it is not an SPSS system file (it does not start with $FL2)', 'Save it from SPSS or PSPP as a .sav file (an SPSS portable .por file must be saved as .sav), or export it as CSV.');
  }
  const { SavBufferReader } = loadSavReader();
  const sav = new SavBufferReader(bytes);
  patchPeekByte(sav);
  const cases: Record<string, unknown>[] = [];
  let variables: SavVariable[] = [];
  let expected = -1;
  try {
    await sav.open();
    variables = sav.meta.sysvars as SavVariable[];
    expected = Number(sav.meta.header?.n_cases ?? -1);
    for (;;) {
      if (expected >= 0 && cases.length >= expected) break;
      const row = (await sav.readNextRow(true)) as Record<string, unknown> | null;
      if (!row) break;
      cases.push(row);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const where =
      expected > 0 && cases.length < expected
        ? `it ends in the middle of case ${cases.length + 1} of its ${expected}`
        : `its ${cases.length === 0 ? 'dictionary' : `case ${cases.length + 1}`} could not be read (${reason.replace(/[.\s]+$/, '')})`;
    fail(where, 'The file is damaged or was cut short: copy or export it again from SPSS or PSPP.', error);
  }
  if (expected > 0 && cases.length < expected) {
    fail(`it ends after ${cases.length} of its ${expected} cases`, 'The file is damaged or was cut short: copy or export it again from SPSS or PSPP.');
  }
  const columns: ImportedColumn[] = [];
  const names = new Set(variables.map((v) => v.name.toLowerCase()));
  for (const variable of variables) {
    const raw = cases.map((row) => row[variable.name] ?? null);
    const label = variable.label?.trim() || undefined;
    if (variable.type !== 0) {
      columns.push({ name: variable.name, type: 'VARCHAR', values: raw.map((v) => (typeof v === 'string' && v.trim() !== '' ? v : null)), label });
      continue;
    }
    const isMissing = missingTest(variable.missing);
    const numbers = raw.map((v) => (typeof v === 'number' && Number.isFinite(v) && v !== SYSMIS && !isMissing(v) ? v : null));
    const format = variable.printFormat?.typestr ?? '';
    if (DATE_FORMATS.has(format) || DATETIME_FORMATS.has(format)) {
      const withTime = DATETIME_FORMATS.has(format);
      const values = numbers.map((s) => {
        if (s === null) return null;
        const iso = new Date((s - SPSS_EPOCH_SECONDS) * 1000).toISOString();
        return withTime ? iso.replace('Z', '') : iso.slice(0, 10);
      });
      columns.push({ name: variable.name, type: withTime ? 'TIMESTAMP' : 'DATE', values, label });
      continue;
    }
    const valueLabels = (sav.meta.getValueLabels(variable.name) ?? []) as { val: unknown; label: string }[];
    const byCode = new Map(valueLabels.filter((l) => typeof l.val === 'number').map((l) => [l.val as number, String(l.label)]));
    const present = numbers.filter((v): v is number => v !== null);
    const labelled = byCode.size > 0 && present.length > 0 && present.every((v) => byCode.has(v));
    if (!labelled) {
      columns.push({ name: variable.name, type: 'DOUBLE', values: numbers, label });
      continue;
    }
    // Levels in code order, only the labels of codes that are not missing codes.
    const levels = [...byCode.entries()].filter(([code]) => !isMissing(code)).sort((a, b) => a[0] - b[0]).map(([, text]) => text);
    columns.push({ name: variable.name, type: 'VARCHAR', values: numbers.map((v) => (v === null ? null : byCode.get(v)!)), label, levels });
    let codeName = `${variable.name}_code`;
    for (let k = 2; names.has(codeName.toLowerCase()); k++) codeName = `${variable.name}_code${k}`;
    names.add(codeName.toLowerCase());
    columns.push({ name: codeName, type: 'DOUBLE', values: numbers });
  }
  return { columns, rows: cases.length };
}

/** Whether a number is one of a variable's user-missing codes (discrete values, a range, or both). */
function missingTest(spec: SavVariable['missing']): (value: number) => boolean {
  if (spec === null || spec === undefined) return () => false;
  if (typeof spec === 'number') return (v) => v === spec;
  if (Array.isArray(spec)) return (v) => spec.includes(v);
  return (v) => (v >= spec.min && v <= spec.max) || v === spec.value;
}

/**
 * sav-reader 2.0.8 takes the end of a compressed block that holds only padding for the end of the
 * file, and so stops after the first case of files written by ReadStat (R's haven). The padding
 * codes are skipped by the next read anyway: start the next block before peeking.
 */
function patchPeekByte(sav: SavReaderLike): void {
  const reader = sav.reader as unknown as { commandPointer: number; commandBuffer: Uint8Array | null; peekByte: () => Promise<number> };
  const peek = reader.peekByte.bind(reader);
  reader.peekByte = () => {
    const buffer = reader.commandBuffer;
    if (buffer && reader.commandPointer > 0 && buffer.subarray(reader.commandPointer).every((b) => b === 0)) reader.commandPointer = 0;
    return peek();
  };
}
