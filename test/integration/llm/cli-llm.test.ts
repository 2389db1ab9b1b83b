/**
 * The review's CLI reproductions of M7 and L1 (`inferra run NB --allow-llm` against a local double of
 * the xAI API): a notebook with 1.9 MB no-match cells sends nothing for them, and an endpoint that
 * echoes the Authorization header and the body does not put the key into the notebook, the report
 * or stderr. Runs bin/inferra.js (dist/ when built, as `npm test` does first).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeGrok } from './grok-server.js';
import { runInferra, type CliRun } from '../../support/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const KEY = 'xai-SECRET-KEY-1234567890';

function run(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return runInferra(args, { env });
}

describe('inferra run --allow-llm: request cap and redaction (review M7, L1)', function () {
  this.timeout(120_000);
  const server = new FakeGrok();
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    dir = mkdtempSync(join(tmpdir(), 'inferra-cli-llm-'));
    copyFileSync(join(root, 'samples', 'penguins.csv'), join(dir, 'penguins.csv'));
    env = {
      XAI_API_KEY: KEY,
      INFERRA_LLM_BASE_URL: server.baseUrl,
      XDG_STATE_HOME: join(dir, 'state'),
      INFERRA_SUPABASE_URL: '',
      INFERRA_SUPABASE_ANON_KEY: '',
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const notebook = (sources: string[]) => {
    const path = join(dir, 'llm.inferra');
    writeFileSync(path, JSON.stringify({
      format: 'inferra-notebook', version: 1, metadata: {}, datasets: [{ name: 'penguins', path: 'penguins.csv' }],
      cells: sources.map((source, i) => ({ id: `c${i}`, kind: 'ask', source })),
    }));
    return path;
  };

  it('a 1.9 MB no-match cell (the review used three): nothing is sent, the cell fails saying why', async () => {
    const huge = 'zorblax quuxify '.repeat(120_000);
    const nb = notebook([huge]);
    const out = join(dir, 'out.inferra');
    const result = await run(['run', nb, '--allow-llm', '--out', out], env);
    assert.deepEqual(server.seen.map((s) => `${s.method} ${s.path}`), [], result.stderr);
    assert.match(result.stderr, /characters long; the LLM fallback sends at most 2000, so nothing was sent/);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { cells: { outputs?: unknown[] }[] };
    for (const cell of written.cells) assert.match(JSON.stringify(cell.outputs), /at most 2000, so nothing was sent/);
  });

  it('an endpoint echoing the Authorization header: the key is not in the notebook, the report or stderr', async () => {
    server.fallback = { kind: 'echo', status: 401 };
    const nb = notebook(['zorblax quuxify the wibbles']);
    const out = join(dir, 'out.inferra');
    const html = join(dir, 'llm.html');
    const result = await run(['run', nb, '--allow-llm', '--out', out, '--html', html], env);
    assert.equal(server.responseCalls[0]?.headers.authorization, `Bearer ${KEY}`, 'the double saw the key');
    assert.match(result.stderr, /rejected the API key \(HTTP 401\): Incorrect API key provided: Bearer \[redacted\]/);
    for (const [what, text] of [['stderr', result.stderr], ['stdout', result.stdout], ['notebook', readFileSync(out, 'utf8')], ['report', readFileSync(html, 'utf8')]]) {
      assert.ok(!text.includes('SECRET-KEY'), `${what} holds the key`);
    }
  });
});
