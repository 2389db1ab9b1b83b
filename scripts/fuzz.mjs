// Nightly-style fuzz run (issue #10): the properties of test/fuzz/ with many more cases than `npm test`.
//   FUZZ_RUNS=500 npm run fuzz                          more cases per property (default 200)
//   FUZZ_SEED=123 npm run fuzz                          another seed (default: a new one, printed)
//   FUZZ_SEED=s FUZZ_PATH=p npm run fuzz                replay a failure printed by a run
//   FUZZ_LOG=/tmp/fuzz.log npm run fuzz                 log each call first (names the input of a native crash)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env };
env.FUZZ_RUNS ??= '200';
env.FUZZ_SEED ??= String(Math.floor(Math.random() * 2 ** 31));
process.stderr.write(`fuzz: ${env.FUZZ_RUNS} cases per property, seed ${env.FUZZ_SEED}\n`);
const child = spawn(
  process.execPath,
  [fileURLToPath(new URL('../node_modules/mocha/bin/mocha.js', import.meta.url)), '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--timeout', '0', 'test/fuzz/**/*.test.ts'],
  { cwd: root, env, stdio: 'inherit' },
);
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
