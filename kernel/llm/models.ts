/** The models an API key can use (`GET /models`), cached per base URL and key for an hour. */
import { createHash } from 'node:crypto';
import { InferraError } from '../errors.js';
import { redactSecrets } from '../util/redact.js';
import { callJson, type HttpCall } from './http.js';

const TTL_MS = 60 * 60 * 1000;
const cache = new Map<string, { at: number; ids: string[] }>();

/** The model ids the API lists. */
export async function listModels(call: Omit<HttpCall, 'url' | 'method' | 'body'>): Promise<string[]> {
  const key = `${call.baseUrl}|${createHash('sha256').update(call.apiKey).digest('hex')}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.ids;
  const result = await callJson({ ...call, url: `${call.baseUrl}/models`, method: 'GET' });
  const data = (result.json as { data?: unknown })?.data;
  if (!Array.isArray(data)) throw new InferraError('llm-malformed-answer', { detail: 'GET /models did not return a list' });
  const ids = data.map((m) => (m as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
  cache.set(key, { at: Date.now(), ids });
  return ids;
}

/** Throws `llm-model-not-found` (with the available ids) when the model is not listed. */
export async function checkModel(call: Omit<HttpCall, 'url' | 'method' | 'body'>): Promise<void> {
  const ids = await listModels(call);
  if (!ids.includes(call.model)) {
    throw new InferraError('llm-model-not-found', { model: call.model, baseUrl: call.baseUrl, available: redactSecrets(ids.slice(0, 8).join(', ').slice(0, 300), [call.apiKey]) });
  }
}

/** Forgets the cached lists (tests). */
export function clearModelCache(): void {
  cache.clear();
}
