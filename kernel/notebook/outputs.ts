/**
 * What an executed ask cell shows: one output whose items go richest first (our result renderer,
 * our Vega renderer, Markdown, plain text), plus one output per further figure. The same outputs
 * are written into the `.inferra` file by `inferra run` and shown by VS Code.
 */
import { encodeNonFinite, snakeKey, snakeKeys, tableToJson } from '../contract/index.js';
import type { AnalysisOutcome, Figure, Roles } from '../types.js';
import type { CellOutput } from './format.js';

/** The result renderer's MIME type. */
export const RESULT_MIME = 'application/vnd.inferra.result+json';
/** The Vega renderer's MIME type. */
export const VEGA_MIME = 'application/vnd.vegalite.v6+json';

/** How a cell's run ended. */
export type CellStatus = 'ok' | 'error' | 'ambiguous' | 'no_match';

/** The result JSON of CONTRACT.md (`analyze`, `ask`), snake_case. */
export type ResultJson = Record<string, unknown> & { status: 'ok'; analysis: string };

/** The data of the result item: what the result renderer draws. */
export interface ResultPayload {
  status: CellStatus;
  request: string;
  cellId: string;
  /** CONTRACT.md's decide JSON. */
  decision?: Record<string, unknown>;
  /** CONTRACT.md's result JSON (without figures, which travel as their own items). */
  result?: ResultJson;
  error?: { code: string; message: string };
}

/** Roles as JSON (`pairId` -> `pair_id`), without empty entries. */
export function rolesToJson(roles: Roles): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(roles)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out[snakeKey(key)] = value;
  }
  return out;
}

export { encodeNonFinite } from '../contract/index.js';

/**
 * CONTRACT.md's result JSON for an outcome: snake_case keys, full-precision numbers.
 * Figures are included unless `withFigures` is false (the notebook stores them as Vega items).
 */
export function outcomeToJson(
  outcome: AnalysisOutcome,
  extra: { provenance?: Record<string, unknown>; withFigures?: boolean } = {},
): ResultJson {
  const opaque = new Set(['vegaLite', 'tables']);
  const json: ResultJson = {
    status: 'ok',
    analysis: outcome.analysis,
    variant: outcome.variant,
    roles: rolesToJson(outcome.roles),
    options: snakeKeys(outcome.options, opaque),
    n: outcome.n,
    n_missing: outcome.nMissing,
    dropped: outcome.dropped,
    result: snakeKeys(outcome.result, opaque),
    assumptions: snakeKeys(outcome.assumptions, opaque),
    summary: outcome.summary,
    warnings: outcome.warnings,
    recommendations: outcome.recommendations,
    tables: outcome.tables.map(tableToJson),
    dataset: snakeKeys(outcome.dataset, opaque),
  };
  if (extra.withFigures !== false) {
    json.figures = outcome.figures.map((f) => snakeKeys(f, opaque));
  }
  if (extra.provenance) json.provenance = extra.provenance;
  return encodeNonFinite(json) as ResultJson;
}

/** The outputs of a cell: the result output (with the first figure) and one output per further figure. */
export function buildCellOutputs(
  payload: ResultPayload,
  text: { markdown: string; plain: string },
  figures: readonly Figure[] = [],
): CellOutput[] {
  const [first, ...rest] = figures;
  const items: CellOutput['items'] = [{ mime: RESULT_MIME, data: payload }];
  if (first) items.push({ mime: VEGA_MIME, data: first.vegaLite });
  items.push({ mime: 'text/markdown', data: text.markdown }, { mime: 'text/plain', data: text.plain });
  return [
    { items },
    ...rest.map((figure) => ({
      items: [
        { mime: VEGA_MIME, data: figure.vegaLite },
        { mime: 'text/plain', data: figure.caption ? `${figure.title} (${figure.caption})` : figure.title },
      ],
    })),
  ];
}
