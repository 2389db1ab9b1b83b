import { datasetLocator, formatOutcomePlain, isDataFree, NotebookSession, outcomeToJson } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { timeoutFromEnv } from '../settings.js';
import { EXIT, printJson, printText } from '../output.js';
import { REQUEST_FLAGS, requestFromArgs } from '../request.js';
import { provenanceForOutcome } from '../provenance.js';
import { progressOnStderr } from '../progress.js';

/** `inferra analyze DATA --analysis ID [roles] [options] [--json]`. */
export async function runAnalyzeCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...REQUEST_FLAGS, json: 'boolean', analysis: 'string', sheet: 'string', progress: 'boolean' }, 'analyze');
  const [data, ...extra] = args.positionals;
  const analysis = args.strings.get('analysis');
  if (!data && !extra.length && analysis && isDataFree(analysis)) return analyzeWithoutData(analysis, args);
  if (!data || extra.length || !analysis) throw usageError('Usage: inferra analyze DATA [--sheet NAME] --analysis ID [roles] [options] [--json]');
  const request = requestFromArgs(analysis, args);
  const session = new NotebookSession({ timeoutMs: timeoutFromEnv() });
  const progress = progressOnStderr(args.booleans.has('progress'));
  try {
    const started = new Date();
    const outcome = await session.runRequest(datasetLocator(data, args.strings.get('sheet')), request, { onProgress: progress?.update });
    progress?.finish();
    if (args.booleans.has('json')) {
      const json = outcomeToJson(outcome);
      json.provenance = provenanceForOutcome(session, data, outcome, json, started, { source: 'cli', rule_id: null });
      printJson(json);
    } else printText(formatOutcomePlain(outcome));
    return EXIT.ok;
  } finally {
    progress?.finish();
    await session.dispose();
  }
}

/** `inferra analyze --analysis power_ttest ...` without DATA: the effect comes from the options. */
async function analyzeWithoutData(analysis: string, args: ReturnType<typeof parseArgs>): Promise<number> {
  const started = new Date();
  const request = requestFromArgs(analysis, args);
  const { runWithoutData } = await import('../../kernel/run-without-data.js');
  const outcome = runWithoutData(request);
  if (args.booleans.has('json')) {
    const json = outcomeToJson(outcome);
    json.provenance = { started_at: started.toISOString(), dataset: null, plan: { source: 'cli', rule_id: null, analysis: outcome.analysis }, seed: outcome.options.seed };
    printJson(json);
  } else printText(formatOutcomePlain(outcome));
  return EXIT.ok;
}
