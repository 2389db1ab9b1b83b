import assert from 'node:assert/strict';
import { buildRecord } from '../../../kernel/provenance/build.js';
import { toProvJson, type ProvDocument } from '../../../kernel/provenance/prov-json.js';
import { sampleInput } from './fixtures.js';

/** Every id a relation points at must be declared (PROV-JSON has no dangling references). */
function assertReferencesDeclared(doc: ProvDocument): void {
  const declared = new Set([...Object.keys(doc.entity), ...Object.keys(doc.activity), ...Object.keys(doc.agent)]);
  const relations = ['used', 'wasGeneratedBy', 'wasAssociatedWith', 'wasAttributedTo', 'wasDerivedFrom', 'actedOnBehalfOf'] as const;
  for (const kind of relations) {
    for (const [id, rel] of Object.entries(doc[kind])) {
      assert.match(id, /^_:/);
      for (const [key, value] of Object.entries(rel)) {
        if (['prov:activity', 'prov:entity', 'prov:agent', 'prov:generatedEntity', 'prov:usedEntity', 'prov:delegate', 'prov:responsible'].includes(key)) {
          assert.ok(declared.has(value as string), `${kind} ${id} ${key} -> ${String(value)} is declared`);
        }
      }
    }
  }
}

describe('toProvJson', () => {
  it('maps datasets, result and figures to entities, the run to an activity, user and engine to agents', () => {
    const record = buildRecord(sampleInput());
    const doc = toProvJson(record, { user: 'u-1' });
    assert.equal(doc.prefix.inferra, 'https://inferra.dev/ns/prov#');
    const run = `inferra:run/${record.run_id}`;
    assert.deepEqual(Object.keys(doc.activity), [run]);
    assert.equal(doc.activity[run]['prov:startTime'], record.started_at);
    assert.deepEqual(Object.keys(doc.entity).sort(), [
      `inferra:dataset/${'a'.repeat(64)}`,
      `inferra:figure/${record.figure_digests[0].sha256}`,
      `inferra:result/${record.result_digest}`,
    ].sort());
    assert.deepEqual(Object.keys(doc.agent).sort(), ['inferra:engine/inferra-0.1.0', 'inferra:user/u-1']);
    assert.equal(Object.keys(doc.used).length, 1);
    assert.equal(Object.keys(doc.wasGeneratedBy).length, 2); // result + one figure
    assert.equal(Object.keys(doc.wasDerivedFrom).length, 2); // each generated entity from the one dataset
    assert.equal(Object.keys(doc.wasAssociatedWith).length, 2); // user, engine
    assertReferencesDeclared(doc);
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(doc)));
  });

  it('adds the LLM as an agent when it decided', () => {
    const input = sampleInput();
    input.plan = { ...input.plan, source: 'llm', llm: { model: 'grok-3-mini', promptHash: 'e'.repeat(64) } };
    const doc = toProvJson(buildRecord(input));
    assert.ok(doc.agent['inferra:llm/grok-3-mini']);
    assert.equal(Object.keys(doc.wasAssociatedWith).length, 3);
    assertReferencesDeclared(doc);
  });

  it('has no result entity for a failed run', () => {
    const doc = toProvJson(buildRecord({ ...sampleInput(), status: 'error', resultJson: undefined, figures: [], errorCode: 'zero-variance' }));
    assert.equal(Object.keys(doc.entity).filter((id) => id.startsWith('inferra:result/')).length, 0);
    assert.equal(Object.keys(doc.wasGeneratedBy).length, 0);
    assertReferencesDeclared(doc);
  });
});
