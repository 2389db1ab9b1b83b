import assert from 'node:assert/strict';
import { lazy } from '../../../kernel/util/lazy.js';

describe('lazy', () => {
  it('builds nothing until first use, then builds once and keeps the value', () => {
    let builds = 0;
    const value = lazy(() => ({ n: ++builds }));
    assert.equal(builds, 0);
    const first = value();
    assert.equal(builds, 1);
    assert.equal(value(), first);
    assert.equal(builds, 1);
  });

  it('keeps a built undefined without building again', () => {
    let builds = 0;
    const value = lazy(() => void builds++);
    assert.equal(value(), undefined);
    assert.equal(value(), undefined);
    assert.equal(builds, 1);
  });
});
