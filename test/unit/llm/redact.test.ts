import assert from 'node:assert/strict';
import { redactSecrets } from '../../../kernel/util/redact.js';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMTExIiwicm9sZSI6ImF1dGhlbnRpY2F0ZWQifQ.c2lnbmF0dXJlLXBhcnQtaGVyZQ';

describe('redactSecrets (kernel/util/redact)', () => {
  it('removes the known secrets, also URL- and JSON-encoded', () => {
    const out = redactSecrets('key my secret/pw"x and my%20secret%2Fpw%22x and my secret/pw\\"x', ['my secret/pw"x']);
    assert.equal(out.includes('secret'), false, out);
    assert.equal(out.split('[redacted]').length - 1, 3);
  });

  it('removes bearer tokens, JWTs and xai-/sk- keys without being told them', () => {
    const out = redactSecrets(`Incorrect API key provided: Bearer xai-SECRET-KEY-1234567890. jwt ${JWT} alt xai-OTHERKEY99 sk-abcdefghijklmnop1234`);
    for (const leak of ['SECRET-KEY', JWT, 'OTHERKEY99', 'abcdefghijklmnop1234']) assert.equal(out.includes(leak), false, out);
    assert.match(out, /Incorrect API key provided: Bearer \[redacted\]/);
  });

  it('blanks the values of secret-named fields in JSON, escaped JSON, forms and headers', () => {
    const body = JSON.stringify({ email: 'v@example.org', password: 'Pa55-SECRET-word', gotrue_meta_security: {} });
    const cases = [
      `echo: ${body}`,
      `echo: ${JSON.stringify(body)}`,
      'grant_type=password&password=Pa55-SECRET-word&refresh_token=R3FRESH-SECRET',
      'x-api-key: Pa55-SECRET-word',
      `{"refresh_token":"R3FRESH-SECRET","access_token": "${JWT}"}`,
    ];
    for (const text of cases) {
      const out = redactSecrets(text);
      assert.equal(/SECRET|eyJ/.test(out), false, out);
    }
    assert.match(redactSecrets(`echo: ${body}`), /"email":"v@example\.org"/);
  });

  it('leaves ordinary text (and short secrets) alone', () => {
    const text = 'Invalid login credentials (HTTP 400): the model grok-4.3 is not available; a token budget of 200 tokens';
    assert.equal(redactSecrets(text, ['ab', '']), text);
  });
});
