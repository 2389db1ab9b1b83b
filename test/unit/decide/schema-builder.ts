/**
 * A small CSV -> DatasetSchema builder for the decision-engine tests, independent of DuckDB. It
 * follows the same kind rules as kernel/data/classify.ts (id, numeric with `usableAsGroup`,
 * boolean, categorical, text). The suite prefers the real `inferSchema` when it loads.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnKind, ColumnSchema, DatasetSchema, LevelCount } from '../../../kernel/types.js';
import { compareNatural } from '../../../kernel/util/natural-sort.js';
import { splitCsvLine as parseCsvLine } from '../../support/fixtures.js';

const ID_NAME = /^(?:.*[_\s.-])?(?:id|ids)$|^(?:subject|subj|participant|patient|person|case|record|row|rownames|obs|animal|individual|pid|sid)s?$/i;

/** Builds a schema from a CSV file (NA and empty are missing). */
export function buildSchemaFromCsv(path: string): DatasetSchema {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = parseCsvLine(lines[0]);
  const rows = lines.slice(1).map(parseCsvLine);
  const columns: ColumnSchema[] = header.map((name, j) => {
    const raw = rows.map((r) => r[j]);
    const present = raw.filter((v) => v !== undefined && v !== '' && v !== 'NA');
    const numeric = present.length > 0 && present.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
    const distinctValues = [...new Set(numeric ? present.map((v) => String(Number(v))) : present)];
    const n = present.length;
    const distinct = distinctValues.length;
    const unique = n > 1 && n === rows.length && distinct === n;
    let kind: ColumnKind;
    let usableAsGroup = false;
    if (numeric) {
      const integer = present.every((v) => Number.isInteger(Number(v)));
      if (unique && integer && ID_NAME.test(name)) kind = 'id';
      else {
        kind = 'numeric';
        usableAsGroup = distinct >= 2 && distinct <= 10 && distinct * 2 <= n;
      }
    } else if (unique && (ID_NAME.test(name) || j === 0)) kind = 'id';
    else if (distinct === 2 && present.every((v) => /^(true|false|yes|no)$/i.test(v))) {
      kind = 'boolean';
      usableAsGroup = true;
    } else if (distinct <= 50 && distinct * 2 <= n) {
      kind = 'categorical';
      usableAsGroup = distinct >= 2;
    } else kind = 'text';
    let levels: LevelCount[] | undefined;
    if (kind === 'categorical' || kind === 'boolean' || (kind === 'numeric' && usableAsGroup)) {
      const counts = new Map<string, number>();
      for (const v of present) {
        const key = numeric ? String(Number(v)) : v;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      levels = [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => compareNatural(a.value, b.value));
    }
    const column: ColumnSchema = {
      name,
      kind,
      storageType: numeric ? 'DOUBLE' : 'VARCHAR',
      n,
      missing: rows.length - n,
      distinct,
      usableAsGroup,
    };
    if (levels) column.levels = levels;
    if (kind === 'numeric') {
      const xs = present.map(Number);
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
      column.summary = { mean, sd, min: Math.min(...xs), max: Math.max(...xs) };
    }
    return column;
  });
  return { name: basename(path), path, format: 'csv', sha256: '', rows: rows.length, columns };
}
