/** The data layer: DuckDB reads a dataset file, infers its schema and loads columns as typed arrays. */
export { classifyColumn, isIdName, type ColumnFacts } from './classify.js';
export { getConnection, getDuckDBVersion } from './duckdb.js';
export { detectFormat } from './format.js';
export { hashFile, hashFileSelection } from './hash.js';
export { formatRowCount, loadTable, PROGRESS_BYTES, PROGRESS_ROWS, PROGRESS_STEP_ROWS, type LoadedTable, type LoadOptions } from './load.js';
export { inferSchema } from './schema.js';
