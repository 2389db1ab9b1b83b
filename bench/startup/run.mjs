/**
 * Start-up benchmark (issue #17): small data must feel instant. Runs each command N times as a whole
 * process (hyperfine-like: warm-up runs first, then N timed runs) and prints the median and the
 * spread, beside the peers run in the same invocation: `Rscript -e 't.test(...)'` and python3 with
 * pandas + scipy, on the same sample and the same question.
 *
 * Targets (issue #17): `inferra --version` <= 0.1 s above bare `node`; a Welch t-test on
 * samples/penguins.csv as a whole process <= 0.35 s. It asserts nothing: timings are for reading.
 *
 * The runs are interleaved (round-robin over the commands), so that a change in the machine's load
 * during the run reaches every command alike. `--baseline DIR` adds the same inferra commands run
 * from another built checkout (e.g. the previous commit's), for a before/after in one run.
 *
 * Usage: node bench/startup/run.mjs [runs] [--baseline DIR]   (runs default 15; needs `npm run build`)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INFERRA = fileURLToPath(new URL('../../bin/inferra.js', import.meta.url));
const PENGUINS = 'samples/penguins.csv';
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const argv = process.argv.slice(2);
const runs = Number(argv.find((a) => /^\d+$/.test(a)) ?? 15);
const baselineIndex = argv.indexOf('--baseline');
const BASELINE = baselineIndex >= 0 ? argv[baselineIndex + 1] : undefined;
const WARMUP = 2;

const R_TTEST = `d <- read.csv('${PENGUINS}'); print(t.test(body_mass_g ~ sex, data = d))`;
const PY_TTEST = [
  'import pandas as pd',
  'from scipy import stats',
  `d = pd.read_csv('${PENGUINS}').dropna(subset=['body_mass_g', 'sex'])`,
  "print(stats.ttest_ind(d.loc[d.sex == 'female', 'body_mass_g'], d.loc[d.sex == 'male', 'body_mass_g'], equal_var=False))",
].join('\n');

const COMMANDS = [
  { name: 'node -e 0 (bare node)', cmd: process.execPath, args: ['-e', '0'] },
  { name: 'inferra --version', cmd: process.execPath, args: [INFERRA, '--version'] },
  {
    name: 'inferra analyze (Welch, penguins)',
    cmd: process.execPath,
    args: [INFERRA, 'analyze', PENGUINS, '--analysis', 'ttest_welch', '--outcome', 'body_mass_g', '--group', 'sex'],
  },
  {
    name: 'inferra analyze --json (Welch)',
    cmd: process.execPath,
    args: [INFERRA, 'analyze', PENGUINS, '--analysis', 'ttest_welch', '--outcome', 'body_mass_g', '--group', 'sex', '--json'],
  },
  ...(BASELINE
    ? [
        { name: 'baseline: inferra --version', cmd: process.execPath, args: [join(BASELINE, 'bin/inferra.js'), '--version'] },
        {
          name: 'baseline: inferra analyze (Welch)',
          cmd: process.execPath,
          args: [join(BASELINE, 'bin/inferra.js'), 'analyze', PENGUINS, '--analysis', 'ttest_welch', '--outcome', 'body_mass_g', '--group', 'sex'],
        },
      ]
    : []),
  { name: "Rscript t.test (peer)", cmd: 'Rscript', args: ['-e', R_TTEST] },
  { name: 'python3 pandas+scipy (peer)', cmd: PYTHON, args: ['-c', PY_TTEST] },
];

/** Wall and CPU (user + system) seconds of one run, CPU from GNU time; throws if the command fails. */
function once(command) {
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', 'BENCH %U %S', command.cmd, ...command.args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error || result.status !== 0) throw new Error(`${command.name} failed (${result.error?.message ?? `exit ${result.status}`}): ${String(result.stderr).slice(0, 400)}`);
  const line = String(result.stderr).trim().split('\n').reverse().find((l) => l.startsWith('BENCH '));
  const [, user, system] = (line ?? 'BENCH NaN NaN').split(' ');
  return { wall, cpu: Number(user) + Number(system) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

console.log(`start-up bench: ${runs} runs each after ${WARMUP} warm-up runs; node ${process.versions.node}; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`);
console.log(`${'command'.padEnd(36)}${'median s'.padEnd(10)}${'min s'.padEnd(8)}${'max s'.padEnd(8)}median CPU s (user+sys)`);
const medians = new Map();
const times = new Map(COMMANDS.map((c) => [c.name, []]));
const failed = new Map();
for (let round = 0; round < WARMUP + runs; round++) {
  for (const command of COMMANDS) {
    if (failed.has(command.name)) continue;
    try {
      const measured = once(command);
      if (round >= WARMUP) times.get(command.name).push(measured);
    } catch (error) {
      failed.set(command.name, error.message.split('\n')[0]);
    }
  }
}
for (const command of COMMANDS) {
  const list = times.get(command.name);
  if (failed.has(command.name)) {
    console.log(`${command.name.padEnd(36)}not run: ${failed.get(command.name)}`);
    continue;
  }
  const walls = list.map((m) => m.wall);
  const cpu = median(list.map((m) => m.cpu));
  medians.set(command.name, median(walls));
  console.log(`${command.name.padEnd(36)}${median(walls).toFixed(3).padEnd(10)}${Math.min(...walls).toFixed(3).padEnd(8)}${Math.max(...walls).toFixed(3).padEnd(8)}${cpu.toFixed(2)}`);
}
console.log(`load average after: ${loadavg()[0].toFixed(1)}`);
const bare = medians.get(COMMANDS[0].name);
const version = medians.get(COMMANDS[1].name);
const welch = medians.get(COMMANDS[2].name);
if (bare !== undefined && version !== undefined) {
  const above = version - bare;
  console.log(`--version above bare node: ${above.toFixed(3)} s; target <= 0.100 s: ${above <= 0.1 ? 'met' : 'NOT met'}`);
}
if (welch !== undefined) console.log(`Welch t-test whole process: ${welch.toFixed(3)} s; target <= 0.350 s: ${welch <= 0.35 ? 'met' : 'NOT met'}`);
