/**
 * Researchers' files: Excel workbooks and SPSS files, made by real writers (R's haven, exceljs,
 * LibreOffice: test/fixtures/files/make-files.R and make-xlsx.ts). Reference values come from R
 * reading the same .sav with haven (survey-reference.json); numbers agree to 1e-12 relative.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { detectFormat, inferSchema, loadTable } from '../../../kernel/data/index.js';
import { datasetLocator } from '../../../kernel/data/locator.js';
import { columnOf, numbersOf, rejectsWithCode, textsOf } from './helpers.js';

const file = (name: string) => fileURLToPath(new URL(`../../fixtures/files/${name}`, import.meta.url));
const reference = JSON.parse(readFileSync(file('survey-reference.json'), 'utf8'));
const TOLERANCE = 1e-12;

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

function mean(values: number[]): number {
  const present = values.filter((v) => !Number.isNaN(v));
  return present.reduce((a, b) => a + b, 0) / present.length;
}

describe('data: SPSS .sav files', () => {
  it('reads every case, with system- and user-missing values as missing (R haven agrees)', async () => {
    assert.equal(detectFormat('x.SAV'), 'sav');
    const { table, rows, format } = await loadTable(file('survey.sav'));
    assert.equal(format, 'sav');
    assert.equal(rows, reference.rows);
    const score = numbersOf(table, 'score');
    assert.equal(score.filter((v) => !Number.isNaN(v)).length, reference.score_n);
    close(mean(score), reference.score_mean, 'mean score');
    // Q1 (age) has the user-missing code 999 "Refused": missing, not a number 999.
    const age = numbersOf(table, 'Q1');
    assert.equal(age.filter((v) => !Number.isNaN(v)).length, reference.age_n);
    assert.ok(!age.includes(999));
  });

  it('turns value labels into levels in code order, keeps the codes as <name>_code, and keeps variable labels', async () => {
    const schema = await inferSchema(file('survey.sav'));
    const q3 = schema.columns.find((c) => c.name === 'Q3')!;
    assert.equal(q3.kind, 'categorical');
    assert.equal(q3.label, 'Gender');
    assert.deepEqual(
      q3.levels!.map((l) => [l.value, l.count]),
      Object.entries(reference.gender_counts),
    );
    assert.equal(q3.missing, reference.gender_missing, 'the code 9 "No answer" is user-missing');
    const q5 = schema.columns.find((c) => c.name === 'Q5')!;
    assert.deepEqual(q5.levels!.map((l) => l.value), ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied']);
    const codes = schema.columns.find((c) => c.name === 'Q5_code')!;
    assert.equal(codes.kind, 'numeric');
    assert.deepEqual(codes.levels!.map((l) => l.value), ['1', '2', '3', '4', '5']);
    assert.equal(schema.columns.find((c) => c.name === 'score')!.label, 'Wellbeing score');
    assert.equal(schema.columns.find((c) => c.name === 'interview')!.kind, 'datetime');

    const { table } = await loadTable(file('survey.sav'), { columns: ['Q2', 'score', 'interview'] });
    const groups = textsOf(table, 'Q2');
    const score = numbersOf(table, 'score');
    for (const [level, expected] of Object.entries(reference.score_mean_by_group) as [string, number][]) {
      close(mean(score.filter((_, i) => groups[i] === level)), expected, `mean score of ${level}`);
    }
    assert.equal([...textsOf(table, 'interview')].sort()[0], reference.first_interview);
  });

  it('hashes the file bytes for provenance', async () => {
    const schema = await inferSchema(file('survey.sav'));
    assert.equal(schema.sha256, createHash('sha256').update(readFileSync(file('survey.sav'))).digest('hex'));
  });

  it('reads a file without labels', async () => {
    const { table } = await loadTable(file('plain.sav'));
    assert.deepEqual(numbersOf(table, 'x'), [1.5, 2.5, NaN]);
    assert.deepEqual(textsOf(table, 'word'), ['a', 'b', 'c']);
  });

  it('says which file, what is wrong and what to do for a truncated or foreign file, in one line', async () => {
    const truncated = await rejectsWithCode(inferSchema(file('truncated.sav')), 'parse-failed');
    assert.match(truncated.message, /truncated\.sav.*ends in the middle of case \d+ of its 120.*export it again/);
    const foreign = await rejectsWithCode(inferSchema(file('not-spss.sav')), 'parse-failed');
    assert.match(foreign.message, /not-spss\.sav.*not an SPSS system file.*Save it from SPSS or PSPP/);
    for (const error of [truncated, foreign]) assert.equal(error.message.split('\n').length, 1);
  });
});

describe('data: Excel .xlsx workbooks', () => {
  it('reads the first sheet by default, skipping a title above the header, with dates as dates', async () => {
    const schema = await inferSchema(file('survey.xlsx'));
    assert.equal(schema.format, 'xlsx');
    assert.equal(schema.sheet, 'Wave 1');
    assert.equal(schema.rows, reference.rows);
    assert.deepEqual(schema.columns.map((c) => c.name), ['id', 'age', 'group', 'gender', 'score', 'satisfaction', 'interview']);
    const interview = schema.columns.find((c) => c.name === 'interview')!;
    assert.equal(interview.kind, 'datetime');
    assert.equal(interview.storageType, 'DATE');
    assert.equal(schema.columns.find((c) => c.name === 'gender')!.missing, reference.gender_missing);
    const { table } = await loadTable(file('survey.xlsx'), { columns: ['score', 'interview'] });
    close(mean(numbersOf(table, 'score')), reference.score_mean, 'mean score');
    assert.equal([...textsOf(table, 'interview')].sort()[0], reference.first_interview);
    assert.equal(schema.sha256, createHash('sha256').update(readFileSync(file('survey.xlsx'))).digest('hex'));
  });

  it('reads a named sheet, and names the sheets when the one asked for is not there', async () => {
    const schema = await inferSchema(datasetLocator(file('survey.xlsx'), 'Wave 2'));
    assert.equal(schema.sheet, 'Wave 2');
    assert.equal(schema.rows, 60);
    const { table } = await loadTable(datasetLocator(file('survey.xlsx'), 'Wave 2'), { columns: ['id'] });
    assert.equal(table.rowCount, 60);
    const error = await rejectsWithCode(inferSchema(datasetLocator(file('survey.xlsx'), 'Wave 3')), 'parse-failed');
    assert.match(error.message, /no sheet named "Wave 3" \(its sheets: "Wave 1", "Wave 2"\)/);
    const csv = await rejectsWithCode(inferSchema(datasetLocator(file('survey.csv'), 'Wave 2')), 'parse-failed');
    assert.match(csv.message, /only Excel workbooks \(\.xlsx\) have sheets/);
  });

  it('reads a workbook LibreOffice wrote from the same data alike', async () => {
    const schema = await inferSchema(file('survey-libreoffice.xlsx'));
    const { table } = await loadTable(file('survey-libreoffice.xlsx'), { columns: ['score', 'gender'] });
    assert.equal(schema.rows, reference.rows);
    close(mean(numbersOf(table, 'score')), reference.score_mean, 'mean score');
    assert.equal(textsOf(table, 'gender').filter((g) => g === 'Female').length, reference.gender_counts.Female);
    assert.equal(columnOf(table, 'gender').kind, 'categorical');
  });

  it('refuses merged and empty header cells and a sheet without a header, naming the cells', async () => {
    const merged = await rejectsWithCode(inferSchema(file('merged-header.xlsx')), 'parse-failed');
    assert.match(merged.message, /merged-header\.xlsx.*header cells B1:C1 are merged.*Unmerge the header cells/);
    const empty = await rejectsWithCode(inferSchema(file('empty-header.xlsx')), 'parse-failed');
    assert.match(empty.message, /column C has values \(from C2\) but no name in the header row \(C1 is empty\)\. Type a name in C1/);
    const none = await rejectsWithCode(inferSchema(file('no-header.xlsx')), 'no-header');
    assert.match(none.message, /no-header\.xlsx.*\(1, 10\) looks like data/);
  });

  it('says a damaged workbook cannot be read and what to do, in one line', async () => {
    const error = await rejectsWithCode(inferSchema(file('corrupt.xlsx')), 'parse-failed');
    assert.match(error.message, /corrupt\.xlsx.*not a readable Excel workbook.*save it again as an Excel workbook/);
    assert.equal(error.message.split('\n').length, 1);
  });

  it('points an old or foreign spreadsheet format to what to save it as', () => {
    assert.throws(() => detectFormat('old.xls'), (e: Error) => /Save it as an Excel workbook \(\.xlsx\) or as CSV/.test(e.message));
    assert.throws(() => detectFormat('study.dta'), (e: Error) => /Stata/.test(e.message));
  });
});
