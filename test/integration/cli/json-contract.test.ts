/**
 * The CLI's `--json` output held against CONTRACT.md's schemas (kernel/contract/schemas.ts): the
 * result JSON of `analyze` and `ask`, the decide JSON (decided and ambiguous), and the error JSON.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { z } from 'zod';
import { decisionJson, errorJson, resultJson } from '../../../kernel/contract/schemas.js';
import { ROOT, runInferra } from '../../support/cli.js';

const penguins = join(ROOT, 'samples', 'penguins.csv');

/** The one JSON document a command printed, parsed by `schema` (a failure names every issue). */
async function jsonOf<S extends z.ZodType>(schema: S, args: string[], exit: number): Promise<z.infer<S>> {
  const run = await runInferra([...args, '--json']);
  assert.equal(run.code, exit, run.stderr);
  const parsed = schema.safeParse(JSON.parse(run.stdout));
  assert.ok(parsed.success, `${args.join(' ')}: ${parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

describe('inferra --json against the contract schemas', function () {
  this.timeout(120_000);

  it('analyze: a result JSON', async () => {
    const out = await jsonOf(resultJson, ['analyze', penguins, '--analysis', 'ttest_welch', '--outcome', 'flipper_length_mm', '--group', 'sex'], 0);
    assert.equal(out.analysis, 'ttest_welch');
  });

  it('ask with pairwise comparisons: a result JSON whose tables use snake_case keys', async () => {
    const out = await jsonOf(resultJson, ['ask', penguins, '--prompt', 'which species differ in bill length? pairwise'], 0);
    const keys = (out.tables ?? []).flatMap((t) => t.columns.map((c) => c.key));
    assert.ok(keys.includes('p_adj'), keys.join(', '));
  });

  it('decide: decide JSON, decided and ambiguous', async () => {
    const decided = await jsonOf(decisionJson, ['decide', penguins, '--prompt', 'is flipper length different between male and female penguins?'], 0);
    assert.equal(decided.status, 'decided');
    const vague = await jsonOf(decisionJson, ['decide', penguins, '--prompt', 'compare the groups'], 3);
    assert.notEqual(vague.status, 'decided');
  });

  it('an analysis error: the error JSON', async () => {
    const out = await jsonOf(errorJson, ['analyze', penguins, '--analysis', 'ttest_welch', '--outcome', 'flipper_lenght_mm', '--group', 'sex'], 1);
    assert.equal(out.code, 'COLUMN_NOT_FOUND');
  });
});
