/** Who pinned a decision (review L8): the per-user identity file, signatures, and the origin a run reports. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOwnPin, loadAuthorIdentity, pinOrigin, signPin } from '../../../kernel/provenance/author.js';

const decision = () => ({
  status: 'decided', analysis: 'ttest_welch', roles: { outcome: 'flipper_length_mm', group: 'sex' }, options: {},
  source: 'rules', rule_id: 'two-groups-welch', source_hash: 'a'.repeat(64),
});

describe('pinning identity (author.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inferra-author-'));

  it('creates a random id and key once, readable by the user only, and reads the same identity back', () => {
    const file = join(dir, 'inferra', 'author.json');
    const first = loadAuthorIdentity(file)!;
    assert.match(first.id, /^a-[0-9a-f]{16}$/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const again = loadAuthorIdentity(file)!;
    assert.equal(again.id, first.id);
    assert.ok(again.key.equals(first.key));
    // Nothing that names the person.
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort(), ['id', 'key']);
  });

  it('replaces a damaged identity file, and is undefined when it can be neither read nor written', () => {
    const file = join(dir, 'damaged.json');
    writeFileSync(file, '{"id": 1}');
    assert.match(loadAuthorIdentity(file)!.id, /^a-/);
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    assert.equal(loadAuthorIdentity(join(blocker, 'author.json')), undefined);
  });

  it('a signed pin is yours; the same pin edited afterwards, or carrying your id without your key, is not', () => {
    const me = loadAuthorIdentity(join(dir, 'me.json'))!;
    const other = loadAuthorIdentity(join(dir, 'other.json'))!;
    const pinned = { ...decision(), pinned_by: signPin(decision(), me) };
    assert.equal(isOwnPin(pinned, me), true);
    assert.equal(pinOrigin(pinned, me), 'you');
    assert.equal(pinOrigin(pinned, other), 'another-author');

    const edited = { ...pinned, options: { where: [{ column: 'island', op: '=', value: 'Biscoe' }], alternative: 'less' } };
    assert.equal(isOwnPin(edited, me), false);
    assert.equal(pinOrigin(edited, me), 'file');

    const impostor = { ...decision(), pinned_by: { id: me.id, mac: signPin(decision(), other).mac } };
    assert.equal(pinOrigin(impostor, me), 'file');
    assert.equal(pinOrigin({ ...decision(), pinned_by: { id: me.id, mac: 'zz' } }, me), 'file');
  });

  it('an unsigned pin is "in the file"; without an identity only a pin made in this session counts as yours', () => {
    const me = loadAuthorIdentity(join(dir, 'me.json'))!;
    assert.equal(pinOrigin(decision(), me), 'file');
    assert.equal(pinOrigin({ ...decision(), pinned_by: { id: 'a-0000000000000000', mac: '0'.repeat(64) } }, undefined), 'file');
    assert.equal(pinOrigin(decision(), undefined, true), 'you');
  });
});
