/**
 * The `.inferra` file format: JSON, validated with zod at the boundary. Unknown fields at every
 * level are kept (loose objects), so a file written by a newer Inferra or edited by hand survives a
 * round trip. Keys are snake_case, like the rest of Inferra's JSON surface.
 *
 * ```json
 * { "format": "inferra-notebook", "version": 1, "metadata": { "title": "..." },
 *   "datasets": [{ "name": "penguins", "path": "penguins.csv", "sha256": "..." }],
 *   "cells": [
 *     { "id": "intro", "kind": "markdown", "source": "# ..." },
 *     { "id": "flipper-by-sex", "kind": "ask", "source": "compare flipper length between sexes",
 *       "outputs": [{ "items": [{ "mime": "application/vnd.inferra.result+json", "data": {} }] }],
 *       "execution": { "order": 1, "success": true, "start_time": 0, "end_time": 0 },
 *       "inferra": { "decision": {}, "provenance": [] } } ] }
 * ```
 */
import * as z from 'zod';
import { provenanceRecordSchema } from '../contract/schemas.js';

/** The format marker and the newest version this code reads and writes. */
export const NOTEBOOK_FORMAT = 'inferra-notebook';
export const NOTEBOOK_VERSION = 1;

const OutputItemSchema = z.looseObject({
  mime: z.string().min(1),
  data: z.unknown(),
});

const CellOutputSchema = z.looseObject({
  items: z.array(OutputItemSchema),
});

const ExecutionSchema = z.looseObject({
  order: z.number().int().nonnegative().optional(),
  success: z.boolean().optional(),
  start_time: z.number().optional(),
  end_time: z.number().optional(),
});

/**
 * The pinned decision (validated in depth by decide/ when used) and the provenance chain, whose
 * records are validated here, at the boundary: a malformed record is a `notebook-invalid` with its
 * JSON path, never a crash later (security review L2).
 */
const CellInferraSchema = z.looseObject({
  decision: z.looseObject({}).optional(),
  provenance: z.array(provenanceRecordSchema).optional(),
});

const cellId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'cell ids use letters, digits, and . _ : -');

const MarkdownCellSchema = z.looseObject({
  id: cellId,
  kind: z.literal('markdown'),
  source: z.string(),
});

const AskCellSchema = z.looseObject({
  id: cellId,
  kind: z.literal('ask'),
  source: z.string(),
  dataset: z.string().optional(),
  outputs: z.array(CellOutputSchema).optional(),
  execution: ExecutionSchema.optional(),
  inferra: CellInferraSchema.optional(),
});

const DatasetRefSchema = z.looseObject({
  name: z.string().min(1),
  path: z.string().min(1),
  /** The sheet of an Excel workbook (default: its first). */
  sheet: z.string().min(1).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** The whole file. */
export const NotebookSchema = z.looseObject({
  format: z.literal(NOTEBOOK_FORMAT),
  version: z.number().int().positive(),
  metadata: z.looseObject({ title: z.string().optional() }).default({}),
  datasets: z.array(DatasetRefSchema).default([]),
  cells: z.array(z.discriminatedUnion('kind', [MarkdownCellSchema, AskCellSchema])),
});

/** A notebook as read from a `.inferra` file. */
export type Notebook = z.infer<typeof NotebookSchema>;
/** A markdown cell. */
export type MarkdownCell = z.infer<typeof MarkdownCellSchema>;
/** A natural-language cell that runs. */
export type AskCell = z.infer<typeof AskCellSchema>;
/** Either kind of cell. */
export type Cell = Notebook['cells'][number];
/** One output of a cell: items richest first. */
export type CellOutput = z.infer<typeof CellOutputSchema>;
/** One item of an output. */
export type OutputItem = z.infer<typeof OutputItemSchema>;
/** When and how a cell last ran. */
export type CellExecutionSummary = z.infer<typeof ExecutionSchema>;
/** A dataset the notebook uses, by path relative to the notebook. */
export type DatasetRef = z.infer<typeof DatasetRefSchema>;

/** Whether a cell is an ask cell. */
export function isAskCell(cell: Cell): cell is AskCell {
  return cell.kind === 'ask';
}
