/**
 * The `inferra` command line (CONTRACT.md): a thin door into the kernel. Each command lives in
 * `cli/commands/`; this file dispatches and turns errors into exit codes.
 */
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { EXIT, logLine, printText, reportError } from './output.js';
import { versionText } from './version.js';

/**
 * Each command is imported when it runs (the build splits the CLI into chunks): `--version`,
 * `--help` and a command that does not need the report or Supabase do not load them.
 */
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  run: async (argv) => (await import('./commands/run.js')).runRunCommand(argv),
  verify: async (argv) => (await import('./commands/verify.js')).runVerifyCommand(argv),
  history: async (argv) => (await import('./commands/history.js')).runHistoryCommand(argv),
  describe: async (argv) => (await import('./commands/describe.js')).runDescribeCommand(argv),
  decide: async (argv) => (await import('./commands/decide.js')).runDecideCommand(argv),
  analyze: async (argv) => (await import('./commands/analyze.js')).runAnalyzeCommand(argv),
  ask: async (argv) => (await import('./commands/ask.js')).runAskCommand(argv),
  export: async (argv) => (await import('./commands/export.js')).runExportCommand(argv),
};

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    printText(MAIN_HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === '--version' || command === '-v') {
    printText(versionText());
    return EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    logLine(`inferra: unknown command '${command}'.\n\n${MAIN_HELP}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    printText(COMMAND_HELP[command]);
    return EXIT.ok;
  }
  try {
    return await run(rest);
  } catch (error) {
    return reportError(error, rest.includes('--json'));
  }
}

/** Entry point when run as a program. */
export async function runCli(): Promise<void> {
  const code = await main(process.argv.slice(2));
  // Let stdout drain before exiting (large JSON documents on a pipe).
  process.stdout.write('', () => process.exit(code));
}
