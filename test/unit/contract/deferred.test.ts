import assert from 'node:assert/strict';
import * as z from 'zod';
import { deferred } from '../../../kernel/contract/deferred.js';

describe('contract: deferred schemas', () => {
  it('builds nothing until first read, then once; parses, refuses and composes as the schema itself', () => {
    let builds = 0;
    const point = deferred(() => {
      builds++;
      return z.object({ x: z.number(), label: z.string().optional() });
    });
    const list = deferred(() => z.array(point).min(1));
    assert.equal(builds, 0);
    assert.deepEqual(list.parse([{ x: 1 }, { x: 2, label: 'b' }]), [{ x: 1 }, { x: 2, label: 'b' }]);
    assert.equal(builds, 1);
    const refused = point.safeParse({ x: 'one' });
    assert.equal(refused.success, false);
    assert.deepEqual(refused.error?.issues.map((i) => i.path), [['x']]);
    assert.deepEqual(point.extend({ y: z.number() }).parse({ x: 1, y: 2 }), { x: 1, y: 2 });
    assert.deepEqual(z.discriminatedUnion('kind', [deferred(() => z.object({ kind: z.literal('a') })), z.object({ kind: z.literal('b') })]).parse({ kind: 'a' }), { kind: 'a' });
    assert.ok(point instanceof z.ZodObject);
    assert.deepEqual(Object.keys(point.shape), ['x', 'label']);
    assert.equal(builds, 1);
  });
});
