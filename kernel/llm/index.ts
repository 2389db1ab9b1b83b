/** The LLM fallback of the decision engine (xAI Grok, Responses API). */
export { decideWithLlm, LLM_CONFIDENCE, MAX_LLM_REQUEST_CHARS } from './decide.js';
export { decideAnalysis, type DecideOptions } from './fallback.js';
export { buildAnswerJsonSchema, buildAnswerSchema, parseAnswer } from './answer.js';
export { flagSuspiciousText, summarizeSchema } from './prompt.js';
export { clearMemoryCache } from './cache.js';
export { clearModelCache, listModels } from './models.js';
export { createDefaultFetch } from '../util/proxy-fetch.js';
export { DEFAULT_BASE_URL, DEFAULT_MODEL, type FetchLike, type LlmQuota, type LlmReservation, type LlmSettings } from './types.js';
