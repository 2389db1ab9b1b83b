/**
 * Runs the real `inferra` CLI in-process (`main(argv)` of cli/main.ts, the function bin/inferra.js
 * calls) on generated inputs and checks what must hold for any input: an exit code CONTRACT.md
 * lists for the command, no internal error or stack trace, no file changed unless the run
 * succeeded, nothing from outside the case's folder in the output.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { constants as osConstants, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main.js';

/**
 * Exit codes per command, from CONTRACT.md's table; 2 (bad usage or an unreadable file) is added
 * where the table omits it, as README says for every command.
 */
export const CONTRACT_EXIT_CODES: Record<string, readonly number[]> = {
  run: [0, 1, 2],
  verify: [0, 1, 2],
  history: [0, 2],
  describe: [0, 2],
  decide: [0, 2, 3],
  analyze: [0, 1, 2],
  ask: [0, 1, 2, 3],
};

/** What one CLI call did. */
export interface CliRun {
  argv: string[];
  code: number;
  stdout: string;
  stderr: string;
  /** Relative paths (under the case folder) whose bytes changed, appeared or disappeared. */
  changed: string[];
}

/** Column names of the file outside the notebook's folder: if they show up, it was read. */
export const OUTSIDE_TOKEN = 'zz_outside_secret_7f3a';

/** A scratch folder per case: `nb/` holds the notebook and its data, `outside/` a file it must not read. */
export interface CaseFolder {
  root: string;
  nb: string;
  outside: string;
  outsideFile: string;
}

export function makeCaseFolder(): CaseFolder {
  const root = mkdtempSync(join(tmpdir(), 'inferra-fuzz-'));
  const nb = join(root, 'nb');
  const outside = join(root, 'outside');
  mkdirSync(nb);
  mkdirSync(outside);
  const outsideFile = join(outside, 'secret.csv');
  writeFileSync(outsideFile, `${OUTSIDE_TOKEN}_a,${OUTSIDE_TOKEN}_b\n1,x\n2,y\n3,x\n4,y\n`);
  return { root, nb, outside, outsideFile };
}

export function removeCaseFolder(folder: CaseFolder): void {
  rmSync(folder.root, { recursive: true, force: true });
}

function caseFiles(folder: CaseFolder): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder.nb)) out[name] = readFileSync(join(folder.nb, name), 'utf8').slice(0, 4000);
  return out;
}

function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = statSync(path, { throwIfNoEntry: false });
      if (!info) continue;
      if (info.isDirectory()) walk(path);
      else out.set(relative(root, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

/** Environment of every fuzz call: no network (no LLM key, no Supabase), the command's own time limit. */
const FUZZ_ENV: Record<string, string | undefined> = {
  XAI_API_KEY: undefined,
  INFERRA_SUPABASE_URL: undefined,
  INFERRA_SUPABASE_ANON_KEY: undefined,
  INFERRA_DEBUG: undefined,
  INFERRA_TIMEOUT_SECONDS: process.env.FUZZ_TIMEOUT_SECONDS ?? '60',
};

/** Runs `inferra ARGV` in this process with stdout/stderr captured and the folder compared before/after. */
export async function runCli(argv: string[], folder: CaseFolder): Promise<CliRun> {
  // FUZZ_LOG=file records each call before it runs: the last line names the input of a native crash.
  if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${JSON.stringify({ argv, files: caseFiles(folder) })}\n`);
  const before = snapshot(folder.root);
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(FUZZ_ENV)) {
    saved[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(argv);
  } catch (error) {
    // main() turns every error into an exit code; anything escaping it is a crash of the CLI itself.
    stderr += `\n[escaped main()] ${(error as Error)?.stack ?? String(error)}`;
    code = -1;
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const after = snapshot(folder.root);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
  if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${JSON.stringify({ code })}\n`);
  return { argv, code, stdout, stderr, changed };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The same call in a child process (`node --import tsx cli/entry.ts`, the sources under test):
 * for inputs that may crash natively (a segfault in DuckDB would end the test runner itself).
 * A signal death is reported as exit code 128 + signal number, as a shell would.
 */
export async function runCliChild(argv: string[], folder: CaseFolder): Promise<CliRun> {
  const before = snapshot(folder.root);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(FUZZ_ENV)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'entry.ts'), ...argv], { cwd: ROOT, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (exit, signal) => resolvePromise({ code: exit ?? 128 + (signal ? osConstants.signals[signal] : 0), stdout: out, stderr: err }));
  });
  const after = snapshot(folder.root);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
  return { argv, code, stdout, stderr, changed };
}

/** Internal errors and stack traces, as a researcher would see them. */
const INTERNAL = [
  /internal error/i,
  /This is a bug/,
  /^\s+at .+:\d+:\d+\)?$/m, // a stack frame
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|AssertionError)\b/,
  /Maximum call stack/,
  /Cannot (read|destructure) propert/,
  /\[escaped main\(\)\]/,
];

/** The problems of one run against the properties; empty when it is fine. */
export function problemsOf(run: CliRun, allowedChanges: (code: number) => readonly string[]): string[] {
  const problems: string[] = [];
  const command = run.argv[0];
  const allowed = CONTRACT_EXIT_CODES[command] ?? [0, 1, 2, 3];
  if (!allowed.includes(run.code)) problems.push(`exit code ${run.code} is not one CONTRACT.md lists for ${command} (${allowed.join(', ')})`);
  const text = `${run.stdout}\n${run.stderr}`;
  for (const pattern of INTERNAL) {
    const match = pattern.exec(text);
    if (match) problems.push(`internal error or stack trace in the output: ${JSON.stringify(lineAround(text, match.index))}`);
  }
  const mayChange = new Set(allowedChanges(run.code));
  const unexpected = run.changed.filter((path) => !mayChange.has(path));
  if (unexpected.length) problems.push(`files changed that may not (exit ${run.code}): ${unexpected.join(', ')}`);
  return problems;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? undefined : end).slice(0, 300);
}

/** Whether the outside file's content reached the output or a written file. */
export function leaksOutside(run: CliRun, folder: CaseFolder): boolean {
  if (`${run.stdout}\n${run.stderr}`.includes(OUTSIDE_TOKEN)) return true;
  return run.changed.some((path) => {
    try {
      return readFileSync(join(folder.root, path), 'utf8').includes(OUTSIDE_TOKEN);
    } catch {
      return false;
    }
  });
}
