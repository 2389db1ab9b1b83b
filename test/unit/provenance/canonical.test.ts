import assert from 'node:assert/strict';
import { canonicalJson, digestFigure, digestResult, sha256Hex } from '../../../kernel/provenance/canonical.js';
import { isInferraError } from '../../../kernel/errors.js';
import { sampleResultJson } from './fixtures.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves no whitespace', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } }), '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 asks', () => {
    // RFC 8785 section 3.2.3 example order: "\r" < "1" < "\u0080" < "\u00f6" < "\u20ac" < "\ud83d\ude00" < "\ufb33"
    const value = { '\ufb33': 7, '\u20ac': 4, '\r': 1, '\u00f6': 3, '1': 2, '\u{1F600}': 6, '\u0080': 5 };
    assert.equal(canonicalJson(value), '{"\\r":1,"1":2,"\u0080":5,"\u00f6":3,"\u20ac":4,"\u{1F600}":6,"\ufb33":7}');
  });

  it('writes numbers in the shortest form that round-trips (exact, tolerance 0)', () => {
    assert.equal(canonicalJson([0.1, 1 / 3, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 100, -2.5]), '[0.1,0.3333333333333333,1e+21,1e-7,5e-324,1.7976931348623157e+308,100,-2.5]');
    for (const x of [Math.PI, 0.0606345078732294, 2 ** -1074, 123456789.12345679]) {
      assert.equal(Number(canonicalJson(x)), x); // exact round trip, tolerance 0
    }
  });

  it('writes -0 as 0 and non-finite numbers as null, as JSON.stringify does', () => {
    assert.equal(canonicalJson(-0), '0');
    assert.equal(canonicalJson({ a: NaN, b: Infinity, c: -Infinity }), '{"a":null,"b":null,"c":null}');
  });

  it('gives the same digest before and after a JSON round trip', () => {
    const value = { p: 0.1 + 0.2, inf: Infinity, nan: NaN, skip: undefined, arr: [undefined, 1], d: new Date('2026-11-22T00:00:00Z') };
    assert.equal(canonicalJson(value), canonicalJson(JSON.parse(JSON.stringify(value))));
  });

  it('writes typed arrays as arrays', () => {
    assert.equal(canonicalJson(new Float64Array([1.5, 2])), '[1.5,2]');
  });

  it('rejects BigInt, functions, Maps and cycles with provenance-unsupported-value', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [10n, () => 1, new Map(), cyclic, { a: Symbol('s') }]) {
      assert.throws(() => canonicalJson(bad), (e: unknown) => isInferraError(e) && e.code === 'provenance-unsupported-value');
    }
  });

  it('escapes strings as JSON.stringify does', () => {
    assert.equal(canonicalJson('a"b\\c\n\u0001é'), JSON.stringify('a"b\\c\n\u0001é'));
  });
});

describe('digests', () => {
  it('sha256Hex matches the FIPS 180-2 test vector for "abc"', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('digestResult ignores key order, provenance and figures, but not numbers', () => {
    const a = sampleResultJson();
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    const withProvenance = { ...a, provenance: { hash: 'x' }, figures: [] };
    assert.equal(digestResult(reordered), digestResult(a));
    assert.equal(digestResult(withProvenance), digestResult(a));
    assert.notEqual(digestResult(sampleResultJson({ p_value: 0.0606345078732295 })), digestResult(a));
  });

  it('digestFigure depends on the spec only', () => {
    assert.equal(digestFigure({ mark: 'bar', width: 10 }), digestFigure({ width: 10, mark: 'bar' }));
    assert.notEqual(digestFigure({ mark: 'bar' }), digestFigure({ mark: 'point' }));
  });
});
