/** What the CLI reads from the environment: the Grok key and endpoint, the daily token budget, timeouts. */
import { DEFAULT_DAILY_BUDGET_TOKENS, defaultUsageFile, InferraError, type LlmSettings } from '../kernel/api.js';

/**
 * LLM settings from `XAI_API_KEY`, `INFERRA_LLM_BASE_URL`, `INFERRA_LLM_MODEL` and
 * `INFERRA_LLM_DAILY_BUDGET_TOKENS` (default 200 000 tokens per UTC day, 0 = no limit; counted in
 * `$XDG_STATE_HOME/inferra/llm-usage.json`), or undefined without a key.
 */
export function llmSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LlmSettings | undefined {
  const apiKey = env.XAI_API_KEY?.trim();
  if (!apiKey) return undefined;
  const budget = dailyBudgetFromEnv(env);
  const settings: LlmSettings = { apiKey, usageFile: defaultUsageFile(env) };
  if (budget > 0) settings.dailyBudgetTokens = budget;
  if (env.INFERRA_LLM_BASE_URL) settings.baseUrl = env.INFERRA_LLM_BASE_URL;
  if (env.INFERRA_LLM_MODEL) settings.model = env.INFERRA_LLM_MODEL;
  return settings;
}

/** INFERRA_LLM_DAILY_BUDGET_TOKENS as a whole number (default 200 000; 0 = no limit); a usage error otherwise. */
export function dailyBudgetFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.INFERRA_LLM_DAILY_BUDGET_TOKENS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_DAILY_BUDGET_TOKENS;
  const value = Number(raw.trim());
  if (Number.isSafeInteger(value) && value >= 0) return value;
  throw new InferraError('usage', {
    detail: `INFERRA_LLM_DAILY_BUDGET_TOKENS must be a whole number of tokens per day (0 means no limit), got '${raw}'. Fix or unset it (default ${DEFAULT_DAILY_BUDGET_TOKENS}).`,
  });
}

/** The worker's per-call limit from `INFERRA_TIMEOUT_SECONDS` (default: the worker's own). */
export function timeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const seconds = Number(env.INFERRA_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
