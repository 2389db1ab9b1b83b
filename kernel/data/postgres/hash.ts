/**
 * The content hash of a database table, computed in the engine and independent of row order: the
 * sum, modulo 2^128, of each row's MD5 (the row's text as PostgreSQL writes it), taken as four 32-bit
 * parts summed exactly. The digest recorded in provenance is the SHA-256 of the column names and
 * types, the row count and that sum: any changed, added or removed row changes it.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { fromTable, type PostgresColumn } from './source.js';
import type { PostgresLocator } from './locator.js';

const PARTS = [1, 9, 17, 25];

/** The SQL of the table's content hash parts (row count, then four exact sums). */
export function contentHashQuery(l: PostgresLocator): string {
  const parts = PARTS.map((start) => `CAST(sum(CAST(('x' || substr(md5(CAST(t AS TEXT)), ${start}, 8))::bit(32) AS BIGINT)) AS TEXT)`);
  return `SELECT count(*), ${parts.join(', ')} FROM ${fromTable(l)} AS t`;
}

/** The table's content digest (hex SHA-256) and its row count. */
export async function hashDatabaseTable(client: pg.Client, l: PostgresLocator, columns: readonly PostgresColumn[]): Promise<{ sha256: string; rows: number }> {
  const result = await client.query({ text: contentHashQuery(l), rowMode: 'array' });
  const row = result.rows[0] as (string | null)[];
  const rows = Number(row[0]);
  let sum = 0n;
  for (let i = 0; i < PARTS.length; i++) sum = (sum << 32n) + BigInt(row[i + 1] ?? '0');
  sum &= (1n << 128n) - 1n;
  const hash = createHash('sha256');
  hash.update(`postgres-table\n${JSON.stringify(columns.map((c) => [c.name, c.storageType]))}\nrows:${rows}\nmd5-sum:${sum.toString(16)}`);
  return { sha256: hash.digest('hex'), rows };
}
