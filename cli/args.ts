/**
 * Command-line parsing: `--flag value`, `--flag=value`, boolean switches, repeatable flags.
 * Unknown flags and missing values are usage errors (exit 2) that name the flag.
 */
import { InferraError, suggestName } from '../kernel/api.js';

/** How a flag takes its value. */
export type FlagKind = 'string' | 'boolean' | 'repeat';

/** Parsed arguments of one command. */
export interface ParsedArgs {
  positionals: string[];
  strings: Map<string, string>;
  booleans: Set<string>;
  repeats: Map<string, string[]>;
}

/** A usage error: what is wrong and how to call the command. */
export function usageError(detail: string): InferraError {
  return new InferraError('usage', { detail });
}

/** Parses `argv` against the flags a command accepts. */
export function parseArgs(argv: readonly string[], flags: Readonly<Record<string, FlagKind>>, command: string): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], strings: new Map(), booleans: new Set(), repeats: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = flags[name];
    if (!kind) {
      const suggestion = suggestName(name, Object.keys(flags));
      throw usageError(
        `inferra ${command}: unknown option --${name}.${suggestion ? ` Did you mean --${suggestion}?` : ''} See 'inferra ${command} --help'.`,
      );
    }
    if (kind === 'boolean') {
      if (eq >= 0) {
        const v = arg.slice(eq + 1);
        if (v !== 'true' && v !== 'false') throw usageError(`inferra ${command}: --${name} takes no value (or =true/=false).`);
        if (v === 'true') parsed.booleans.add(name);
      } else parsed.booleans.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        throw usageError(`inferra ${command}: --${name} needs a value.`);
      }
      i++;
    }
    if (kind === 'repeat') parsed.repeats.set(name, [...(parsed.repeats.get(name) ?? []), value]);
    else {
      if (parsed.strings.has(name)) throw usageError(`inferra ${command}: --${name} is given twice.`);
      parsed.strings.set(name, value);
    }
  }
  return parsed;
}
