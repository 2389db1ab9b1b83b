/** CSV readers for figure tests (test/support/fixtures.ts does the parsing). */
import type { Table } from '../../../kernel/types.js';
import { readTable, readTableFile } from '../../support/fixtures.js';

/** Reads a CSV file into a Table: columns whose every present value parses as a number are numeric. */
export function readCsvTable(path: string): Table {
  return readTableFile(path);
}

/** The Palmer penguins sample of the repository. */
export function readPenguins(): Table {
  return readTable('samples/penguins.csv');
}
