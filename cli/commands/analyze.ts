import { datasetLocator, formatOutcomePlain, NotebookSession, outcomeToJson } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { timeoutFromEnv } from '../settings.js';
import { EXIT, printJson, printText } from '../output.js';
import { REQUEST_FLAGS, requestFromArgs } from '../request.js';
import { provenanceForOutcome } from '../provenance.js';

/** `inferra analyze DATA --analysis ID [roles] [options] [--json]`. */
export async function runAnalyzeCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...REQUEST_FLAGS, json: 'boolean', analysis: 'string', sheet: 'string' }, 'analyze');
  const [data, ...extra] = args.positionals;
  const analysis = args.strings.get('analysis');
  if (!data || extra.length || !analysis) throw usageError('Usage: inferra analyze DATA [--sheet NAME] --analysis ID [roles] [options] [--json]');
  const request = requestFromArgs(analysis, args);
  const session = new NotebookSession({ timeoutMs: timeoutFromEnv() });
  try {
    const started = new Date();
    const outcome = await session.runRequest(datasetLocator(data, args.strings.get('sheet')), request);
    if (args.booleans.has('json')) {
      const json = outcomeToJson(outcome);
      json.provenance = provenanceForOutcome(session, data, outcome, json, started, { source: 'cli', rule_id: null });
      printJson(json);
    } else printText(formatOutcomePlain(outcome));
    return EXIT.ok;
  } finally {
    await session.dispose();
  }
}
