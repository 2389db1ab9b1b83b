/** The built `inferra` command as a child process, for the integration tests (one runner, not a copy per file). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The command as npm installs it (it runs dist/cli.mjs: `npm run build` first). */
export const BIN = join(ROOT, 'bin', 'inferra.js');

/** How a run ended. */
export interface CliRun {
  /** Exit code; -1 when a signal ended the process. */
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `inferra ARGS` in `cwd` (default the repository root) with this process's environment, no xAI
 * key (no test reaches the LLM unless it says so), and `env` on top.
 */
export function runInferra(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, XAI_API_KEY: '', ...options.env };
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}
