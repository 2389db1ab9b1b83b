/**
 * The `inferra` command line (CONTRACT.md): a thin door into the kernel. Each command lives in
 * `cli/commands/`; this file dispatches and turns errors into exit codes.
 */
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { EXIT, logLine, printText, reportError } from './output.js';
import { versionText } from './version.js';
import { releasePrestartedWorker } from '../kernel/worker/prestart.js';

// Each command is loaded when it is run, so `inferra analyze` does not evaluate the report
// exporter (docx, vega, KaTeX) nor `export` the statistics. An error from a lazily loaded module
// may come from another copy of the kernel (tsx in-process tests): reportError goes through
// toInferraError, which reads the error's brand rather than `instanceof` (kernel/errors.ts).
const COMMANDS: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  run: async () => (await import('./commands/run.js')).runRunCommand,
  verify: async () => (await import('./commands/verify.js')).runVerifyCommand,
  history: async () => (await import('./commands/history.js')).runHistoryCommand,
  describe: async () => (await import('./commands/describe.js')).runDescribeCommand,
  decide: async () => (await import('./commands/decide.js')).runDecideCommand,
  analyze: async () => (await import('./commands/analyze.js')).runAnalyzeCommand,
  ask: async () => (await import('./commands/ask.js')).runAskCommand,
  export: async () => (await import('./commands/export.js')).runExportCommand,
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
  const load = COMMANDS[command];
  if (!load) {
    logLine(`inferra: unknown command '${command}'.\n\n${MAIN_HELP}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    printText(COMMAND_HELP[command]);
    return EXIT.ok;
  }
  try {
    const run = await load();
    return await run(rest);
  } catch (error) {
    return reportError(error, rest.includes('--json'));
  }
}

/** Entry point when run as a program. */
export async function runCli(): Promise<void> {
  const code = await main(process.argv.slice(2));
  // A worker started early (cli/entry.ts) that no command used must finish loading before the exit.
  await releasePrestartedWorker();
  // Let stdout drain before exiting (large JSON documents on a pipe).
  process.stdout.write('', () => process.exit(code));
}
