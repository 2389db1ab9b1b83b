/**
 * Fuzz test of the CLI (issue #10): notebooks and datasets generated from grammars of valid and
 * broken inputs go through the real commands (`main(argv)`, in-process). For every input: an exit
 * code CONTRACT.md lists, no internal error or stack trace, no file changed unless the run
 * succeeded, nothing read from outside the notebook's folder, and only Inferra's output types
 * handed to VS Code.
 *
 * `npm test` runs a few cases with a fixed seed; `npm run fuzz` runs many (FUZZ_RUNS, FUZZ_SEED).
 * A failure prints the seed, the path and the counterexample: replay it with
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run fuzz`.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { notebookDataFromNotebook } from '../../extension/notebook-data.js';
import { InferraError } from '../../kernel/errors.js';
import { parseNotebook } from '../../kernel/notebook/parse.js';
import { RESULT_MIME, VEGA_MIME } from '../../kernel/notebook/outputs.js';
import { dataset, notebookText, type Tagged } from './grammar.js';
import { leaksOutside, makeCaseFolder, problemsOf, removeCaseFolder, runCli, runCliChild, type CaseFolder, type CliRun } from './harness.js';

const RUNS = Number(process.env.FUZZ_RUNS) || 0;
const SEED = Number(process.env.FUZZ_SEED) || 20_261_206;
const PATH = process.env.FUZZ_PATH;

function params<T>(defaultRuns: number): fc.Parameters<T> {
  return { numRuns: RUNS || defaultRuns, seed: SEED, path: PATH, endOnFailure: true };
}

/** Fails with the seed, the replay path and the failure, without printing megabytes of generated input. */
function report<T>(details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  assert.fail(
    `fuzz property failed after ${details.numRuns} cases (seed ${details.seed}, path "${details.counterexamplePath}"; ` +
      `replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npm run fuzz)\n${cause.slice(0, 6000)}`,
  );
}

/** Fails the case when it broke a property. */
function check(problems: string[], _tags: string[], describe: () => string): void {
  if (problems.length) assert.fail(`${problems.join('\n')}\n${describe()}`);
}

function show(run: CliRun): string {
  return `inferra ${run.argv.join(' ')}\nexit ${run.code}\nstdout: ${run.stdout.slice(0, 1500)}\nstderr: ${run.stderr.slice(0, 1500)}`;
}

/** A small valid dataset every notebook can use. */
const D_CSV = 'x,y,g\n1.5,2,a\n2.5,3.5,b\n3,1,a\n4.5,6,b\n3.5,2.5,a\n5,4,b\n';

describe('fuzz: the CLI on generated notebooks and datasets (issue #10)', function () {
  // A guard against a hang of the whole suite only; a single command's limit is INFERRA_TIMEOUT_SECONDS.
  this.timeout(30 * 60_000);


  it('run / verify / history on generated notebooks', async () => {
    const folders: CaseFolder[] = [];
    const folder = () => {
      const f = makeCaseFolder();
      folders.push(f);
      return f;
    };
    const outsideFile = '/OUTSIDE/secret.csv'; // replaced per case by the case folder's file
    const command = fc.constantFrom(
      ['run', 'nb.inferra'],
      ['run', 'nb.inferra', '--out', 'out.inferra'],
      ['run', 'nb.inferra', '--out', 'out.inferra', '--html', 'report.html'],
      ['run', 'nb.inferra', '--html', 'nb.inferra'],
      ['verify', 'nb.inferra'],
      ['history', 'nb.inferra'],
      ['history', 'nb.inferra', '--json'],
    );
    try {
      report(await fc.check(
        fc.asyncProperty(notebookText(outsideFile), command, async (notebook: Tagged<string>, argv: readonly string[]) => {
          const f = folder();
          writeFileSync(join(f.nb, 'nb.inferra'), notebook.value.split(outsideFile).join(f.outsideFile));
          writeFileSync(join(f.nb, 'd.csv'), D_CSV);
          const tags = argv.includes('--html') && argv.at(-1) === 'nb.inferra' ? [...notebook.tags, 'overwrite'] : notebook.tags;
          const run = await runCli(argv.map((a, i) => (i > 0 && !a.startsWith('--') ? join(f.nb, a) : a)), f);
          const out = argv.includes('--out') ? 'out.inferra' : 'nb.inferra';
          const written = (code: number) => (argv[0] === 'run' && (code === 0 || code === 1) ? [`nb/${out}`, ...(argv.includes('--html') ? [`nb/${argv.at(-1)}`] : [])] : []);
          const problems = problemsOf(run, written);
          if (leaksOutside(run, f)) problems.push('the file outside the notebook folder was read from outside without consent');
          if (tags.includes('overwrite') && !readFileSync(join(f.nb, 'nb.inferra'), 'utf8').trimStart().startsWith('{')) {
            problems.push('--html onto the notebook replaced the notebook with the report (review M6)');
          }
          check(problems, tags, () => `${show(run)}\nnotebook: ${notebook.value.slice(0, 2000)}`);
        }),
        params(8),
      ));
    } finally {
      for (const f of folders) removeCaseFolder(f);
    }
  });

  it('describe / decide / ask on generated CSV and JSON files', async () => {
    const folders: CaseFolder[] = [];
    const command = fc.constantFrom(['describe'], ['describe', '--json'], ['decide', '--prompt', 'compare x between g'], ['ask', '--prompt', 'describe the data', '--json']);
    try {
      report(await fc.check(
        fc.asyncProperty(dataset, command, async (data, argv) => {
          const f = makeCaseFolder();
          folders.push(f);
          const path = join(f.nb, data.value.file);
          writeFileSync(path, data.value.text);
          // Files a glob in the name would match: their column names must never show up.
          const ext = data.value.file.slice(data.value.file.lastIndexOf('.'));
          for (const sibling of ['x1', 'x2', 'yes', 'z1']) writeFileSync(join(f.nb, `${sibling}${ext}`), ext.startsWith('.json') ? '[{"zz_outside_secret_7f3a_glob": 1}]' : 'zz_outside_secret_7f3a_glob\n1\n');
          // Deeply nested JSON crashes DuckDB natively (NEW-1 below): those run in a child process.
          const call = data.tags.includes('deep-nesting') ? runCliChild : runCli;
          const run = await call([argv[0], path, ...argv.slice(1)], f);
          const problems = problemsOf(run, () => []);
          if (leaksOutside(run, f)) problems.push('a file other than the named one was read from outside the name given (glob)');
          check(problems, data.tags, () => `${show(run)}\ndataset ${JSON.stringify(data.value.file)}: ${JSON.stringify(data.value.text.slice(0, 1500))}`);
        }),
        params(4),
      ));
    } finally {
      for (const f of folders) removeCaseFolder(f);
    }
  });

  it('only Inferra output types reach VS Code from any notebook that parses', () => {
    const allowed = new Set([RESULT_MIME, VEGA_MIME, 'text/markdown', 'text/plain']);
    report(fc.check(
      fc.property(notebookText('/OUTSIDE/secret.csv'), (notebook) => {
        let parsed;
        try {
          parsed = parseNotebook(notebook.value, 'fuzz.inferra');
        } catch (error) {
          assert.ok(error instanceof InferraError, `parseNotebook threw ${String(error)}`);
          return;
        }
        const data = notebookDataFromNotebook(parsed);
        const foreign = data.cells.flatMap((c) => (c.outputs ?? []).flatMap((o) => o.items.map((i) => i.mime))).filter((m) => !allowed.has(m));
        check(foreign.length ? [`output type(s) ${foreign.join(', ')} handed to VS Code`] : [], notebook.tags, () => notebook.value.slice(0, 2000));
      }),
      params(200),
    ));
  });
});
