/**
 * The outputs stored in a notebook file, read for the report. A file may have been edited by hand or
 * made by someone else, so every part is validated with zod where it is read: a part that does not
 * have the shape Inferra writes is left out and named (its JSON path in the file and what is wrong),
 * never passed on to code that would crash on it.
 */
import * as z from 'zod';
import { camelKeys, decodeInfinities, numberFromJson } from '../contract/index.js';
import { assumptionJson, choiceJson, cellErrorJson, describeIssue, droppedJson, fieldsJson, resultJson, runStatusJson, shownDecisionJson, tableJson } from '../contract/schemas.js';
import type { AskCell } from '../notebook/format.js';
import { RESULT_MIME, VEGA_MIME } from '../notebook/outputs.js';
import type { AnalysisOutcome, AssumptionCheck, DroppedRows, Figure, FigureId, ResultTable } from '../types.js';
import type { ReportAskCell } from './types.js';

/** One part of a stored output that could not be read. */
export interface StoredProblem {
  /** JSON path in the notebook file, e.g. `cells[2].outputs[0].items[0].data.result.tables[1].rows[0].p`. */
  path: string;
  message: string;
}

/** The fields of a result JSON, each read on its own (a bad one is left out and named). */
const field = resultJson.shape;
const specSchema = z.record(z.string(), z.unknown());
const titleSchema = z.union([z.string(), z.looseObject({ text: z.union([z.string(), z.array(z.string())]) })]);

/** Stored result fields back in the kernel's camelCase, with the infinities CONTRACT.md spells out decoded. */
function camelStored(value: unknown): unknown {
  return camelKeys(decodeInfinities(value));
}

/** Reads stored parts against their schemas, collecting what could not be read. */
export class StoredReader {
  readonly problems: StoredProblem[] = [];

  /** `value` if it fits `schema`, else the problem is noted and `fallback` returned. */
  read<T>(schema: z.ZodType<T>, value: unknown, path: string, fallback: T): T {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.problems.push(describeIssue(parsed.error.issues[0], path));
    return fallback;
  }

  /** The elements of a stored list that fit `schema` (a list that is not a list, or a bad element, is noted). */
  readEach<T>(schema: z.ZodType<T>, value: unknown, path: string): T[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problems.push({ path, message: `expected a list, found ${describe(value)}` });
      return [];
    }
    const out: T[] = [];
    value.forEach((element, i) => {
      const parsed = schema.safeParse(element);
      if (parsed.success) out.push(parsed.data);
      else this.problems.push(describeIssue(parsed.error.issues[0], `${path}[${i}]`));
    });
    return out;
  }
}

/** What a JSON value is, in words. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value === 'string' ? 'text' : typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

/** An AnalysisOutcome rebuilt from a stored result JSON (CONTRACT.md shape), part by part. */
export function outcomeFromStored(reader: StoredReader, result: Record<string, unknown>, path: string, figures: Figure[]): AnalysisOutcome {
  const analysis = reader.read(z.string(), result.analysis, `${path}.analysis`, 'unknown');
  const number = (value: z.infer<typeof assumptionJson>['statistic']) => (value === undefined || value === null ? null : numberFromJson(value));
  const assumptions = reader.readEach(assumptionJson, result.assumptions, `${path}.assumptions`).map(
    (a): AssumptionCheck => ({
      check: a.check,
      target: a.target,
      statistic: number(a.statistic),
      pValue: number(a.p_value),
      ok: a.ok,
      ...(a.note !== undefined ? { note: a.note } : {}),
    }),
  );
  return {
    analysis: analysis as AnalysisOutcome['analysis'],
    variant: reader.read(field.variant, result.variant, `${path}.variant`, undefined) ?? analysis,
    roles: camelStored(reader.read(field.roles.optional(), result.roles, `${path}.roles`, undefined) ?? {}) as AnalysisOutcome['roles'],
    options: camelStored(reader.read(field.options, result.options, `${path}.options`, undefined) ?? {}) as AnalysisOutcome['options'],
    n: reader.read(field.n, result.n, `${path}.n`, Number.NaN),
    nMissing: reader.read(field.n_missing, result.n_missing, `${path}.n_missing`, undefined) ?? 0,
    dropped: reader.readEach(droppedJson, result.dropped, `${path}.dropped`) as DroppedRows[],
    result: camelStored(reader.read(field.result.optional(), result.result, `${path}.result`, undefined) ?? {}) as Record<string, unknown>,
    assumptions,
    summary: reader.read(field.summary.optional(), result.summary, `${path}.summary`, undefined) ?? '',
    warnings: reader.readEach(z.string(), result.warnings, `${path}.warnings`),
    recommendations: reader.readEach(z.string(), result.recommendations, `${path}.recommendations`),
    tables: reader.readEach(tableJson, result.tables, `${path}.tables`) as ResultTable[],
    figures,
    dataset: camelStored(reader.read(field.dataset, result.dataset, `${path}.dataset`, undefined) ?? {}) as AnalysisOutcome['dataset'],
  };
}

/** The figures a cell's outputs carry, in order (one Vega item per output at most). */
function figuresOf(reader: StoredReader, cell: AskCell, cellPath: string, analysis: string): Figure[] {
  const figures: Figure[] = [];
  for (const [k, output] of (cell.outputs ?? []).entries()) {
    const j = output.items.findIndex((i) => i.mime === VEGA_MIME);
    if (j < 0) continue;
    const path = `${cellPath}.outputs[${k}].items[${j}].data`;
    const spec = reader.read(specSchema.optional(), output.items[j].data, path, undefined);
    if (!spec) continue;
    const title = reader.read(titleSchema.optional(), spec.title, `${path}.title`, undefined);
    const text = typeof title === 'string' ? title : Array.isArray(title?.text) ? title.text.join(' ') : (title?.text ?? analysis);
    const meta = reader.read(z.looseObject({ kind: z.string().optional(), caption: z.string().optional() }).optional(), spec.usermeta, `${path}.usermeta`, undefined);
    figures.push({ kind: (meta?.kind ?? 'boxplot') as FigureId, title: text, vegaLite: spec, caption: meta?.caption });
  }
  return figures;
}

/** One report cell from a stored ask cell (`index`: its position in the notebook's cells). */
export function reportCellFromStored(cell: AskCell, index: number): ReportAskCell {
  const reader = new StoredReader();
  const cellPath = `cells[${index}]`;
  const items = cell.outputs?.[0]?.items ?? [];
  const j = items.findIndex((i) => i.mime === RESULT_MIME);
  const base = { kind: 'ask' as const, id: cell.id, source: cell.source };
  if (j < 0) return { ...base, status: 'not-run' };
  const path = `${cellPath}.outputs[0].items[${j}].data`;
  const payload = reader.read(fieldsJson.optional(), items[j].data, path, undefined) ?? {};
  // Only the statuses Inferra writes (the status becomes part of class names in the report).
  const status = reader.problems.length
    ? 'unreadable'
    : reader.read<ReportAskCell['status']>(runStatusJson, payload.status, `${path}.status`, 'unreadable');
  const d = payload.decision === undefined ? undefined : reader.read(shownDecisionJson, payload.decision, `${path}.decision`, undefined);
  const result = payload.result === undefined ? undefined : reader.read(fieldsJson, payload.result, `${path}.result`, undefined);
  const error = payload.error === undefined ? undefined : reader.read(cellErrorJson, payload.error, `${path}.error`, undefined);
  // The chain was validated when the notebook was read (notebook/format.ts).
  const last = cell.inferra?.provenance?.at(-1);
  const analysis = typeof result?.analysis === 'string' ? result.analysis : '';
  return {
    ...base,
    status,
    decision: d
      ? {
          analysis: d.analysis ?? undefined,
          source: d.source ?? undefined,
          ruleId: d.rule_id ?? undefined,
          confidence: d.confidence ?? undefined,
          rationale: d.rationale ?? '',
          pinOrigin: d.pin_origin ?? undefined,
          alternatives: reader
            .readEach(choiceJson, d.alternatives, `${path}.decision.alternatives`)
            .map((a) => ({ analysis: a.analysis, roles: a.roles, why: a.why })),
        }
      : undefined,
    outcome: result ? outcomeFromStored(reader, result, `${path}.result`, figuresOf(reader, cell, cellPath, analysis)) : undefined,
    error,
    provenance: last
      ? {
          resultDigest: last.result_digest ?? undefined,
          datasetSha256: last.datasets?.[0]?.sha256 ?? undefined,
          startedAt: last.started_at,
          durationMs: last.duration_ms,
        }
      : undefined,
    ...(reader.problems.length ? { problems: reader.problems } : {}),
  };
}
