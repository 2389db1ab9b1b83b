import type { MessageParams, MessageTable } from './types.js';

/** Messages of kernel/llm. */
export const llmMessages = {
  'llm-no-key': () =>
    'No xAI API key is set, so the LLM fallback cannot run. Set XAI_API_KEY (CLI) or store a key with "Inferra: Set xAI API Key" (VS Code).',
  'llm-bad-key': (p: MessageParams) =>
    `The xAI API rejected the API key (HTTP 401)${p.detail ? `: ${p.detail}` : ''}. Check the key (it starts with 'xai-') and set it again.`,
  'llm-forbidden': (p: MessageParams) =>
    `The xAI API refused the request (HTTP 403)${p.detail ? `: ${p.detail}` : ''}. The key may lack access to model '${p.model}' or the account may be blocked; check the xAI console.`,
  'llm-model-not-found': (p: MessageParams) =>
    `The model '${p.model}' is not available from ${p.baseUrl}${p.available ? ` (available: ${p.available})` : ''}. Choose another model in the settings.`,
  'llm-rate-limited': (p: MessageParams) =>
    `The xAI API is rate-limiting or out of quota (HTTP 429)${p.detail ? `: ${p.detail}` : ''}. Wait a minute and retry, or check the account's credits.`,
  'llm-server-error': (p: MessageParams) =>
    `The xAI API failed (HTTP ${p.status})${p.detail ? `: ${p.detail}` : ''} after ${p.attempts} attempt(s). Try again later.`,
  'llm-bad-request': (p: MessageParams) =>
    `The xAI API rejected the request (HTTP ${p.status})${p.detail ? `: ${p.detail}` : ''}. This is probably a bug in Inferra; please report it.`,
  'llm-offline': (p: MessageParams) =>
    `Cannot reach ${p.baseUrl} (${p.detail}). Check the network connection, proxy settings (HTTPS_PROXY) and the base URL.`,
  'llm-connection-dropped': (p: MessageParams) =>
    `The connection to ${p.baseUrl} dropped ${p.attempts} time(s) (${p.detail}). Try again; if it persists, check the proxy or network.`,
  'llm-timeout': (p: MessageParams) =>
    `The xAI API did not answer within ${p.ms} ms. Try again, or raise the timeout in the settings.`,
  'llm-malformed-answer': (p: MessageParams) =>
    `The model's answer is not valid JSON (${p.detail}). Rephrase the request or choose the analysis yourself.`,
  'llm-invalid-answer': (p: MessageParams) =>
    `The model's answer does not follow the required shape: ${p.detail}. It was rejected; rephrase the request or choose the analysis yourself.`,
  'llm-unknown-column': (p: MessageParams) =>
    `The model named a column that the dataset does not have ('${p.column}'), so its answer was rejected. Rephrase the request with the dataset's column names.`,
  'llm-budget-exhausted': (p: MessageParams) =>
    Number(p.used) < Number(p.budget)
      ? `This request would need up to about ${p.needed} tokens, more than is left of today's LLM token budget (${p.used} of ${p.budget} used; usage in '${p.file}'). Nothing was sent. Choose the analysis yourself, or raise the budget (VS Code: inferra.llm.dailyTokenBudget; CLI: INFERRA_LLM_DAILY_BUDGET_TOKENS).`
      : `Today's LLM token budget is used up (${p.used} of ${p.budget} tokens; usage in '${p.file}'). The fallback is off until tomorrow; raise the budget (VS Code: inferra.llm.dailyTokenBudget; CLI: INFERRA_LLM_DAILY_BUDGET_TOKENS) to continue.`,
  'llm-request-too-long': (p: MessageParams) =>
    `This request is ${p.length} characters long; the LLM fallback sends at most ${p.limit}, so nothing was sent. Shorten the request to a question about the data, or choose the analysis yourself.`,
} satisfies MessageTable;
