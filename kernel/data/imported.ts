/**
 * Files DuckDB cannot read itself (Excel workbooks, SPSS files) are read by a reader of ours
 * (xlsx.ts, sav.ts) into an `ImportedTable`, which is appended into a DuckDB temporary table; the
 * source's reader is then a SELECT over that table, and the rest of the pipeline (schema inference,
 * loading, `--where`) is the same as for a CSV file.
 */
import { quotedIdentifier } from '@duckdb/node-api';
import { getConnection } from './duckdb.js';

/** A column's type in the imported table. Dates and timestamps are appended as ISO text and cast. */
export type ImportedType = 'DOUBLE' | 'VARCHAR' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';

/** One column read by an importer. */
export interface ImportedColumn {
  name: string;
  type: ImportedType;
  /** One value per row: numbers for DOUBLE, booleans for BOOLEAN, text (ISO 8601 for dates) otherwise; null = missing. */
  values: (number | string | boolean | null)[];
  /** The variable's label (SPSS). */
  label?: string;
  /** The order of the column's levels (SPSS value labels, in code order). */
  levels?: string[];
}

/** What an importer read: the columns, with what the researcher should know about them. */
export interface ImportedTable {
  columns: ImportedColumn[];
  rows: number;
  /** The sheet read (workbooks). */
  sheet?: string;
}

let importedTables = 0;

/** Appends an imported table into a new DuckDB temporary table; returns a table expression that reads it. */
export async function storeImported(table: ImportedTable): Promise<{ reader: string; drop: () => Promise<void> }> {
  const connection = await getConnection();
  const name = `inferra_import_${++importedTables}`;
  const stored = (c: ImportedColumn) => (c.type === 'DATE' || c.type === 'TIMESTAMP' ? 'VARCHAR' : c.type);
  const definition = table.columns.map((c, i) => `${quotedIdentifier(`c${i}`)} ${stored(c)}`).join(', ');
  await connection.run(`CREATE TEMP TABLE ${name} (${definition || 'c BOOLEAN'})`);
  const drop = async () => {
    await connection.run(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
  };
  try {
    if (table.columns.length > 0) {
      const appender = await connection.createAppender(name, 'main', 'temp');
      for (let r = 0; r < table.rows; r++) {
        for (const column of table.columns) {
          const value = column.values[r];
          if (value === null || value === undefined) appender.appendNull();
          else if (column.type === 'DOUBLE') appender.appendDouble(value as number);
          else if (column.type === 'BOOLEAN') appender.appendBoolean(value as boolean);
          else appender.appendVarchar(String(value));
        }
        appender.endRow();
      }
      appender.closeSync();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  const select = table.columns.map((c, i) => {
    const column = quotedIdentifier(`c${i}`);
    const value = c.type === 'DATE' || c.type === 'TIMESTAMP' ? `CAST(${column} AS ${c.type})` : column;
    return `${value} AS ${quotedIdentifier(c.name)}`;
  });
  return { reader: `(SELECT ${select.join(', ') || '*'} FROM ${name})`, drop };
}
