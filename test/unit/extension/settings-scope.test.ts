/**
 * The settings that decide where tokens and data go cannot come from a folder (security review H4):
 * every `inferra.supabase.*` and `inferra.llm.*` setting is application- or machine-scoped (a
 * workspace's .vscode/settings.json cannot set it) and listed in the Restricted Mode
 * `restrictedConfigurations`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations?: string[] } };
};

describe('package.json: settings that send data or keys are not workspace-settable (review H4)', () => {
  const sending = Object.keys(pkg.contributes.configuration.properties).filter((k) => /^inferra\.(supabase|llm)\./.test(k));

  it('covers the Supabase and LLM settings', () => {
    for (const key of ['inferra.supabase.url', 'inferra.supabase.anonKey', 'inferra.supabase.retentionDays', 'inferra.llm.enabled', 'inferra.llm.baseUrl', 'inferra.llm.model', 'inferra.llm.dailyTokenBudget']) {
      assert.ok(sending.includes(key), key);
    }
  });

  it('each is application- or machine-scoped', () => {
    for (const key of sending) assert.ok(['application', 'machine'].includes(pkg.contributes.configuration.properties[key].scope ?? ''), `${key} has scope ${pkg.contributes.configuration.properties[key].scope}`);
  });

  it('each is a restricted configuration in untrusted workspaces', () => {
    const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    for (const key of sending) assert.ok(restricted.includes(key), key);
  });
});
