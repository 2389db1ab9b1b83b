/**
 * The `inferra` command line (CONTRACT.md): a thin door into the kernel. Each command lives in
 * `cli/commands/`; this file dispatches and turns errors into exit codes.
 */
import { runAnalyzeCommand } from './commands/analyze.js';
import { runAskCommand } from './commands/ask.js';
import { runDecideCommand } from './commands/decide.js';
import { runDescribeCommand } from './commands/describe.js';
import { runExportCommand } from './commands/export.js';
import { runHistoryCommand } from './commands/history.js';
import { runRunCommand } from './commands/run.js';
import { runVerifyCommand } from './commands/verify.js';
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { EXIT, logLine, printText, reportError } from './output.js';
import { versionText } from './version.js';

// The commands are imported statically: a dynamic import here would, under tsx (the tests run
// main() in-process), load a second copy of the kernel whose errors are not this copy's
// InferraError. `--version` is the one path that skips the kernel (cli/entry.ts).
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  run: runRunCommand,
  verify: runVerifyCommand,
  history: runHistoryCommand,
  describe: runDescribeCommand,
  decide: runDecideCommand,
  analyze: runAnalyzeCommand,
  ask: runAskCommand,
  export: runExportCommand,
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
