import { datasetLocator, type DecisionOutcome, decisionToJson, NotebookSession } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { llmWithPersonalQuota } from '../sinks.js';
import { llmSettingsFromEnv, timeoutFromEnv } from '../settings.js';
import { EXIT, logLine, printJson, printText } from '../output.js';

/** `inferra decide DATA --prompt TEXT [--json] [--allow-llm]`. */
export async function runDecideCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', prompt: 'string', 'allow-llm': 'boolean', sheet: 'string' }, 'decide');
  const [data, ...extra] = args.positionals;
  const prompt = args.strings.get('prompt');
  if (!data || extra.length || !prompt?.trim()) throw usageError('Usage: inferra decide DATA [--sheet NAME] --prompt "TEXT" [--json] [--allow-llm]');
  // With Supabase configured, each LLM call first reserves tokens from the user's daily allowance.
  const quota = await llmWithPersonalQuota(llmSettingsFromEnv(), args.booleans.has('allow-llm'), logLine);
  const session = new NotebookSession({ llm: quota.llm, allowLlm: args.booleans.has('allow-llm'), timeoutMs: timeoutFromEnv() });
  try {
    const { decision } = await session.decide(datasetLocator(data, args.strings.get('sheet')), prompt);
    if (args.booleans.has('json')) printJson(decisionToJson(decision));
    else printText(formatDecision(decision));
    return decision.status === 'decided' ? EXIT.ok : EXIT.undecided;
  } finally {
    await session.dispose();
    await quota.close();
  }
}

/** A decision in words. */
export function formatDecision(decision: DecisionOutcome): string {
  const roles = (r: object) =>
    Object.entries(r)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join(', ') : v}`)
      .join('; ');
  const choices = decision.alternatives.map((a, i) => `  ${i + 1}. ${a.analysis} (${roles(a.roles)}): ${a.why}`);
  if (decision.status === 'decided') {
    const by = decision.source === 'llm' ? `LLM decision (${decision.llm?.model ?? 'Grok'})` : `rule ${decision.ruleId}`;
    return [
      `${decision.analysis} (${roles(decision.roles)}), ${by}, confidence ${decision.confidence.toFixed(2)}`,
      decision.rationale,
      ...(choices.length ? ['Alternatives:', ...choices] : []),
    ].join('\n');
  }
  const head = decision.status === 'ambiguous' ? 'Ambiguous' : 'No analysis fits';
  return [`${head}: ${decision.rationale}`, ...(choices.length ? ['Choices:', ...choices] : [])].join('\n');
}
