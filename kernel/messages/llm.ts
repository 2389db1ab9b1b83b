/** Messages of kernel/llm. Settings are named by the doors (CLI: environment variables; VS Code: settings). */
export const llmMessages = {
  'llm-no-key': () => 'No xAI API key is set, so the LLM fallback cannot run.',
  'llm-bad-key': (p: { detail?: string }) =>
    `The xAI API rejected the API key (HTTP 401)${p.detail ? `: ${p.detail}` : ''}. Check the key (it starts with 'xai-') and set it again.`,
  'llm-forbidden': (p: { detail?: string; model: string }) =>
    `The xAI API refused the request (HTTP 403)${p.detail ? `: ${p.detail}` : ''}. The key may lack access to model '${p.model}' or the account may be blocked; check the xAI console.`,
  'llm-model-not-found': (p: { model: string; baseUrl: string; available?: string }) =>
    `The model '${p.model}' is not available from ${p.baseUrl}${p.available ? ` (available: ${p.available})` : ''}.`,
  'llm-rate-limited': (p: { detail?: string }) =>
    `The xAI API is rate-limiting or out of quota (HTTP 429)${p.detail ? `: ${p.detail}` : ''}. Wait a minute and retry, or check the account's credits.`,
  'llm-server-error': (p: { status: number; detail?: string; attempts: number }) =>
    `The xAI API failed (HTTP ${p.status})${p.detail ? `: ${p.detail}` : ''} after ${p.attempts} attempt(s). Try again later.`,
  'llm-bad-request': (p: { status: number; detail?: string }) =>
    `The xAI API rejected the request (HTTP ${p.status})${p.detail ? `: ${p.detail}` : ''}. This is probably a bug in Inferra; please report it.`,
  'llm-offline': (p: { baseUrl: string; detail: string }) =>
    `Cannot reach ${p.baseUrl} (${p.detail}). Check the network connection.`,
  'llm-connection-dropped': (p: { baseUrl: string; attempts: number; detail: string }) =>
    `The connection to ${p.baseUrl} dropped ${p.attempts} time(s) (${p.detail}). Try again; if it persists, check the proxy or network.`,
  'llm-timeout': (p: { ms: number }) =>
    `The xAI API did not answer within ${p.ms} ms. Try again later.`,
  'llm-malformed-answer': (p: { detail: string }) =>
    `The model's answer is not valid JSON (${p.detail}). Rephrase the request or choose the analysis yourself.`,
  'llm-invalid-answer': (p: { detail: string }) =>
    `The model's answer does not follow the required shape: ${p.detail}. It was rejected; rephrase the request or choose the analysis yourself.`,
  'llm-unknown-column': (p: { column: string }) =>
    `The model named a column that the dataset does not have ('${p.column}'), so its answer was rejected. Rephrase the request with the dataset's column names.`,
  'llm-budget-exhausted': (p: { used: number; budget: number; file: string; needed: number }) =>
    p.used < p.budget
      ? `This request would need up to about ${p.needed} tokens, more than is left of today's LLM token budget (${p.used} of ${p.budget} used; usage in '${p.file}'). Nothing was sent. Choose the analysis yourself, or raise the budget.`
      : `Today's LLM token budget is used up (${p.used} of ${p.budget} tokens; usage in '${p.file}'). The fallback is off until tomorrow, unless the budget is raised.`,
  'llm-request-too-long': (p: { length: number; limit: number }) =>
    `This request is ${p.length} characters long; the LLM fallback sends at most ${p.limit}, so nothing was sent. Shorten the request to a question about the data, or choose the analysis yourself.`,
  'llm-quota-exhausted': (p: { used: number; allowance: number; needed: number; scope: string }) =>
    `The daily LLM allowance of ${p.scope} is spent for today: ${p.used} of ${p.allowance} tokens used (UTC day), and this request needs up to about ${p.needed}. Nothing was sent. Choose the analysis yourself, or try again after midnight UTC (a higher tier raises the allowance).`,
};
