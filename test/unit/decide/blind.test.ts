/**
 * The blind decision sets of issue #16, each written by a helper who had not read the rules, with the
 * answer a statistician would give:
 * - blind-2026-12.json: 200 requests over 20 of R's datasets; scored 125/200 before the first #16 work
 *   and 141/200 after it; the second round's engine work was tuned on it (193/200), so it is no longer blind;
 * - blind-2026-12b.json: 221 requests over 15 MASS, carData and base datasets (test/reference/data/
 *   blind-2026-12b); scored 113/221 before the second round and 126/221 after it, without anyone who
 *   changed the engine reading it; the third round was tuned on it (201/221). A request that should ask
 *   counts a decision as a miss.
 * - blind-2026-12c.json: 249 requests over 16 other MASS, carData and base datasets (test/reference/data/
 *   blind-2026-12c, from test/reference/r/generate_blind_2026_12c_data.R); scored 129/249 before the
 *   third round and 147/249 after its first half; its second half was tuned on it (184/249);
 * - blind-2026-12d.json: 191 requests over 12 more datasets (test/reference/data/blind-2026-12d, from
 *   test/reference/r/generate_blind_2026_12d_data.R), written after the third round's first half:
 *   108/191 at the start of the round, 121/191 and 123/191 after its first two parts; its third part
 *   was tuned on it (165/191);
 * - blind-2026-12e.json: 177 requests over 11 more datasets (test/reference/data/blind-2026-12e, from
 *   test/reference/r/generate_blind_2026_12e_data.R), never tuned on: 114/177 at the start of the
 *   round, 121/177 after its first two parts, 127/177 after its third.
 *   The fourth round used its misses as development examples (principles tested on made-up schemas in
 *   goals.test.ts: open goals, restrictions, shares, statistics asked for): 173/249, silent guesses 31 -> 13.
 * - blind-2026-12f.json: 192 requests over 16 more datasets (test/reference/data/blind-2026-12f, from
 *   test/reference/r/generate_blind_2026_12f_data.R), written while the fifth round's engine work was
 *   under way, by someone who had not read the rules: 125/192 on the engine of the round's start,
 *   131/192 after the round; the response-name reading after it was tuned on it (138/192);
 * - blind-2026-12g.json: 180 requests over 15 more datasets (test/reference/data/blind-2026-12g, from
 *   test/reference/r/generate_blind_2026_12g_data.R), never tuned on: 117/180 at the round's start,
 *   120/180 after its engine work, 122/180 after the response-name reading; the round's second part was
 *   tuned on 12f and 12g (147/192, 135/180);
 * - blind-2026-12h.json: 180 requests over 15 more datasets (test/reference/data/blind-2026-12h, from
 *   test/reference/r/generate_blind_2026_12h_data.R), never tuned on: 118/180 at the round's start,
 *   120/180 after its first part, 124/180 after its second.
 * Now part of the suite: the requests the engine still misses are listed (with the outcome of each), and
 * any other miss fails the test, so a change can improve the score but not lose a request silently.
 * The next evaluation uses a fresh set.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decisionToJson } from '../../../kernel/decide/json.js';
import { decideWithRules } from '../../../kernel/decide/rules-engine.js';
import { defaultRules } from '../../../kernel/decide/rules.js';
import { inferSchema } from '../../../kernel/data/schema.js';
import type { DatasetSchema } from '../../../kernel/types.js';
import { classify, csvDistinct, type Answer, type BlindRequest, type Outcome } from './blind-score.js';
import { BLIND_2026_12B_KNOWN_MISSES, BLIND_2026_12C_KNOWN_MISSES, BLIND_2026_12D_KNOWN_MISSES, BLIND_2026_12E_KNOWN_MISSES, BLIND_2026_12F_KNOWN_MISSES, BLIND_2026_12G_KNOWN_MISSES, BLIND_2026_12H_KNOWN_MISSES, BLIND_KNOWN_MISSES } from './blind-known-misses.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SETS = [
  { name: 'blind-2026-12', folder: 'blind', misses: BLIND_KNOWN_MISSES },
  { name: 'blind-2026-12b', folder: 'blind-2026-12b', misses: BLIND_2026_12B_KNOWN_MISSES },
  { name: 'blind-2026-12c', folder: 'blind-2026-12c', misses: BLIND_2026_12C_KNOWN_MISSES },
  { name: 'blind-2026-12d', folder: 'blind-2026-12d', misses: BLIND_2026_12D_KNOWN_MISSES },
  { name: 'blind-2026-12e', folder: 'blind-2026-12e', misses: BLIND_2026_12E_KNOWN_MISSES },
  { name: 'blind-2026-12f', folder: 'blind-2026-12f', misses: BLIND_2026_12F_KNOWN_MISSES },
  { name: 'blind-2026-12g', folder: 'blind-2026-12g', misses: BLIND_2026_12G_KNOWN_MISSES },
  { name: 'blind-2026-12h', folder: 'blind-2026-12h', misses: BLIND_2026_12H_KNOWN_MISSES },
];

/** The engine's answer as the decide JSON gives it. */
function answerOf(prompt: string, schema: DatasetSchema): Answer {
  const json = decisionToJson(decideWithRules(prompt, schema, defaultRules())) as Record<string, unknown>;
  const alternatives = (json.alternatives ?? []) as Extract<Answer, { kind: 'ambiguous' }>['alternatives'];
  if (json.status === 'decided') {
    return { kind: 'decided', analysis: String(json.analysis), roles: (json.roles ?? {}) as Record<string, unknown>, options: (json.options ?? {}) as Record<string, unknown> };
  }
  return { kind: json.status === 'ambiguous' ? 'ambiguous' : 'no_match', alternatives };
}

describe('blind decision sets (issue #16, requests the rules were not written for)', () => {
  for (const set of SETS) {
    it(`${set.name}: misses no request outside its known misses, and prints the score`, async () => {
      const fileOf = (dataset: string) => `${root}test/reference/data/${set.folder}/${dataset}.csv`;
      const REQUESTS = JSON.parse(readFileSync(new URL(`./${set.name}.json`, import.meta.url), 'utf8')) as BlindRequest[];
      const schemas = new Map<string, DatasetSchema>();
      for (const dataset of new Set(REQUESTS.map((r) => r.dataset))) schemas.set(dataset, await inferSchema(fileOf(dataset)));
      const distinct = csvDistinct(fileOf);
      const outcomes = new Map<string, Outcome>();
      for (const request of REQUESTS) outcomes.set(request.id, classify(request, answerOf(request.prompt, schemas.get(request.dataset) as DatasetSchema), distinct));
      const count = (o: Outcome) => [...outcomes.values()].filter((x) => x === o).length;
      const clear = REQUESTS.filter((r) => r.kind === 'clear');
      console.log(
        `    ${set.name}: ${count('correct')}/${REQUESTS.length} decided as a statistician would; silent guesses ${count('silent-guess')}; ` +
          `clear requests asked ${clear.filter((r) => outcomes.get(r.id) === 'asked-when-clear').length}/${clear.length}; wrong no-match ${count('wrong-no-match')}`,
      );
      const missed = [...outcomes].filter(([, o]) => o !== 'correct').map(([id, o]) => `${id} ${o}`);
      const fresh = missed.filter((m) => !set.misses.includes(m));
      assert.deepEqual(fresh, [], 'requests missed that are not listed (or missed in another way than listed)');
      const fixed = set.misses.filter((m) => !missed.includes(m));
      if (fixed.length) console.log(`    listed misses now right (remove them from blind-known-misses.ts): ${fixed.join(', ')}`);
    });
  }
});
