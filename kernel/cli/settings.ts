/** What the CLI reads from the environment: the Grok key and endpoint, timeouts. */
import type { LlmSettings } from '../llm/types.js';

/** LLM settings from `XAI_API_KEY`, `INFERRA_LLM_BASE_URL`, `INFERRA_LLM_MODEL`, or undefined without a key. */
export function llmSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LlmSettings | undefined {
  const apiKey = env.XAI_API_KEY?.trim();
  if (!apiKey) return undefined;
  const settings: LlmSettings = { apiKey };
  if (env.INFERRA_LLM_BASE_URL) settings.baseUrl = env.INFERRA_LLM_BASE_URL;
  if (env.INFERRA_LLM_MODEL) settings.model = env.INFERRA_LLM_MODEL;
  return settings;
}

/** The worker's per-call limit from `INFERRA_TIMEOUT_SECONDS` (default: the worker's own). */
export function timeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const seconds = Number(env.INFERRA_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
