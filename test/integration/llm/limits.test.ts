/**
 * What reaches the xAI API and what comes back from it (security review M7 and L1): the request
 * text is capped (a 1.9 MB cell sends nothing at all), and text quoted from the API (error bodies,
 * the model name, the rationale) never carries the API key or anything credential-like, even from
 * an endpoint that echoes the Authorization header and the request body.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { isInferraError } from '../../../kernel/errors.js';
import { clearMemoryCache, clearModelCache, decideWithLlm, MAX_LLM_REQUEST_CHARS, type LlmSettings } from '../../../kernel/llm/index.js';
import type { DatasetSchema } from '../../../kernel/types.js';
import { buildSchemaFromCsv } from '../../unit/decide/schema-builder.js';
import { answerText, FakeGrok, responsesBody } from './grok-server.js';

const penguinsPath = fileURLToPath(new URL('../../../samples/penguins.csv', import.meta.url));
const KEY = 'xai-SECRET-KEY-1234567890';

describe('LLM fallback limits and redaction (review M7, L1)', function () {
  this.timeout(20_000);
  const server = new FakeGrok();
  let schema: DatasetSchema;
  const settings = (extra: Partial<LlmSettings> = {}): LlmSettings => ({
    apiKey: KEY, baseUrl: server.baseUrl, model: 'grok-4.3', timeoutMs: 2000, deadlineMs: 8000, retryBaseMs: 5, ...extra,
  });

  before(async () => {
    await server.start();
    schema = buildSchemaFromCsv(penguinsPath);
  });
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    clearMemoryCache();
    clearModelCache();
  });

  it('a 1.9 MB request fails with llm-request-too-long and the server receives nothing', async () => {
    server.fallback = { kind: 'json', body: responsesBody(answerText('describe', {})) };
    const huge = 'zorblax quuxify '.repeat(120_000);
    assert.ok(huge.length > 1_900_000);
    // decideWithLlm directly: the rules (tried first by decideAnalysis) take seconds on 1.9 MB; the CLI test covers that path.
    await assert.rejects(decideWithLlm(huge, schema, settings()), (error: unknown) => {
      assert.ok(isInferraError(error) && error.code === 'llm-request-too-long', String(error));
      assert.equal(error.message, `This request is ${huge.length} characters long; the LLM fallback sends at most 2000, so nothing was sent. Shorten the request to a question about the data, or choose the analysis yourself.`);
      return true;
    });
    assert.deepEqual(server.seen, [], 'not even GET /models');
  });

  it('the cap is 2,000 characters (counted as characters, not bytes)', async () => {
    server.fallback = { kind: 'json', body: responsesBody(answerText('describe', {})) };
    assert.equal(MAX_LLM_REQUEST_CHARS, 2000);
    await decideWithLlm('ü'.repeat(2000), schema, settings());
    assert.equal(server.responseCalls.length, 1);
    await assert.rejects(decideWithLlm('a'.repeat(2001), schema, settings()), (e: unknown) => isInferraError(e) && e.code === 'llm-request-too-long');
    assert.equal(server.responseCalls.length, 1);
  });

  for (const status of [401, 403, 400, 429, 503]) {
    it(`an endpoint echoing the Authorization header and the body (HTTP ${status}): the key is not in the message`, async () => {
      server.fallback = { kind: 'echo', status };
      let message = '';
      await assert.rejects(decideWithLlm('zorblax quuxify the penguins', schema, settings()), (error: unknown) => {
        assert.ok(isInferraError(error), String(error));
        message = `${error.message} ${JSON.stringify(error.params)}`;
        return true;
      });
      const sent = server.responseCalls[0];
      assert.equal(sent.headers.authorization, `Bearer ${KEY}`, 'the double did see the key');
      assert.ok(!message.includes('SECRET-KEY'), message);
      assert.ok(!message.includes('1234567890'), message);
      if (status === 401) assert.match(message, /Incorrect API key provided: Bearer \[redacted\]/);
    });
  }

  it('an answer quoting the key (model name, rationale) and a model list naming it: redacted', async () => {
    server.fallback = {
      kind: 'json',
      body: responsesBody(answerText('describe', {}, { rationale: `Your key is ${KEY} (Bearer ${KEY}).` }), { model: `grok-4.3 ${KEY}`, id: `resp ${KEY}` }),
    };
    const decision = await decideWithLlm('zorblax quuxify the penguins', schema, settings());
    const text = JSON.stringify(decision);
    assert.ok(!text.includes('SECRET-KEY'), text);
    assert.match(decision.rationale, /Your key is \[redacted\]/);

    server.reset();
    clearModelCache();
    server.models = [`leak-${KEY}`, 'grok-4.20'];
    await assert.rejects(decideWithLlm('zorblax quuxify the penguins again', schema, settings()), (error: unknown) => {
      assert.ok(isInferraError(error) && error.code === 'llm-model-not-found');
      assert.ok(!error.message.includes('SECRET-KEY'), error.message);
      return true;
    });
  });
});
