/**
 * PostgreSQL benchmark (issue #17): a penguin-like table generated inside the database
 * (generate_series, a fixed seed), analysed by `inferra analyze postgres://...` as a whole process:
 * the client's wall time and peak RSS (GNU time) for Welch, ANOVA, Pearson, chi-square and OLS (on the
 * plan's exact cross-products since it was routed), and the rank tests (Mann-Whitney, Wilcoxon
 * signed-rank, Kruskal-Wallis, Spearman, Kendall: ranks in the engine). At the default size the table is also
 * exported to a CSV and analysed from the file, and the two results are compared (worst relative
 * difference over the result's numbers; target 1e-12).
 *
 * It asserts nothing: timings are for reading. The table (its own schema) is dropped at the end.
 * Usage: npx tsx bench/postgres/run.ts [--rows N | N] [--keep] [--no-csv] [--only=ID,ID]
 *   rows default 1,000,000; `--rows 100000000` is the large run (the table is generated in SQL and
 *   dropped afterwards; it takes minutes and ~10 GB in the database; the CSV comparison is skipped
 *   above 10,000,000 rows, where only the client's wall time and peak RSS are printed).
 *   PGHOST/PGPORT/PGUSER/PGDATABASE choose the server (default postgres@127.0.0.1:5432/test).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connect } from '../../kernel/data/postgres/connect.js';
import { parsePostgresLocator } from '../../kernel/data/postgres/locator.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// INFERRA_BIN: another build's bin/inferra.js (a snapshot, so that rebuilding during a long run changes nothing).
const INFERRA = process.env.INFERRA_BIN ?? join(ROOT, 'bin', 'inferra.js');
const CSV_LIMIT = 10_000_000;

const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

const CASES: { id: string; args: string[] }[] = [
  { id: 'ttest_welch', args: ['--outcome', 'mass', '--group', 'sex'] },
  { id: 'anova_oneway', args: ['--outcome', 'flipper', '--group', 'species'] },
  { id: 'pearson', args: ['--x', 'flipper', '--y', 'mass'] },
  { id: 'chi2_independence', args: ['--row', 'species', '--col', 'sex'] },
  { id: 'ols', args: ['--outcome', 'mass', '--predictors', 'flipper,species'] },
  // Rank tests: ranks, rank sums and tie sums by window functions; Kendall sorts the pairs in the engine.
  { id: 'mann_whitney', args: ['--outcome', 'mass', '--group', 'sex'] },
  { id: 'wilcoxon_signed_rank', args: ['--column', 'flipper', '--mu', '200'] },
  { id: 'kruskal_wallis', args: ['--outcome', 'flipper', '--group', 'species'] },
  { id: 'spearman', args: ['--x', 'flipper', '--y', 'mass'] },
  { id: 'kendall', args: ['--x', 'flipper', '--y', 'mass'] },
];

interface Timed {
  wallS: number;
  rssMib: number;
  stdout: string;
  stderr: string;
  exit: number;
}

/** Runs a command under GNU time: wall seconds and peak RSS; a failing command is reported, not thrown. */
async function timed(args: string[]): Promise<Timed> {
  const result = await run('/usr/bin/time', ['-f', 'BENCH %e %M', process.execPath, INFERRA, ...args], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
    // A large table's analysis runs for minutes: the CLI's task limit (120 s by default) is raised unless set.
    env: { ...process.env, NO_COLOR: '1', INFERRA_TIMEOUT_SECONDS: process.env.INFERRA_TIMEOUT_SECONDS ?? '7200' },
  }).then(
    (r) => ({ ...r, exit: 0 }),
    (error: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '', exit: error.code ?? 1 }),
  );
  const line = result.stderr.trim().split('\n').reverse().find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`no timing from /usr/bin/time:\n${result.stderr}`);
  const [, wall, kb] = line.split(' ');
  return { wallS: Number(wall), rssMib: Number(kb) / 1024, stdout: result.stdout, stderr: result.stderr, exit: result.exit };
}

/** The largest relative difference between the numbers of two results. */
function worstDifference(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    let worst = 0;
    for (const key of Object.keys(a)) worst = Math.max(worst, worstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
    return worst;
  }
  return 0;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--rows');
  const given = flag >= 0 ? args[flag + 1] : args.find((a) => /^[\d_]+$/.test(a));
  const rows = Number((given ?? '1000000').replace(/_/g, ''));
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows needs a positive whole number of rows, not '${given}'`);
  const keep = process.argv.includes('--keep');
  const server = `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/${process.env.PGDATABASE ?? 'test'}`;
  const schema = `inferra_bench_${process.pid}`;
  const locator = `${server}?table=${schema}.penguins`;
  const l = parsePostgresLocator(locator);
  const client = await connect(l);
  const folder = await mkdtemp(join(tmpdir(), 'inferra-bench-pg-'));
  console.log(`PostgreSQL benchmark: ${rows.toLocaleString('en')} rows in ${schema}.penguins; ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`);
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    const started = Date.now();
    // One serial statement after setseed: the same table on every run.
    await client.query('SET max_parallel_workers_per_gather = 0');
    await client.query('SELECT setseed(0.2026)');
    await client.query(
      `CREATE TABLE ${schema}.penguins AS
       SELECT species, CASE WHEN u_na < 0.03 THEN NULL WHEN male THEN 'male' ELSE 'female' END AS sex,
              round(flipper::numeric, 1)::float8 AS flipper,
              CASE WHEN u_mass < 0.02 THEN NULL ELSE round((mass_base + CASE WHEN male THEN 300 ELSE -300 END + 20 * (flipper - flipper_base) + 350 * z2)::numeric, 1)::float8 END AS mass
       FROM (
         SELECT species, male, u_na, u_mass, flipper_base, mass_base, z2,
                flipper_base + CASE WHEN male THEN 4 ELSE -4 END + 6 * z1 AS flipper
         FROM (
           SELECT (ARRAY['Adelie', 'Chinstrap', 'Gentoo'])[s] AS species, (ARRAY[190, 196, 217])[s] AS flipper_base, (ARRAY[3700, 3730, 5080])[s] AS mass_base,
                  male, u_na, u_mass,
                  sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2) AS z1, sqrt(-2 * ln(1 - u3)) * cos(2 * pi() * u4) AS z2
           FROM (SELECT 1 + floor(random() * 3)::int AS s, random() < 0.5 AS male, random() AS u_na, random() AS u_mass,
                        random() AS u1, random() AS u2, random() AS u3, random() AS u4
                 FROM generate_series(1, ${rows})) AS draws
         ) AS shaped
       ) AS generated`,
    );
    await client.query(`ANALYZE ${schema}.penguins`);
    console.log(`  generated in the database in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    let csv: string | undefined;
    if (rows <= CSV_LIMIT && !process.argv.includes('--no-csv')) {
      csv = join(folder, 'penguins.csv');
      const t0 = Date.now();
      await run('psql', ['-h', l.host, '-p', String(l.port), '-U', l.user, '-d', l.database, '-c', `\\copy ${schema}.penguins TO '${csv}' CSV HEADER`]);
      console.log(`  exported to a CSV for the comparison in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log('');
    console.log('  analysis            PostgreSQL wall  client peak RSS   CSV wall   CSV peak RSS  worst rel. diff CSV vs PG');
    for (const c of CASES.filter((c) => !ONLY || ONLY.includes(c.id))) {
      const pg = await timed(['analyze', locator, '--analysis', c.id, ...c.args, '--json']);
      const pgJson = JSON.parse(pg.stdout || '{}') as { status?: string; result?: unknown; error?: { code?: string } };
      let csvText = '';
      if (csv) {
        const fromFile = await timed(['analyze', csv, '--analysis', c.id, ...c.args, '--json']);
        const fileJson = JSON.parse(fromFile.stdout || '{}') as { result?: unknown };
        const worst = pgJson.status === 'ok' ? worstDifference(fileJson.result, pgJson.result).toExponential(2) : '-';
        csvText = `${fromFile.wallS.toFixed(2).padStart(8)} s ${fromFile.rssMib.toFixed(0).padStart(9)} MiB   ${worst}`;
      }
      const status = pgJson.status === 'ok' ? '' : `  (${pgJson.error?.code ?? `exit ${pg.exit}`}: ${pg.stderr.split('\n').find((l) => l.trim() && !l.startsWith('BENCH ')) ?? ''})`;
      console.log(`  ${c.id.padEnd(18)} ${pg.wallS.toFixed(2).padStart(10)} s ${pg.rssMib.toFixed(0).padStart(12)} MiB ${csvText}${status}`);
    }
    console.log('');
    console.log('  Targets (issue #17): the CSV\'s numbers to 1e-12; client peak RSS < 200 MiB, flat in the table\'s size.');
  } finally {
    if (!keep) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
