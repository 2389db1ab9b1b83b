/**
 * How to fix an error on the command line, by code: the kernel's message says what is wrong, this
 * table adds what to type (a flag, an environment variable). The notebook's own advice is in
 * extension/advice.ts; test/unit/messages/advice.test.ts holds the two tables against each other.
 * `null`: the kernel's message says all there is.
 */
import { type AdviceTable, messageWithAdvice } from '../kernel/api.js';
import { roleFlag } from './roles.js';

export const CLI_ADVICE: AdviceTable = {
  'internal-error': 'Run again with INFERRA_DEBUG=1 to print the stack trace for the report.',
  'usage': null,
  'cancelled': null,
  'workspace-untrusted': null,
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
  'column-not-found': "Run 'inferra describe DATA' to list the columns.",
  'column-not-numeric': null,
  'column-not-categorical': null,
  'missing-role': (p) => `Add --${roleFlag(p.role)} COLUMN.`,
  'unexpected-role': (p) => `Remove --${roleFlag(p.role)}.`,
  'wrong-level-count': 'Use --levels to keep the ones you want, or choose another analysis.',
  'level-not-found': null,
  'design-too-large': 'To analyze a subset of the rows, add --where "COLUMN = VALUE".',
  'too-few-observations': null,
  'zero-variance': null,
  'perfect-fit': null,
  'collinear-predictors': 'Leave them out of --predictors.',
  'empty-table-cell': 'Drop that level with --where or --levels.',
  'invalid-option': null,
  'not-paired': null,
  'repeated-cells': 'Average the repeated rows of each subject and condition first (one row per cell), or check that --subject names the subject column and --within the condition column.',
  'table-too-large': 'Use --analysis chi2_independence instead, or merge sparse levels.',
  'sample-too-large': 'Analyze a subset of the rows with --where "COLUMN = VALUE".',
  'outcome-not-binary': 'Keep two levels with --where "COLUMN != LEVEL", or recode the outcome into a new two-level column.',
  'factor-count': 'Name two or three columns in --factors A,B[,C]; for one factor use --analysis anova_oneway --group COL.',
  'empty-design-cells': 'Leave out a level of the empty combinations with --where "COLUMN != LEVEL", or cross fewer factors.',
  // kernel/decide
  'rules-not-found': null,
  'rules-invalid': null,
  'rules-duplicate-id': null,
  'rules-unknown-cue': null,
  'decision-json-invalid': null,
  // kernel/llm
  'llm-no-key': 'Set XAI_API_KEY.',
  'llm-bad-key': 'Set it in XAI_API_KEY.',
  'llm-forbidden': null,
  'llm-model-not-found': 'Set INFERRA_LLM_MODEL to one of the available models.',
  'llm-rate-limited': null,
  'llm-server-error': null,
  'llm-bad-request': null,
  'llm-offline': 'Check HTTPS_PROXY and INFERRA_LLM_BASE_URL.',
  'llm-connection-dropped': 'Check HTTPS_PROXY.',
  'llm-timeout': null,
  'llm-malformed-answer': 'Or choose the analysis yourself with inferra analyze --analysis ID.',
  'llm-invalid-answer': 'Or choose the analysis yourself with inferra analyze --analysis ID.',
  'llm-unknown-column': "Run 'inferra describe DATA' to list the columns.",
  'llm-budget-exhausted': 'Raise the budget with INFERRA_LLM_DAILY_BUDGET_TOKENS (0 = no limit).',
  'llm-request-too-long': null,
  'llm-quota-exhausted': 'Or choose the analysis yourself with inferra analyze --analysis ID.',
  // kernel/notebook
  'notebook-parse-failed': null,
  'notebook-invalid': null,
  'notebook-not-found': null,
  'notebook-write-failed': 'Or write elsewhere with --out.',
  'notebook-version': null,
  'cell-not-found': "Run 'inferra history NB' to list the cells.",
  'cell-not-ask': null,
  'no-dataset': null,
  'dataset-unknown': null,
  'dataset-outside-folder':
    "If you expected this notebook to read that file, add --allow-outside-data; otherwise, copy the data into the notebook's folder.",
  // kernel/provenance
  'provenance-unsupported-value': null,
  'provenance-record-invalid': null,
  'supabase-bad-config': 'Check INFERRA_SUPABASE_URL and INFERRA_SUPABASE_ANON_KEY.',
  'supabase-not-signed-in': 'Set INFERRA_SUPABASE_EMAIL and INFERRA_SUPABASE_PASSWORD to send them.',
  'supabase-session-expired': 'Set INFERRA_SUPABASE_EMAIL and INFERRA_SUPABASE_PASSWORD to sign in.',
  'supabase-sign-in-failed': 'They are read from INFERRA_SUPABASE_EMAIL and INFERRA_SUPABASE_PASSWORD.',
  'supabase-rls-refused': null,
  'supabase-network': null,
  'supabase-request-failed': null,
  'supabase-not-configured': 'Set INFERRA_SUPABASE_URL and INFERRA_SUPABASE_ANON_KEY (and sign in with INFERRA_SUPABASE_EMAIL and INFERRA_SUPABASE_PASSWORD).',
  'supabase-project-not-found': 'Ask the project\'s owner to invite your e-mail address, then accept the invitation in VS Code ("Inferra: Choose Supabase Project...").',
  'supabase-project-ambiguous': null,
  'supabase-refused': null,
  'provenance-queue-io': 'Set INFERRA_PROVENANCE_QUEUE_DIR to a writable folder.',
  // kernel/worker
  'timeout': 'Raise the limit with the environment variable INFERRA_TIMEOUT_SECONDS, or load fewer rows with --where.',
  'worker-crashed': null,
  'worker-protocol': null,
};

/** An error as the CLI prints it: the kernel's message and the command line's advice. */
export function cliMessage(error: Parameters<typeof messageWithAdvice>[1]): string {
  return messageWithAdvice(CLI_ADVICE, error);
}
