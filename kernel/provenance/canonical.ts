/**
 * Canonical JSON and SHA-256 digests: the bytes that provenance hashes are computed over.
 *
 * The form is RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace, strings
 * escaped as `JSON.stringify` does, numbers in ECMAScript's shortest round-trip form (`String(x)`,
 * so `0.1` stays `0.1`, `1e21` is `1e+21` and `-0` is `0`).
 *
 * Non-finite numbers: NaN, Infinity and -Infinity are encoded as `null`, exactly as `JSON.stringify`
 * does. This is deliberate: results are stored in the notebook as JSON, so a digest computed from the
 * in-memory result at run time must equal the digest of the same result read back from the file.
 * `undefined` object members are omitted and `undefined` array items become `null` (again as
 * `JSON.stringify`). Values with `toJSON` (Date) are serialised through it; typed arrays as arrays.
 * BigInt, functions, symbols, Maps, Sets and cycles are rejected (`provenance-unsupported-value`).
 */
import { createHash } from 'node:crypto';
import { InferraError } from '../errors.js';

/** The canonical (RFC 8785 style) JSON text of a plain-data value. */
export function canonicalJson(value: unknown): string {
  return serializeValue(value, '$', new Set());
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Keys of a result JSON that its digest leaves out: provenance (circular) and figures (digested one by one). */
export const RESULT_DIGEST_EXCLUDED_KEYS: readonly string[] = ['provenance', 'figures'];

/**
 * The digest of a result JSON (CONTRACT.md shape): SHA-256 of its canonical JSON without the
 * top-level `provenance` (which holds the digest itself) and `figures` (digested separately in
 * `figure_digests`, so that a cosmetic change of a chart does not count as a different result).
 */
export function digestResult(resultJson: unknown): string {
  return sha256Hex(canonicalJson(stripResultForDigest(resultJson)));
}

/** The digest of one figure: SHA-256 of its Vega-Lite spec's canonical JSON. */
export function digestFigure(vegaLite: unknown): string {
  return sha256Hex(canonicalJson(vegaLite));
}

/** The part of a result JSON its digest covers (see `digestResult`). */
export function stripResultForDigest(resultJson: unknown): unknown {
  if (resultJson === null || typeof resultJson !== 'object' || Array.isArray(resultJson)) return resultJson;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(resultJson)) {
    if (!RESULT_DIGEST_EXCLUDED_KEYS.includes(key)) out[key] = v;
  }
  return out;
}

function serializeValue(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'string':
      return JSON.stringify(value);
    case 'object':
      return serializeObject(value, path, seen);
    default:
      throw new InferraError('provenance-unsupported-value', { path, kind: typeof value });
  }
}

function serializeObject(value: object, path: string, seen: Set<object>): string {
  if (seen.has(value)) throw new InferraError('provenance-unsupported-value', { path, kind: 'a cycle' });
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return serializeValue(toJson.call(value), path, seen);
  if (value instanceof Map || value instanceof Set) {
    throw new InferraError('provenance-unsupported-value', { path, kind: value.constructor.name });
  }
  seen.add(value);
  try {
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      const items = Array.from(value as ArrayLike<unknown>, (item, i) =>
        item === undefined ? 'null' : serializeValue(item, `${path}[${i}]`, seen),
      );
      return `[${items.join(',')}]`;
    }
    const parts: string[] = [];
    // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${serializeValue(member, `${path}.${key}`, seen)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(value);
  }
}
