/**
 * Compute benchmark (issue #17): Inferra against pandas + scipy on the same generated table, in the
 * same invocation, so both see the same machine and the same load.
 *
 *   1. whole process, cold: `inferra analyze DATA --analysis ID ... --json` against `python3 peer.py
 *      DATA ID` (Debian's pandas + scipy + statsmodels), for the t-test, ANOVA, Pearson, OLS,
 *      chi-square and Mann-Whitney: wall time and peak RSS (GNU time), the ratio, and whether the
 *      two agree on the statistic;
 *   2. a notebook of five questions on that table: every cell run twice in one session, the second
 *      pass (warm: the table already in DuckDB) timed per cell, figures included; against the peer's
 *      five analyses in one process (no figures); and `inferra run` of the notebook as a whole
 *      process, for its peak RSS.
 *
 * It prints each measure beside its target (issue #17). It asserts nothing: timings are for reading.
 * Usage: npx tsx bench/compute/run.ts [rows] [--only ttest_welch,ols] [--keep] [--baseline DIR]
 *   --baseline DIR: also runs DIR's built inferra (e.g. a checkout of the previous commit) right
 *   before this one on each analysis, for a before/after under the same load.
 *   rows default 1,000,000 (a ~35 MB CSV); the table is written to a temporary folder and removed
 *   unless --keep.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PEER = fileURLToPath(new URL('./peer.py', import.meta.url));
const INFERRA = join(ROOT, 'bin', 'inferra.js');
/** Debian's Python: the peer is "pandas + scipy from Debian", not whatever python3 is first on PATH. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** One analysis of the benchmark: Inferra's arguments, and the field both sides report. */
interface Case {
  id: string;
  args: string[];
  /** [Inferra's result field, the peer's field] compared for agreement. */
  compare: [string, string];
}

const CASES: Case[] = [
  { id: 'ttest_welch', args: ['--outcome', 'mass', '--group', 'sex'], compare: ['statistic', 'statistic'] },
  { id: 'anova_oneway', args: ['--outcome', 'flipper', '--group', 'species'], compare: ['f', 'statistic'] },
  { id: 'pearson', args: ['--x', 'flipper', '--y', 'mass'], compare: ['estimate', 'estimate'] },
  { id: 'ols', args: ['--outcome', 'mass', '--predictors', 'flipper,species'], compare: ['r_squared', 'r_squared'] },
  { id: 'chi2_independence', args: ['--row', 'species', '--col', 'sex'], compare: ['statistic', 'statistic'] },
  { id: 'mann_whitney', args: ['--outcome', 'mass', '--group', 'sex'], compare: ['statistic', 'statistic'] },
];

/** The notebook's five questions, worded so that each names its test (no decision is in question). */
const QUESTIONS = [
  "Welch's t-test of mass between female and male",
  'one-way ANOVA of flipper by species',
  'Pearson correlation of flipper and mass',
  'linear regression of mass on flipper and species',
  'chi-square test of independence of species and sex',
];

/** A penguin-like table: species (3), sex (2, 3% missing), flipper (mm), mass (g, 2% missing). */
async function writeTable(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 20261206;
  const uniform = () => {
    seed = (seed * 48271) % 2147483647; // Park-Miller: the same table on every run
    return seed / 2147483647;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const species = [
    { name: 'Adelie', flipper: 190, mass: 3700 },
    { name: 'Chinstrap', flipper: 196, mass: 3730 },
    { name: 'Gentoo', flipper: 217, mass: 5080 },
  ];
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('species,sex,flipper,mass\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const s = species[Math.floor(uniform() * 3)];
    const male = uniform() < 0.5;
    const sex = uniform() < 0.03 ? 'NA' : male ? 'male' : 'female';
    const flipper = s.flipper + (male ? 4 : -4) + 6 * normal();
    const mass = uniform() < 0.02 ? 'NA' : (s.mass + (male ? 300 : -300) + 20 * (flipper - s.flipper) + 350 * normal()).toFixed(1);
    buffer += `${s.name},${sex},${flipper.toFixed(1)},${mass}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

interface Timed {
  wallS: number;
  /** User + system CPU seconds (less sensitive than wall time to other work on the machine). */
  cpuS: number;
  rssMib: number;
  stdout: string;
}

/** Runs a command under GNU time: wall seconds and peak RSS (of the process and its threads). */
async function timed(command: string, args: string[], cwd: string): Promise<Timed> {
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'BENCH %e %M %U %S', command, ...args], {
    cwd,
    maxBuffer: 64 << 20,
    env: { ...process.env, NO_COLOR: '1' },
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stderr ?? error.message}`);
  });
  const line = stderr.trim().split('\n').reverse().find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`no timing from /usr/bin/time for ${command}`);
  const [, wall, kb, user, system] = line.split(' ');
  return { wallS: Number(wall), cpuS: Number(user) + Number(system), rssMib: Number(kb) / 1024, stdout };
}

const ratio = (a: number, b: number) => (a / b).toFixed(2);
const pad = (text: string, width: number) => text.padEnd(width);

async function wholeProcess(csv: string, dir: string, only: Set<string> | null, baseline?: string): Promise<void> {
  console.log('\n1. Whole process, cold (wall s / peak RSS MiB); target: wall <= 0.6x the peer, RSS <= the peer');
  console.log('   (cpu s = user + system, the work done whatever the load of the machine)');
  console.log(`${pad('analysis', 20)}${baseline ? pad('baseline', 18) : ''}${pad('inferra', 18)}${pad('pandas+scipy', 18)}${pad('wall ratio', 12)}${pad('RSS ratio', 11)}${baseline ? pad('cpu s base/new/peer', 22) : pad('cpu s new/peer', 16)}agree`);
  for (const c of CASES) {
    if (only && !only.has(c.id)) continue;
    const before = baseline ? await timed(process.execPath, [join(baseline, 'bin', 'inferra.js'), 'analyze', csv, '--analysis', c.id, ...c.args, '--json'], dir) : undefined;
    const mine = await timed(process.execPath, [INFERRA, 'analyze', csv, '--analysis', c.id, ...c.args, '--json'], dir);
    const peer = await timed(PYTHON, [PEER, csv, c.id], dir);
    const ours = Number(JSON.parse(mine.stdout).result?.[c.compare[0]]);
    const theirs = Number(JSON.parse(peer.stdout)[c.compare[1]]);
    const agree = Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs)) ? 'yes' : `no (${ours} vs ${theirs})`;
    const met = mine.wallS <= 0.6 * peer.wallS && mine.rssMib <= peer.rssMib ? 'met' : 'NOT met';
    console.log(
      `${pad(c.id, 20)}${before ? pad(`${before.wallS.toFixed(2)} / ${before.rssMib.toFixed(0)}`, 18) : ''}${pad(`${mine.wallS.toFixed(2)} / ${mine.rssMib.toFixed(0)}`, 18)}${pad(`${peer.wallS.toFixed(2)} / ${peer.rssMib.toFixed(0)}`, 18)}` +
        `${pad(ratio(mine.wallS, peer.wallS), 12)}${pad(ratio(mine.rssMib, peer.rssMib), 11)}` +
        `${pad([...(before ? [before] : []), mine, peer].map((t) => t.cpuS.toFixed(1)).join(' / '), before ? 22 : 16)}${agree}  [${met}]`,
    );
  }
}

async function notebook(csv: string, dir: string): Promise<void> {
  console.log('\n2. A notebook of five questions (warm cell = second run in the same session, figure included)');
  const path = join(dir, 'bench.inferra');
  await writeFile(
    path,
    JSON.stringify({
      format: 'inferra-notebook',
      version: 1,
      datasets: [{ name: 'table', path: 'table.csv' }],
      cells: QUESTIONS.map((source, i) => ({ id: `q${i + 1}`, kind: 'ask', source })),
      metadata: {},
    }),
  );
  const { NotebookSession, readNotebookFile } = await import('../../kernel/api.js');
  const book = await readNotebookFile(path);
  const session = new NotebookSession({ notebookPath: path, sourceDir: dir });
  const warm: number[] = [];
  const statuses: string[] = [];
  try {
    for (let pass = 0; pass < 2; pass++) {
      for (const cell of book.cells) {
        const start = performance.now();
        const runResult = await session.executeCell(book, cell.id);
        if (pass === 1) {
          warm.push(performance.now() - start);
          statuses.push(`${runResult.status}${runResult.outcome ? ` ${runResult.outcome.analysis}` : ''}`);
        }
      }
    }
  } finally {
    await session.dispose();
  }
  const peer = JSON.parse((await timed(PYTHON, [PEER, csv, 'notebook'], dir)).stdout) as { cells_ms: Record<string, number>; total_ms: number };
  const peerCells = Object.values(peer.cells_ms);
  console.log(`${pad('question', 54)}${pad('inferra warm ms', 17)}${pad('peer ms', 9)}target <= 100 ms`);
  QUESTIONS.forEach((q, i) => {
    console.log(`${pad(q.slice(0, 52), 54)}${pad(warm[i].toFixed(0), 17)}${pad(peerCells[i].toFixed(0), 9)}${warm[i] <= 100 ? 'met' : 'NOT met'}  (${statuses[i]})`);
  });
  const warmTotal = warm.reduce((s, t) => s + t, 0);
  const peerTotal = peerCells.reduce((s, t) => s + t, 0);
  console.log(`warm total ${warmTotal.toFixed(0)} ms vs the peer's ${peerTotal.toFixed(0)} ms (peer process incl. load ${peer.total_ms.toFixed(0)} ms): ${warmTotal <= peerTotal ? 'met' : 'NOT met'}`);
  const whole = await timed(process.execPath, [INFERRA, 'run', path, '--out', join(dir, 'bench-out.inferra')], dir);
  console.log(`inferra run (5 cells, one process): ${whole.wallS.toFixed(2)} s, peak RSS ${whole.rssMib.toFixed(0)} MiB; target < 300 MiB: ${whole.rssMib < 300 ? 'met' : 'NOT met'}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const rows = Number(argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set(argv[onlyIndex + 1].split(',')) : null;
  const baselineIndex = argv.indexOf('--baseline');
  const baseline = baselineIndex >= 0 ? argv[baselineIndex + 1] : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'inferra-bench-compute-'));
  const csv = join(dir, 'table.csv');
  try {
    await writeTable(csv, rows);
    const { stdout: peerVersions } = await run(PYTHON, ['-c', 'import pandas, scipy, sys; print(sys.version.split()[0], pandas.__version__, scipy.__version__)']);
    const size = (await stat(csv)).size / 2 ** 20;
    console.log(`compute bench: ${rows.toLocaleString('en')} rows, ${size.toFixed(1)} MiB CSV; node ${process.versions.node}; peer python/pandas/scipy ${peerVersions.trim()}`);
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0].toFixed(1)}`);
    await wholeProcess(csv, dir, only, baseline);
    if (!only) await notebook(csv, dir);
  } finally {
    if (argv.includes('--keep')) console.log(`\nkept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

await main();
