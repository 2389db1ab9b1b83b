/**
 * How to fix an error in the notebook, by code: the kernel's message says what is wrong, this table
 * adds what to do in VS Code (write it in the cell, a command, a setting). The command line's own
 * advice is in cli/advice.ts; test/unit/messages/advice.test.ts holds the two tables against each other.
 * `null`: the kernel's message says all there is.
 */
import { messageWithAdvice, type AdviceTable } from '../kernel/api.js';

const DESCRIBE = 'Run "Inferra: Describe Dataset" to list the columns.';
const SUBSET = 'To analyze a subset of the rows, name it in the cell (e.g. "... among Adelie penguins").';
const NAME_IT = 'Or name the analysis in the cell (e.g. "Welch t-test of body mass by sex").';
const SIGN_IN = 'Run "Inferra: Sign In to Supabase…"';

export const NOTEBOOK_ADVICE: AdviceTable = {
  'internal-error': 'The "Inferra" output channel (View → Output) has the details.',
  'usage': null,
  'cancelled': null,
  'workspace-untrusted': 'Trust this workspace (Manage Workspace Trust) to run the notebook.',
  // kernel/data
  'file-not-found': null,
  'database-locator-invalid': null,
  'database-unreachable': null,
  'database-login-failed': null,
  'database-not-found': null,
  'table-not-found': null,
  'database-query-failed': null,
  'database-timeout': null,
  'analysis-not-in-database': null,
  'file-empty': null,
  'no-header': null,
  'binary-file': null,
  'unsupported-format': null,
  'parse-failed': null,
  'too-many-columns': null,
  // the analyses
  'column-not-found': DESCRIBE,
  'column-not-numeric': null,
  'column-not-categorical': null,
  'missing-role': (p) => `Name the column for the ${p.role.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} in the cell's text.`,
  'unexpected-role': () => "Leave that column out of the cell's text.",
  'wrong-level-count': 'Name the groups you want in the cell (e.g. "compare Adelie and Gentoo"), or ask for another analysis.',
  'level-not-found': null,
  'design-too-large': SUBSET,
  'too-few-observations': null,
  'zero-variance': null,
  'perfect-fit': null,
  'collinear-predictors': "Leave them out of the cell's list of predictors.",
  'empty-table-cell': 'Name only the levels you want in the cell, or leave that level out of the data.',
  'invalid-option': null,
  'not-paired': null,
  'repeated-cells': 'Average the repeated rows of each subject and condition first (one row per cell), or say which column identifies the subjects and which one holds the conditions.',
  'table-too-large': 'Ask for a chi-square test instead, or merge sparse levels in the data.',
  'sample-too-large': SUBSET,
  'outcome-not-binary': 'Name two levels to keep in the cell, or recode the outcome into a two-level column first.',
  'factor-count': 'Name two or three grouping columns in the cell; for one grouping column ask for a one-way ANOVA.',
  'empty-design-cells': 'Leave out a level of the empty combinations (e.g. "where tension is not H"), or ask about fewer factors.',
  // kernel/decide
  'rules-not-found': null,
  'rules-invalid': null,
  'rules-duplicate-id': null,
  'rules-unknown-cue': null,
  'decision-json-invalid': null,
  // kernel/llm
  'llm-no-key': 'Store a key with "Inferra: Set Grok (xAI) API Key…".',
  'llm-bad-key': 'Store it again with "Inferra: Set Grok (xAI) API Key…".',
  'llm-forbidden': null,
  'llm-model-not-found': "Choose another model in the setting 'inferra.llm.model'.",
  'llm-rate-limited': null,
  'llm-server-error': null,
  'llm-bad-request': null,
  'llm-offline': "Check the proxy settings and the setting 'inferra.llm.baseUrl'.",
  'llm-connection-dropped': 'Check the proxy settings.',
  'llm-timeout': null,
  'llm-malformed-answer': NAME_IT,
  'llm-invalid-answer': NAME_IT,
  'llm-unknown-column': DESCRIBE,
  'llm-budget-exhausted': "Raise the budget with the setting 'inferra.llm.dailyTokenBudget' (0 = no limit).",
  'llm-request-too-long': null,
  'llm-quota-exhausted': NAME_IT,
  // kernel/notebook
  'notebook-parse-failed': null,
  'notebook-invalid': null,
  'notebook-not-found': null,
  'notebook-write-failed': 'Or save a copy elsewhere with "File: Save As…".',
  'notebook-version': null,
  'cell-not-found': null,
  'cell-not-ask': null,
  'no-dataset': 'Or choose one with "Inferra: Choose Dataset…".',
  'dataset-unknown': null,
  'dataset-outside-folder':
    'If you expected this notebook to read that file, run the cell again and choose "Allow once"; otherwise, copy the data into the notebook\'s folder.',
  // kernel/provenance
  'provenance-unsupported-value': null,
  'provenance-record-invalid': null,
  'supabase-bad-config': "Check the settings 'inferra.supabase.url' and 'inferra.supabase.anonKey'.",
  'supabase-not-signed-in': `${SIGN_IN} to send them.`,
  'supabase-session-expired': `${SIGN_IN}.`,
  'supabase-sign-in-failed': null,
  'supabase-rls-refused': null,
  'supabase-network': null,
  'supabase-request-failed': null,
  'supabase-not-configured': "Set 'inferra.supabase.url' and 'inferra.supabase.anonKey', then sign in.",
  'supabase-project-not-found': 'Ask the project\'s owner to invite your e-mail address, then accept it with "Inferra: Choose Supabase Project...".',
  'supabase-project-ambiguous': null,
  'supabase-refused': null,
  'provenance-queue-io': null,
  // kernel/worker
  'timeout': `Raise the limit with the setting 'inferra.execution.timeoutSeconds'. ${SUBSET}`,
  'worker-crashed': null,
  'worker-protocol': null,
};

/** Any thrown value as the notebook shows it: a kernel error's message with the notebook's advice, else the message. */
export function notebookMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, params } = error as Error & { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !params || typeof params !== 'object') return error.message;
  return messageWithAdvice(NOTEBOOK_ADVICE, { code, message: error.message, params: params as Record<string, never> });
}
