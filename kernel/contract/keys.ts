/**
 * The one place where internal camelCase becomes the snake_case JSON of CONTRACT.md.
 * Rule: `pValue` -> `p_value`, `adjRSquared` -> `adj_r_squared`, a trailing number gets its own word
 * (`mean1` -> `mean_1`, `group2` -> `group_2`), except names the contract keeps whole (`df1`, `df2`, describe's `q1`, `q3`).
 * Keys only: values (column names, level labels, terms) are never touched, and Vega-Lite specs are
 * passed through verbatim.
 */

const KEPT = new Set(['df1', 'df2', 'q1', 'q3']);

/** A camelCase key in CONTRACT.md's snake_case. */
export function snakeKey(key: string): string {
  if (KEPT.has(key) || !/[A-Z0-9]/.test(key)) return key;
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .replace(/([A-Za-z])([0-9]+)$/, '$1_$2')
    .toLowerCase();
}

/** A deep copy of plain data with every object key in snake_case; `opaqueKeys` subtrees are copied as is. */
export function snakeKeys(value: unknown, opaqueKeys: ReadonlySet<string> = new Set(['vegaLite'])): unknown {
  if (Array.isArray(value)) return value.map((v) => snakeKeys(v, opaqueKeys));
  if (value instanceof Float64Array) return Array.from(value);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[snakeKey(k)] = opaqueKeys.has(k) ? v : snakeKeys(v, opaqueKeys);
    }
    return out;
  }
  return value;
}

/** A snake_case key back in camelCase, the inverse of `snakeKey` (`pair_id` -> `pairId`, `mean_1` -> `mean1`). */
export function camelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A deep copy of plain data with every object key in camelCase (JSON read back into the kernel's types). */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelKey(k), camelKeys(v)]));
  }
  return value;
}

/** A result table in CONTRACT.md's JSON: its column keys and the keys of its rows in snake_case. */
export function tableToJson<T extends { columns: { key: string; label: string }[]; rows: Record<string, unknown>[] }>(table: T): T {
  return {
    ...table,
    columns: table.columns.map((c) => ({ ...c, key: snakeKey(c.key) })),
    rows: table.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [snakeKey(k), v]))),
  };
}

/** JSON has no infinities: one-sided CI bounds become the strings "Infinity" / "-Infinity" (and NaN "NaN"). */
export function encodeNonFinite(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  if (Array.isArray(value)) return value.map(encodeNonFinite);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeNonFinite(v);
    return out;
  }
  return value;
}

/** The inverse of `encodeNonFinite` for the infinities (stored results read back); "NaN" stays text. */
export function decodeInfinities(value: unknown): unknown {
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (Array.isArray(value)) return value.map(decodeInfinities);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeInfinities(v)]));
  }
  return value;
}

/** A number of the result JSON (finite, or one of `encodeNonFinite`'s strings) as a number. */
export function numberFromJson(value: number | 'Infinity' | '-Infinity' | 'NaN'): number {
  return value === 'NaN' ? Number.NaN : value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value;
}
