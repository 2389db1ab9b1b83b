/**
 * Binding a provenance record to what the notebook shows (security review H1). A record's
 * `result_digest` covers the result the run computed; these bindings also cover what a reader sees:
 *
 * - `source_hash`: SHA-256 of the cell text (whitespace-normalised, as the pinned decision's
 *   `source_hash`), so the question above a result cannot be swapped;
 * - `output_digests`: one `{ path, sha256 }` per shown part of the cell, the path relative to the
 *   cell: each part of the result item (`outputs[0].items[0].data.result.summary`, `...data.decision`),
 *   every other output item whole (figures, the Markdown and plain-text fallbacks) and the pinned
 *   decision (`inferra.decision`). Digests are SHA-256 of canonical JSON (canonical.ts), so a value
 *   written to the file and read back digests the same.
 *
 * `checkShown` recomputes them from the cell as stored and names every path that changed, was added
 * or was removed (outputs that were cleared altogether are not an edit: they show nothing). Records written before this binding existed carry neither field: they are `unbound`
 * (only their `result_digest` and `figure_digests` can be held against the stored outputs).
 */
import { createHash } from 'node:crypto';
import { canonicalJson, digestFigure, digestResult, sha256Hex } from './canonical.js';
import type { ProvenanceRecord } from './record.js';

/** The result renderer's MIME type (kernel/notebook/outputs.ts; repeated to keep provenance/ free of notebook/). */
const RESULT_MIME = 'application/vnd.inferra.result+json';
/** The Vega renderer's MIME type (kernel/notebook/outputs.ts). */
const VEGA_MIME = 'application/vnd.vegalite.v6+json';

/** One bound part of a cell: its JSON path inside the cell and the SHA-256 of its canonical JSON. */
export interface OutputDigest {
  path: string;
  sha256: string;
}

/** What of a cell the bindings cover (a stored ask cell, or one just built by a run). */
export interface ShownCell {
  source: string;
  outputs?: readonly { items: readonly { mime: string; data?: unknown }[] }[];
  /** The pinned decision (`inferra.decision`). */
  decision?: unknown;
}

/** One part of a cell that no longer matches its record. */
export interface ShownEdit {
  /** Relative to the cell, e.g. `source`, `outputs[0].items[0].data.result.summary`. */
  path: string;
  /** What a reader knows it as: "cell text", "result summary", "figure 1", "plain-text output". */
  label: string;
  change: 'changed' | 'added' | 'removed';
  /** Digest in the record (absent when added). */
  recorded?: string;
  /** Digest of what the cell holds now (absent when removed). */
  now?: string;
}

/** The verdict on a cell's shown parts. */
export interface ShownCheck {
  /** Whether the record binds the cell text and outputs (false for records of older versions). */
  bound: boolean;
  edits: ShownEdit[];
}

/** The hash that ties a record or a pinned decision to the text it was made for (whitespace-normalised). */
export function hashCellSource(source: string): string {
  return createHash('sha256').update(source.trim().replace(/\s+/g, ' ')).digest('hex');
}

/** The bound parts of a cell's outputs and pinned decision, in a stable order. */
export function digestShownParts(cell: Omit<ShownCell, 'source'>): OutputDigest[] {
  const parts: OutputDigest[] = [];
  // An undefined member is not written to the file (JSON), so it is not a part either.
  const add = (path: string, value: unknown) => {
    if (value !== undefined) parts.push({ path, sha256: sha256Hex(canonicalJson(value)) });
  };
  for (const [o, output] of (cell.outputs ?? []).entries()) {
    const { items, ...outputRest } = output as { items: readonly { mime: string; data?: unknown }[] };
    if (Object.keys(outputRest).length > 0) add(`outputs[${o}]`, outputRest);
    for (const [i, item] of items.entries()) {
      const at = `outputs[${o}].items[${i}]`;
      if (item.mime === RESULT_MIME && isPlainObject(item.data)) {
        const { data, ...itemRest } = item;
        add(at, itemRest);
        const { result, ...payloadRest } = data as Record<string, unknown>;
        for (const key of Object.keys(payloadRest).sort()) add(joinPath(`${at}.data`, key), payloadRest[key]);
        if (isPlainObject(result)) {
          for (const key of Object.keys(result).sort()) add(joinPath(`${at}.data.result`, key), result[key]);
        } else if (result !== undefined) {
          add(`${at}.data.result`, result);
        }
      } else {
        add(at, item);
      }
    }
  }
  if (cell.decision !== undefined) add('inferra.decision', cell.decision);
  return parts;
}

/**
 * Holds a cell as stored against its latest record: the cell text against `source_hash`, the shown
 * parts against `output_digests`. A record without these (older Inferra) is `bound: false`; its
 * stored result is still held against `result_digest` and its figures against `figure_digests`.
 */
export function checkShown(record: ProvenanceRecord, cell: ShownCell): ShownCheck {
  const edits: ShownEdit[] = [];
  const sourceHash = stringField(record, 'source_hash');
  const recorded = outputDigestsOf(record);
  if (sourceHash !== undefined) {
    const now = hashCellSource(cell.source);
    if (now !== sourceHash) edits.push({ path: 'source', label: 'cell text', change: 'changed', recorded: sourceHash, now });
  }
  // Cleared outputs ("Clear All Outputs") show nothing false: only the text and the pinned decision are held then.
  const cleared = (cell.outputs ?? []).length === 0;
  if (recorded !== undefined) {
    const current = new Map(digestShownParts(cell).map((p) => [p.path, p.sha256]));
    const before = new Map(recorded.filter((p) => !(cleared && p.path.startsWith('outputs['))).map((p) => [p.path, p.sha256]));
    for (const [path, digest] of before) {
      const now = current.get(path);
      if (now === undefined) edits.push({ path, label: labelOf(path, cell), change: 'removed', recorded: digest });
      else if (now !== digest) edits.push({ path, label: labelOf(path, cell), change: 'changed', recorded: digest, now });
    }
    for (const [path, now] of current) {
      if (!before.has(path)) edits.push({ path, label: labelOf(path, cell), change: 'added', now });
    }
  } else if (!cleared) {
    edits.push(...checkLegacyDigests(record, cell));
  }
  return { bound: sourceHash !== undefined && recorded !== undefined, edits };
}

/** The record's `output_digests`, when it has well-formed ones. */
function outputDigestsOf(record: ProvenanceRecord): OutputDigest[] | undefined {
  const value = (record as Record<string, unknown>).output_digests;
  if (!Array.isArray(value)) return undefined;
  return value.filter((p): p is OutputDigest => isPlainObject(p) && typeof p.path === 'string' && typeof p.sha256 === 'string');
}

/** What an old record can still vouch for: the stored result (its digest) and the stored figures. */
function checkLegacyDigests(record: ProvenanceRecord, cell: ShownCell): ShownEdit[] {
  const edits: ShownEdit[] = [];
  const first = cell.outputs?.[0]?.items ?? [];
  const resultAt = first.findIndex((i) => i.mime === RESULT_MIME);
  const result = resultAt >= 0 && isPlainObject(first[resultAt].data) ? (first[resultAt].data as Record<string, unknown>).result : undefined;
  if (record.result_digest && result !== undefined) {
    const now = digestResult(result);
    if (now !== record.result_digest) {
      edits.push({ path: `outputs[0].items[${resultAt}].data.result`, label: 'result', change: 'changed', recorded: record.result_digest, now });
    }
  }
  const figures: { path: string; spec: unknown }[] = [];
  for (const [o, output] of (cell.outputs ?? []).entries()) {
    for (const [i, item] of output.items.entries()) {
      if (item.mime === VEGA_MIME) figures.push({ path: `outputs[${o}].items[${i}].data`, spec: item.data });
    }
  }
  if (record.status === 'ok') {
    for (let k = 0; k < Math.max(figures.length, record.figure_digests.length); k++) {
      const stored = figures[k];
      const digest = record.figure_digests[k]?.sha256;
      const label = `figure ${k + 1}`;
      if (!stored) edits.push({ path: `figure ${k + 1}`, label, change: 'removed', recorded: digest });
      else if (digest === undefined) edits.push({ path: stored.path, label, change: 'added', now: digestFigure(stored.spec) });
      else if (digestFigure(stored.spec) !== digest) edits.push({ path: stored.path, label, change: 'changed', recorded: digest, now: digestFigure(stored.spec) });
    }
  }
  return edits;
}

/** Readers' names of the result item's parts besides the result. */
const PAYLOAD_LABELS: Record<string, string> = {
  decision: 'decision shown',
  error: 'error message',
  request: 'request text',
  status: 'status',
  cellId: 'cell id',
};

/** A reader's name for a bound path. */
function labelOf(path: string, cell: Omit<ShownCell, 'source'>): string {
  if (path === 'inferra.decision') return 'pinned decision';
  const m = /^outputs\[(\d+)\](?:\.items\[(\d+)\](.*))?$/.exec(path);
  if (!m) return path;
  const [o, i, rest] = [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] ?? ''];
  if (i === undefined) return `output ${o + 1}`;
  if (rest.startsWith('.data.result.')) {
    const key = rest.slice('.data.result.'.length);
    return key === 'result' ? 'result values' : `result ${key}`;
  }
  if (rest === '.data.result') return 'result';
  if (rest.startsWith('.data.')) return PAYLOAD_LABELS[rest.slice('.data.'.length)] ?? `result item ${rest.slice('.data.'.length)}`;
  const mime = cell.outputs?.[o]?.items[i]?.mime;
  if (mime === VEGA_MIME) return `figure ${figureNumber(cell, o, i)}`;
  if (mime === 'text/markdown') return 'Markdown text';
  if (mime === 'text/plain') return o === 0 ? 'plain text' : `caption of output ${o + 1}`;
  if (mime === RESULT_MIME) return 'result item';
  return `output ${o + 1} item ${i + 1}${mime ? ` (${mime})` : ''}`;
}

/** The 1-based number of the figure at output `o`, item `i`, counting Vega items in order. */
function figureNumber(cell: Omit<ShownCell, 'source'>, o: number, i: number): number {
  let n = 0;
  for (const [oo, output] of (cell.outputs ?? []).entries()) {
    for (const [ii, item] of output.items.entries()) {
      if (item.mime === VEGA_MIME) n++;
      if (oo === o && ii === i) return n;
    }
  }
  return n + 1;
}

function stringField(record: ProvenanceRecord, key: string): string | undefined {
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function joinPath(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
