/**
 * The LLM fallback: asked only when no rule matched and a key is set. Sends the request and the
 * column schema (never data rows) to the xAI Responses API with a structured-output schema, validates
 * the answer, and returns a Decision with `source: 'llm'`, a lower confidence and the call's facts.
 *
 * Steps: 1 key and request length (at most MAX_LLM_REQUEST_CHARS); 2 cache; 3 budget, with the
 * call's estimated size; 4 model exists (GET /models, cached); 5 reserve the estimate from the shared
 * quota (Supabase), when one is set; 6 POST /responses; 7 settle the reservation, parse + validate;
 * 8 record tokens, cache, return. Text quoted from the answer (model name, rationale) is redacted.
 */
import { InferraError } from '../errors.js';
import type { Decision, LlmUsage } from '../decide/types.js';
import type { AnalysisOptions, DatasetSchema } from '../types.js';
import { buildAnswerJsonSchema, parseAnswer } from './answer.js';
import { checkBudget, defaultUsageFile, estimateCallTokens, recordTokens } from './budget.js';
import { hashPrompt, readCachedDecision, writeCachedDecision } from './cache.js';
import { callJson, type HttpCall } from './http.js';
import { checkModel } from './models.js';
import { buildMessages, flagSuspiciousText, summarizeSchema } from './prompt.js';
import { createDefaultFetch } from '../util/proxy-fetch.js';
import { redactSecrets } from '../util/redact.js';
import { DEFAULT_BASE_URL, DEFAULT_MODEL, type LlmSettings } from './types.js';

/** Confidence of an LLM decision: always below the rules' (it is a suggestion, marked as such). */
export const LLM_CONFIDENCE = 0.5;

/** The longest request text (in characters) the fallback sends; longer text fails before any call. */
export const MAX_LLM_REQUEST_CHARS = 2000;

/** Decides with the LLM; throws an InferraError with an `llm-*` code when it cannot. */
export async function decideWithLlm(prompt: string, schema: DatasetSchema, settings: LlmSettings, signal?: AbortSignal): Promise<Decision> {
  if (!settings.apiKey) throw new InferraError('llm-no-key');
  const length = [...prompt].length;
  if (length > MAX_LLM_REQUEST_CHARS) throw new InferraError('llm-request-too-long', { length, limit: MAX_LLM_REQUEST_CHARS });
  const baseUrl = (settings.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const model = settings.model ?? DEFAULT_MODEL;
  const summary = summarizeSchema(schema);
  const promptHash = hashPrompt(prompt, summary, model);
  const flagged = flagSuspiciousText(schema, prompt);

  const cached = readCachedDecision(promptHash, settings.cacheDir);
  if (cached) {
    if (cached.llm) cached.llm.cached = true;
    return cached;
  }
  const usageFile = settings.usageFile ?? defaultUsageFile();
  const maxOutputTokens = settings.maxOutputTokens ?? 800;
  const requestBody = {
    model,
    store: false,
    input: buildMessages(prompt, summary),
    max_output_tokens: maxOutputTokens,
    text: { format: { type: 'json_schema', name: 'inferra_decision', schema: buildAnswerJsonSchema(schema), strict: true } },
  };
  const estimate = estimateCallTokens(JSON.stringify(requestBody), maxOutputTokens);
  checkBudget(usageFile, settings.dailyBudgetTokens, estimate);

  const base: Omit<HttpCall, 'url' | 'method' | 'body'> = {
    fetch: settings.fetch ?? createDefaultFetch(),
    apiKey: settings.apiKey,
    timeoutMs: settings.timeoutMs ?? 20_000,
    deadlineMs: settings.deadlineMs ?? 45_000,
    retryBaseMs: settings.retryBaseMs ?? 500,
    signal,
    baseUrl,
    model,
  };
  await checkModel(base);

  // The shared allowance (Supabase tiers): reserved before the request; a refusal sends nothing.
  const reservation = settings.quota ? await settings.quota.reserve(estimate) : undefined;
  const started = Date.now();
  let result: Awaited<ReturnType<typeof callJson>>;
  try {
    result = await callJson({
      ...base,
      url: `${baseUrl}/responses`,
      method: 'POST',
      body: requestBody,
    });
  } catch (error) {
    // No answer: nothing to count; the reservation is released.
    await reservation?.settle(0).catch(() => undefined);
    throw error;
  }
  const latencyMs = Date.now() - started;
  const body = result.json as ResponsesBody;
  const usage = readUsage(body);
  if (settings.dailyBudgetTokens !== undefined || settings.usageFile) recordTokens(usageFile, usage?.totalTokens ?? 0);
  const costTicks = body.usage?.cost_in_usd_ticks ?? body.cost_in_usd_ticks;
  // Settling cannot fail the decision: an unsettled reservation stays counted for the day (never under-counts).
  await reservation
    ?.settle(usage?.totalTokens ?? estimate, {
      ...(typeof costTicks === 'number' ? { costUsd: costTicks / 1e10 } : {}),
      ...(typeof body.model === 'string' ? { model: redactSecrets(body.model, [settings.apiKey]).slice(0, 100) } : {}),
      ...(typeof body.id === 'string' ? { requestId: redactSecrets(body.id, [settings.apiKey]).slice(0, 200) } : {}),
    })
    .catch(() => undefined);

  const text = readOutputText(body);
  const { analysis, roles, answer } = parseAnswer(text, schema);
  const options: Partial<AnalysisOptions> = {};
  if (answer.alternative) options.alternative = answer.alternative;
  if (answer.mu !== null) options.mu = answer.mu;
  if (answer.conf_level !== null) options.confLevel = answer.conf_level;
  // The answer is upstream text: an endpoint (or a proxy) echoing the request must not put the key in the notebook.
  const clean = (text: string) => redactSecrets(text, [settings.apiKey]);
  const answeredModel = typeof body.model === 'string' ? clean(body.model).slice(0, 100) : model;
  const decision: Decision = {
    status: 'decided',
    analysis,
    roles,
    options,
    source: 'llm',
    confidence: LLM_CONFIDENCE,
    rationale: `Suggested by ${answeredModel} (no rule matched): ${clean(answer.rationale)}`,
    alternatives: [],
    explanation: { matchedPhrases: [], columnMatches: [], refinements: ['no rule matched; decided by the LLM fallback from the column schema only'] },
    llm: {
      model: answeredModel,
      latencyMs,
      promptHash,
      ...(typeof body.id === 'string' ? { requestId: clean(body.id).slice(0, 200) } : result.headers.get('x-request-id') ? { requestId: result.headers.get('x-request-id') as string } : {}),
      ...(usage ? { usage } : {}),
      ...(typeof costTicks === 'number' ? { costUsd: costTicks / 1e10 } : {}),
      ...(flagged.length > 0 ? { flagged } : {}),
    },
  };
  writeCachedDecision(promptHash, decision, settings.cacheDir);
  return decision;
}

/** The parts of a Responses API body that are read. */
interface ResponsesBody {
  id?: unknown;
  model?: string;
  output?: { type?: string; content?: { type?: string; text?: string }[] }[];
  output_text?: string;
  usage?: {
    input_tokens?: number;
    output_tokens?: number;
    total_tokens?: number;
    input_tokens_details?: { cached_tokens?: number };
    output_tokens_details?: { reasoning_tokens?: number };
    cost_in_usd_ticks?: number;
  };
  cost_in_usd_ticks?: number;
}

/** The text of the first output message (`output[].content[].text` of type `output_text`). */
function readOutputText(body: ResponsesBody): string {
  for (const item of body.output ?? []) {
    if (item?.type !== 'message') continue;
    for (const part of item.content ?? []) if (part?.type === 'output_text' && typeof part.text === 'string') return part.text;
  }
  if (typeof body.output_text === 'string') return body.output_text;
  throw new InferraError('llm-malformed-answer', { detail: 'the response has no output_text' });
}

function readUsage(body: ResponsesBody): LlmUsage | undefined {
  const u = body.usage;
  if (!u) return undefined;
  const usage: LlmUsage = {};
  if (typeof u.input_tokens === 'number') usage.inputTokens = u.input_tokens;
  if (typeof u.output_tokens === 'number') usage.outputTokens = u.output_tokens;
  if (typeof u.output_tokens_details?.reasoning_tokens === 'number') usage.reasoningTokens = u.output_tokens_details.reasoning_tokens;
  if (typeof u.input_tokens_details?.cached_tokens === 'number') usage.cachedTokens = u.input_tokens_details.cached_tokens;
  usage.totalTokens = typeof u.total_tokens === 'number' ? u.total_tokens : (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
  return usage;
}
