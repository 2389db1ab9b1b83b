import { datasetLocator, decisionToJson, formatOutcomePlain, NotebookSession, outcomeToJson, requestFromDecision } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { llmWithPersonalQuota } from '../sinks.js';
import { EXIT, logLine, printJson, printText } from '../output.js';
import { progressOnStderr } from '../progress.js';
import { provenanceForOutcome } from '../provenance.js';
import { llmSettingsFromEnv, timeoutFromEnv } from '../settings.js';
import { formatDecision } from './decide.js';

/** `inferra ask DATA --prompt TEXT [--json] [--allow-llm]`: decide + analyze + figure. */
export async function runAskCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', prompt: 'string', 'allow-llm': 'boolean', sheet: 'string', progress: 'boolean' }, 'ask');
  const [data, ...extra] = args.positionals;
  const prompt = args.strings.get('prompt');
  if (!data || extra.length || !prompt?.trim()) throw usageError('Usage: inferra ask DATA [--sheet NAME] --prompt "TEXT" [--json] [--allow-llm]');
  const json = args.booleans.has('json');
  // With Supabase configured, each LLM call first reserves tokens from the user's daily allowance.
  const quota = await llmWithPersonalQuota(llmSettingsFromEnv(), args.booleans.has('allow-llm'), logLine);
  const session = new NotebookSession({ llm: quota.llm, allowLlm: args.booleans.has('allow-llm'), timeoutMs: timeoutFromEnv() });
  try {
    const started = new Date();
    const source = datasetLocator(data, args.strings.get('sheet'));
    const { decision } = await session.decide(source, prompt);
    if (decision.status !== 'decided') {
      if (json) printJson(decisionToJson(decision));
      else printText(formatDecision(decision));
      return EXIT.undecided;
    }
    const progress = progressOnStderr(args.booleans.has('progress'));
    let outcome;
    try {
      outcome = await session.runRequest(source, requestFromDecision(decision), { onProgress: progress?.update });
    } finally {
      progress?.finish();
    }
    if (json) {
      const result = outcomeToJson(outcome);
      result.decision = decisionToJson(decision);
      result.provenance = provenanceForOutcome(session, data, outcome, result, started, {
        source: decision.source,
        rule_id: decision.ruleId ?? null,
      });
      printJson(result);
    } else {
      printText(`${formatDecision(decision)}\n\n${formatOutcomePlain(outcome)}`);
    }
    return EXIT.ok;
  } finally {
    await session.dispose();
    await quota.close();
  }
}
