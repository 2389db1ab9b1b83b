/**
 * Time limits in the CLI as a program, on a generated large CSV (H3, L5 of the security review).
 * Each limit is made to land at a chosen moment by an event, not a clock:
 * INFERRA_TEST_EXPIRE_AT_DUCKDB_CALL=n makes the running call reach its limit while its n-th DuckDB
 * call is in flight (reading the file, sniffing, loading columns), and a limit of 1 ms lands while
 * the worker is still loading DuckDB. Every run must end with its proper exit code (no SIGABRT from
 * `Napi::Error`, no silent exit 13), the other cells must still run, and the notebook be written.
 */
import assert from 'node:assert/strict';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInferra, type CliRun } from '../../support/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ROWS = 2_000_000;


function inferra(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<CliRun> {
  return runInferra(args, { env, cwd });
}

async function writeBigCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,site,group,x,y\n');
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    chunk += `${i},s${i % 50},g${i % 3},${((i * 7919) % 10007) / 100},${(i % 113) * 1.5}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

/** The process ended by itself with `code`: no abort, no exit 13 from an emptied event loop. */
function assertEndedProperly(run: CliRun, code: number, what: string): void {
  const context = `${what}\nstderr:\n${run.stderr.slice(-3000)}`;
  assert.equal(run.signal, null, `killed by ${run.signal}: ${context}`);
  assert.doesNotMatch(run.stderr, /Napi::Error|terminate called/, context);
  assert.notEqual(run.code, 134, context);
  assert.notEqual(run.code, 13, context);
  assert.equal(run.code, code, context);
}

describe('CLI time limits on a large file (child process)', function () {
  this.timeout(300_000);
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inferra-timeout-'));
    await writeBigCsv(join(dir, 'big.csv'));
    writeFileSync(join(dir, 'small.csv'), 'x,group\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n');
    const notebook = {
      format: 'inferra-notebook',
      version: 1,
      metadata: { title: 'big' },
      datasets: [
        { name: 'big', path: 'big.csv' },
        { name: 'small', path: 'small.csv' },
      ],
      cells: [
        { id: 'big-anova', kind: 'ask', source: 'Does x differ across group?' },
        { id: 'big-describe', kind: 'ask', source: 'describe the data' },
        { id: 'use-small', kind: 'ask', source: 'use small.csv' },
        { id: 'small-describe', kind: 'ask', source: 'describe the data' },
      ],
    };
    writeFileSync(join(dir, 'nb.inferra'), JSON.stringify(notebook, null, 1));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the notebook and checks the ending; returns the written notebook's cell statuses and the log. */
  async function runNotebook(env: NodeJS.ProcessEnv, what: string): Promise<{ statuses: Map<string, string>; stderr: string }> {
    const out = join(dir, 'out.inferra');
    rmSync(out, { force: true });
    const run = await inferra(['run', 'nb.inferra', '--out', 'out.inferra'], env, dir);
    assertEndedProperly(run, 1, what);
    assert.ok(existsSync(out), `${what}: the notebook was not written\n${run.stderr}`);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { cells: { id: string; outputs?: { items: { mime: string; data: unknown }[] }[] }[] };
    const statuses = new Map<string, string>();
    for (const cell of written.cells) {
      const payload = cell.outputs?.[0]?.items.find((item) => item.mime === 'application/vnd.inferra.result+json')?.data as
        | { status: string; error?: { code: string } }
        | undefined;
      statuses.set(cell.id, payload?.error?.code ?? payload?.status ?? 'none');
    }
    assert.equal(statuses.size, 4, what);
    for (const [id, status] of statuses) assert.ok(status === 'ok' || status === 'timeout', `${what}: cell ${id} ended with ${status}`);
    assert.match(run.stderr, /longer than 30 s and was stopped/, `${what}: the limit of INFERRA_TIMEOUT_SECONDS is named`);
    return { statuses, stderr: run.stderr };
  }

  // From DuckDB starting up and sniffing the file, through schema inference reading the whole file,
  // to the aggregate plan's queries (a fresh worker counts its calls from 1; the one-way ANOVA on the
  // plan makes a little over 20: moments, the centred round, Levene's medians, the check sample).
  let stoppedInFlight = 0;
  for (const n of [1, 4, 6, 10, 15, 20]) {
    it(`run: a limit reached inside DuckDB call ${n} ends its cell with timeout; the other cells run; the notebook is written`, async () => {
      const { statuses, stderr } = await runNotebook({ INFERRA_TIMEOUT_SECONDS: '30', INFERRA_TEST_EXPIRE_AT_DUCKDB_CALL: String(n) }, `call ${n}`);
      assert.equal(statuses.get('big-anova'), 'timeout');
      stoppedInFlight += (stderr.match(/stopping \(timeout\); waiting for \d+ DuckDB call/g) ?? []).length;
    });
  }

  it('(the runs above stopped workers while DuckDB calls were in flight, the case that aborted)', () => {
    assert.ok(stoppedInFlight > 0, 'no limit landed inside a DuckDB call');
  });

  it('run: a limit that lands while each worker is still loading DuckDB ends every cell with timeout', async () => {
    const out = join(dir, 'out.inferra');
    rmSync(out, { force: true });
    const run = await inferra(['run', 'nb.inferra', '--out', 'out.inferra'], { INFERRA_TIMEOUT_SECONDS: '0.001' }, dir);
    assertEndedProperly(run, 1, 'limit of 1 ms');
    assert.ok(existsSync(out), run.stderr);
    assert.match(run.stdout, /4 cells ran: /);
    assert.match(run.stderr, /\[FAILED\] big-anova: The run took longer than 1 ms and was stopped/);
  });

  // L5: every command that computes honours INFERRA_TIMEOUT_SECONDS (the message names its value).
  const commands: [string, string[]][] = [
    ['describe', ['describe', 'big.csv']],
    ['analyze', ['analyze', 'big.csv', '--analysis', 'anova_oneway', '--outcome', 'x', '--group', 'group']],
    ['ask', ['ask', 'big.csv', '--prompt', 'Does x differ across group?']],
    ['decide', ['decide', 'big.csv', '--prompt', 'Does x differ across group?']],
  ];
  for (const [name, args] of commands) {
    it(`${name} honours INFERRA_TIMEOUT_SECONDS (exit 1, the message names the limit)`, async () => {
      const run = await inferra(args, { INFERRA_TIMEOUT_SECONDS: '7', INFERRA_TEST_EXPIRE_AT_DUCKDB_CALL: '2' }, dir);
      assertEndedProperly(run, 1, name);
      assert.match(run.stderr, /The run took longer than 7 s and was stopped/, run.stderr);
    });
  }
});
