import { readFileSync } from 'node:fs';
import { decisionToJson } from '/work/wt/levels/kernel/decide/json.js';
import { decideWithRules } from '/work/wt/levels/kernel/decide/rules-engine.js';
import { defaultRules } from '/work/wt/levels/kernel/decide/rules.js';
import { inferSchema } from '/work/wt/levels/kernel/data/schema.js';
const root = '/work/wt/levels/';
const ids = process.argv.slice(2);
const reqs = JSON.parse(readFileSync(root + 'test/unit/decide/blind-2026-12b.json', 'utf8'));
const schemas = new Map();
for (const r of reqs) {
  if (ids.length && !ids.includes(r.id)) continue;
  if (!schemas.has(r.dataset)) schemas.set(r.dataset, await inferSchema(`${root}test/reference/data/blind-2026-12b/${r.dataset}.csv`));
  const j: any = decisionToJson(decideWithRules(r.prompt, schemas.get(r.dataset), defaultRules()));
  console.log(`== ${r.id}: ${r.prompt}\n   expect: ${JSON.stringify(r.expect)} ${r.accept ? 'accept: ' + JSON.stringify(r.accept) : ''}\n   got: ${j.status} ${j.analysis ?? ''} ${JSON.stringify(j.roles ?? '')} ${JSON.stringify(j.options ?? '')} ${JSON.stringify(j.reason ?? '')}`);
  if (j.alternatives) console.log('   alts: ' + j.alternatives.map((a: any) => `${a.analysis} ${JSON.stringify(a.roles)} ${JSON.stringify(a.options ?? {})}`).join(' | '));
}
