import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isInferraError } from '../../../kernel/errors.js';
import { dailyBudgetFromEnv, llmSettingsFromEnv } from '../../../cli/settings.js';

describe('CLI LLM settings: the daily token budget (review M7)', () => {
  it('defaults to 200 000 tokens a day, counted in the CLI state folder', () => {
    const settings = llmSettingsFromEnv({ XAI_API_KEY: 'xai-k', XDG_STATE_HOME: '/tmp/state-x' });
    assert.equal(settings?.dailyBudgetTokens, 200_000);
    assert.equal(settings?.usageFile, join('/tmp/state-x', 'inferra', 'llm-usage.json'));
  });

  it('INFERRA_LLM_DAILY_BUDGET_TOKENS sets it; 0 means no limit', () => {
    assert.equal(llmSettingsFromEnv({ XAI_API_KEY: 'k', INFERRA_LLM_DAILY_BUDGET_TOKENS: '5000' })?.dailyBudgetTokens, 5000);
    const unlimited = llmSettingsFromEnv({ XAI_API_KEY: 'k', INFERRA_LLM_DAILY_BUDGET_TOKENS: '0' });
    assert.equal(unlimited?.dailyBudgetTokens, undefined);
    assert.ok(unlimited?.usageFile, 'tokens are still counted');
  });

  it('a value that is not a whole number is a usage error naming the variable', () => {
    for (const value of ['-1', '1.5', 'lots', '1e400']) {
      assert.throws(() => dailyBudgetFromEnv({ INFERRA_LLM_DAILY_BUDGET_TOKENS: value }), (e: unknown) =>
        isInferraError(e) && e.code === 'usage' && e.message.includes('INFERRA_LLM_DAILY_BUDGET_TOKENS') && e.message.includes(`'${value}'`));
    }
  });
});
