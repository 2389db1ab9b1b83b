/**
 * Steps 4 and 5 of a cell: what a run leaves in the notebook. The outputs (result item, figures,
 * Markdown and plain-text fallbacks), the pinned decision, and the provenance chain: a record
 * appended (or, when the run reproduced the last record exactly, that record's times refreshed),
 * then handed to the sinks.
 */
import { decisionToJson } from '../decide/json.js';
import type { Decision, DecisionOutcome } from '../decide/types.js';
import type { InferraError } from '../errors.js';
import type { AskCell, CellOutput, DatasetRef } from '../notebook/format.js';
import { buildCellOutputs, outcomeToJson, type CellStatus, type ResultJson, type ResultPayload } from '../notebook/outputs.js';
import { sortKeysDeep } from '../notebook/serialize.js';
import { hashCellSource } from '../provenance/bind.js';
import { buildRecord, type BuildRecordInput } from '../provenance/build.js';
import type { EnvironmentRecord, ProvenanceRecord } from '../provenance/record.js';
import { formatOutcomeMarkdown, formatOutcomePlain, type DecisionMarks } from '../report/cell-text.js';
import { DEFAULT_OPTIONS, type AnalysisOutcome, type DatasetSchema } from '../types.js';
import { currentPin, type PinSigner } from './decide-cell.js';
import type { SinkHandOver } from './hand-over.js';
import type { CellExecution } from './types.js';

/** One cell's run, finished or failed, as the session saw it. */
export interface FinishedRun {
  cell: AskCell;
  datasets: DatasetRef[];
  dataset?: DatasetRef;
  schema?: DatasetSchema;
  decision?: DecisionOutcome;
  /** The pinned decision the run reused, as read from the notebook. */
  reusedPin?: Record<string, unknown>;
  outcome?: AnalysisOutcome;
  error?: InferraError;
  startTime: number;
  endTime: number;
  order?: number;
}

/** What recording needs from the session. */
export interface RecordContext {
  pins: PinSigner;
  environment: EnvironmentRecord;
  sinks: SinkHandOver;
}

/** The updated cell of a finished run (outputs, execution summary, pin, provenance chain). */
export function recordRun(run: FinishedRun, context: RecordContext): CellExecution {
  const { cell, decision, outcome, error, endTime } = run;
  const status: CellStatus = error ? 'error' : decision && decision.status !== 'decided' ? decision.status : 'ok';
  const awaitingChoice = status === 'ambiguous' || status === 'no_match';
  const unpinned = decision ? { ...decisionToJson(decision), source_hash: hashCellSource(cell.source) } : undefined;
  // A decided decision is pinned, signed by its author (review L8); the result shows who pinned a reused one when not you.
  const pin = unpinned && decision?.status === 'decided' ? context.pins.pin(unpinned, run.reusedPin) : undefined;
  const decisionJson = pin?.json ?? unpinned;
  const resultJson: ResultJson | undefined = outcome ? outcomeToJson(outcome, { withFigures: false }) : undefined;
  const payload: ResultPayload = {
    status,
    request: cell.source,
    cellId: cell.id,
    decision: decisionJson && pin?.origin && pin.origin !== 'you' ? { ...decisionJson, pin_origin: pin.origin } : decisionJson,
    result: resultJson,
    error: error ? { code: error.code, message: error.message } : undefined,
  };
  const outputs: CellOutput[] = buildCellOutputs(payload, describeForText(payload, outcome), outcome?.figures ?? []);

  const pinnedAfter = decisionJson ?? cell.inferra?.decision;
  const chain = ((cell.inferra?.provenance ?? []) as ProvenanceRecord[]).slice();
  const previous = chain.at(-1);
  const decided = decision?.status === 'decided' ? decision : undefined;
  const use = outcome?.dataset ?? (run.schema ? { sha256: run.schema.sha256, tableHash: '', rows: run.schema.rows, rowsUsed: 0, columns: [] } : undefined);
  const input: BuildRecordInput = {
    cellId: cell.id,
    startedAt: new Date(run.startTime),
    endedAt: new Date(endTime),
    status,
    datasets: run.dataset && use ? [{ name: run.dataset.name, path: run.dataset.path, use }] : [],
    plan: planOf(decision, cell, decided),
    environment: context.environment,
    seed: outcome?.options.seed ?? DEFAULT_OPTIONS.seed,
    resultJson,
    figures: outcome?.figures ?? [],
    errorCode: error?.code,
    shown: { source: cell.source, outputs, decision: pinnedAfter },
  };
  const candidate = buildRecord({ ...input, previous });
  if (previous && sameRun(previous, candidate)) {
    // Re-running and getting the same thing replaces the last record (new times) instead of growing the
    // chain. It is still a run of its own, with its own run id: Supabase keeps one row per run id, so a
    // reused id would be taken for a retry of the old record and never reach, say, the project the
    // notebook has joined since.
    chain[chain.length - 1] = buildRecord({
      ...input,
      plan: { ...input.plan, source: previous.plan.source },
      previous: chain.at(-2) ?? null,
    });
  } else {
    chain.push(candidate);
  }
  context.sinks.submit(chain[chain.length - 1], resultJson, outcome?.figures ?? []);
  const updated: AskCell = {
    ...cell,
    outputs,
    // A cell waiting for a choice has no success mark (neither a tick nor VS Code's red cross).
    execution: { order: run.order ?? cell.execution?.order, ...(awaitingChoice ? {} : { success: status === 'ok' }), start_time: run.startTime, end_time: endTime },
    inferra: { ...(cell.inferra ?? {}), decision: pinnedAfter, provenance: chain },
  };
  if (updated.execution && updated.execution.order === undefined) delete updated.execution.order;
  return { cell: updated, status, datasets: run.datasets, outcome, decision, error, awaitingChoice };
}

/** The plan part of a provenance record: who decided what. */
function planOf(decision: DecisionOutcome | undefined, cell: AskCell, decided: Decision | undefined): BuildRecordInput['plan'] {
  const wasPinned = currentPin(cell) !== undefined;
  const source = !decided
    ? 'rules'
    : decided.ruleId === 'user-choice'
      ? 'user-choice'
      : wasPinned && decided.source !== 'llm'
        ? 'pinned'
        : decided.source;
  return {
    source,
    ruleId: decided?.ruleId,
    analysis: decided?.analysis ?? 'none',
    roles: decided?.roles ?? {},
    options: decided ? { ...DEFAULT_OPTIONS, where: [], ...decided.options } : {},
    confidence: decision?.status === 'decided' ? decision.confidence : undefined,
    llm: decided?.llm ? { model: decided.llm.model, promptHash: decided.llm.promptHash, requestId: decided.llm.requestId, usage: decided.llm.usage as Record<string, unknown> | undefined, costUsd: decided.llm.costUsd } : undefined,
  };
}

/** Whether two records describe the same computation (everything but run id, times and links). */
function sameRun(a: ProvenanceRecord, b: ProvenanceRecord): boolean {
  // A re-run that reuses the pinned decision records `plan.source: pinned`; it is still the same run.
  const strip = ({ run_id: _r, started_at: _s, ended_at: _e, duration_ms: _d, hash: _h, previous_hash: _p, plan, ...rest }: ProvenanceRecord) => {
    const { source: _source, ...samePlan } = plan;
    return { ...rest, plan: samePlan };
  };
  return JSON.stringify(sortKeysDeep(strip(a))) === JSON.stringify(sortKeysDeep(strip(b)));
}

/** The result JSON stored in a cell's first output, if any. */
export function storedResultJson(cell: AskCell): unknown {
  const item = cell.outputs?.[0]?.items.find((i) => i.mime === 'application/vnd.inferra.result+json');
  return (item?.data as ResultPayload | undefined)?.result;
}

/** The Markdown and plain-text fallbacks of a cell's result. */
function describeForText(payload: ResultPayload, outcome: AnalysisOutcome | undefined): { markdown: string; plain: string } {
  if (outcome) {
    const marks = payload.decision as DecisionMarks | undefined;
    return { markdown: formatOutcomeMarkdown(outcome, marks), plain: formatOutcomePlain(outcome, marks) };
  }
  if (payload.error) {
    const line = `Error (${payload.error.code}): ${payload.error.message}`;
    return { markdown: `**${line}**`, plain: line };
  }
  const decision = payload.decision as { rationale?: string; alternatives?: { analysis: string; roles: Record<string, unknown>; why: string }[] } | undefined;
  const heading = payload.status === 'ambiguous' ? 'This request is ambiguous' : 'No analysis fits this request';
  const lines = (decision?.alternatives ?? []).map(
    (a) => `- ${a.analysis} (${Object.entries(a.roles).map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join(', ') : v}`).join('; ')}): ${a.why}`,
  );
  const body = [decision?.rationale ?? '', ...(lines.length ? ['', 'Choices:', ...lines] : [])].join('\n');
  return { markdown: `**${heading}.** ${body}`, plain: `${heading}. ${body}` };
}
