/**
 * One JSON call to the xAI API with a per-attempt timeout, retries on 429 / 408 / 5xx / 529 and
 * dropped connections (at most twice, jittered exponential backoff honouring Retry-After), all
 * within an overall deadline and the caller's AbortSignal. Every failure becomes an InferraError
 * with its own code.
 */
import { InferraError } from '../errors.js';
import { redactSecrets } from '../util/redact.js';
import type { FetchLike } from './types.js';

/** How one call runs. */
export interface HttpCall {
  fetch: FetchLike;
  url: string;
  method: 'GET' | 'POST';
  apiKey: string;
  body?: unknown;
  timeoutMs: number;
  deadlineMs: number;
  retryBaseMs: number;
  signal?: AbortSignal;
  /** For messages. */
  baseUrl: string;
  model: string;
}

/** A successful response. */
export interface HttpResult {
  status: number;
  json: unknown;
  headers: Headers;
  attempts: number;
}

const MAX_RETRIES = 2;
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504, 529]);

/** Runs the call; resolves with the parsed JSON of a 2xx answer or throws an InferraError. */
export async function callJson(call: HttpCall): Promise<HttpResult> {
  const start = Date.now();
  const deadline = start + call.deadlineMs;
  let attempt = 0;
  let lastDrop = '';
  for (;;) {
    attempt++;
    if (call.signal?.aborted) throw new InferraError('cancelled');
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new InferraError('llm-timeout', { ms: call.deadlineMs });
    const timeout = Math.min(call.timeoutMs, remaining);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timeout')), timeout);
    const signal = call.signal ? AbortSignal.any([controller.signal, call.signal]) : controller.signal;
    let response: Response;
    let text: string;
    try {
      response = await call.fetch(call.url, {
        method: call.method,
        headers: {
          authorization: `Bearer ${call.apiKey}`,
          accept: 'application/json',
          ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
        signal,
      });
      text = await response.text();
    } catch (error) {
      clearTimeout(timer);
      if (call.signal?.aborted) throw new InferraError('cancelled', {}, { cause: error });
      if (controller.signal.aborted) throw new InferraError('llm-timeout', { ms: timeout }, { cause: error });
      const kind = classifyNetworkError(error);
      if (kind.offline) throw new InferraError('llm-offline', { baseUrl: call.baseUrl, detail: kind.detail }, { cause: error });
      lastDrop = kind.detail;
      if (attempt > MAX_RETRIES) throw new InferraError('llm-connection-dropped', { baseUrl: call.baseUrl, attempts: attempt, detail: lastDrop }, { cause: error });
      await waitBeforeRetry(call, attempt, undefined, deadline, () => new InferraError('llm-connection-dropped', { baseUrl: call.baseUrl, attempts: attempt, detail: lastDrop }));
      continue;
    }
    clearTimeout(timer);
    if (response.ok) {
      try {
        return { status: response.status, json: JSON.parse(text), headers: response.headers, attempts: attempt };
      } catch (error) {
        throw new InferraError('llm-malformed-answer', { detail: `the API's response body is not JSON: ${(error as Error).message}` }, { cause: error });
      }
    }
    const failure = errorForStatus(response.status, text, call, attempt);
    if (RETRY_STATUS.has(response.status) && attempt <= MAX_RETRIES) {
      await waitBeforeRetry(call, attempt, parseRetryAfter(response.headers.get('retry-after')), deadline, () => failure);
      continue;
    }
    throw failure;
  }
}

/** Sleeps the backoff (or Retry-After) unless that would pass the deadline, in which case `failure` is thrown. */
async function waitBeforeRetry(call: HttpCall, attempt: number, retryAfterMs: number | undefined, deadline: number, failure: () => InferraError): Promise<void> {
  // Full jitter on an exponential base: base * 2^(attempt-1) * [0.5, 1).
  const backoff = call.retryBaseMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
  const wait = retryAfterMs !== undefined ? Math.max(retryAfterMs, 0) : backoff;
  if (Date.now() + wait >= deadline) throw failure();
  await sleep(wait, call.signal);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new InferraError('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in seconds or as an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? date - Date.now() : undefined;
}

/** The error message in an API error body, whatever its shape, with the key and anything credential-like redacted. */
function errorDetail(text: string, apiKey: string): string {
  return redactSecrets(rawErrorDetail(redactSecrets(text, [apiKey])), [apiKey]);
}

function rawErrorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const error = body.error;
    if (typeof error === 'string') return error.slice(0, 300);
    if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return ((error as { message: string }).message).slice(0, 300);
    if (typeof body.message === 'string') return body.message.slice(0, 300);
    if (typeof body.code === 'string') return body.code;
  } catch {
    // Not JSON: use the text itself.
  }
  return text.trim().slice(0, 200);
}

function errorForStatus(status: number, text: string, call: HttpCall, attempts: number): InferraError {
  const detail = errorDetail(text, call.apiKey);
  switch (status) {
    case 401:
      return new InferraError('llm-bad-key', { detail });
    case 403:
      return new InferraError('llm-forbidden', { detail, model: call.model });
    case 404:
      return new InferraError('llm-model-not-found', { model: call.model, baseUrl: call.baseUrl, available: '' });
    case 429:
      return new InferraError('llm-rate-limited', { detail });
    default:
      if (status >= 500 || status === 408) return new InferraError('llm-server-error', { status, detail, attempts });
      return new InferraError('llm-bad-request', { status, detail });
  }
}

/** Offline (DNS, refused, unreachable) vs a connection that dropped mid-way. */
function classifyNetworkError(error: unknown): { offline: boolean; detail: string } {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? '';
  const detail = code || cause?.message || (error as Error)?.message || String(error);
  const offline = /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT|ERR_INVALID_URL)$/.test(code);
  return { offline, detail };
}
