import { decideWithRules } from '../kernel/decide/rules-engine.js';
import { loadSchemas } from '../test/unit/decide/datasets.js';
import { buildSchemaFromCsv } from '../test/unit/decide/schema-builder.js';
const schemas: Record<string, any> = await loadSchemas();
for (const n of ['field', 'plots', 'household', 'vitals', 'shapes', 'clinic', 'survey']) schemas[n] = buildSchemaFromCsv(new URL(`./${n}.csv`, import.meta.url).pathname);
const lines = (await import('node:fs')).readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const line of lines) {
  const [ds, prompt] = line.split('\t');
  const out = decideWithRules(prompt, schemas[ds]);
  if (out.status === 'decided') console.log(`${ds}: "${prompt}"\n   -> ${out.analysis} ${JSON.stringify(out.roles)} ${JSON.stringify(out.options)} ${out.explanation.refinements.filter(r=>r.startsWith('read')).join(';')}`);
  else console.log(`${ds}: "${prompt}"\n   -> ${out.status} [${out.reason.code}] ${out.rationale.slice(0, 140)}\n      ${out.alternatives.map((a) => `${a.analysis} ${JSON.stringify(a.roles)}`).join(' | ')}`);
}
