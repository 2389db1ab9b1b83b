/** Settings of the LLM fallback (xAI Grok through the Responses API). */

/** A fetch-like transport: the extension passes VS Code's patched global fetch, the CLI undici's. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** How to reach and use the LLM. */
export interface LlmSettings {
  /** xAI API key (`XAI_API_KEY` in the CLI, SecretStorage in VS Code). Never logged or stored. */
  apiKey: string;
  /** Default `https://api.x.ai/v1`. */
  baseUrl?: string;
  /** Default `DEFAULT_MODEL`. */
  model?: string;
  /** Default: undici 7's fetch with an `EnvHttpProxyAgent` (HTTPS_PROXY / NO_PROXY). */
  fetch?: FetchLike;
  /** Per attempt, default 20 s. */
  timeoutMs?: number;
  /** All attempts and waits together, default 45 s. */
  deadlineMs?: number;
  /** Base of the jittered exponential backoff between retries, default 500 ms. */
  retryBaseMs?: number;
  /** Where answers are cached on disk (by hash of prompt, schema and model); memory only when unset. */
  cacheDir?: string;
  /** Tokens per day (per user); no limit when unset. */
  dailyBudgetTokens?: number;
  /** The JSON file counting today's tokens; default `~/.inferra/llm-usage.json`. */
  usageFile?: string;
  /** Most output tokens per answer, default 800. */
  maxOutputTokens?: number;
  /**
   * A shared allowance (the Supabase project's tiers, `reserve_llm_tokens`): the call's estimated
   * tokens are reserved before it is sent (a refusal sends nothing) and settled afterwards.
   */
  quota?: LlmQuota;
}

/** A shared daily token allowance checked before each call (kernel/provenance/teams.ts implements it over Supabase). */
export interface LlmQuota {
  /** Reserves `tokens` for one call; throws an InferraError (`llm-quota-exhausted`, ...) when refused. */
  reserve(tokens: number): Promise<LlmReservation>;
}

/** One granted reservation: settled once, with what the call used (0 when it failed before an answer). */
export interface LlmReservation {
  settle(usedTokens: number, details?: { costUsd?: number; model?: string; requestId?: string }): Promise<void>;
}

/** The default xAI API base URL. */
export const DEFAULT_BASE_URL = 'https://api.x.ai/v1';

/** A current Grok model (2026); configurable. */
export const DEFAULT_MODEL = 'grok-4.3';
