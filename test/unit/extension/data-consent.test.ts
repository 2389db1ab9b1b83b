/**
 * VS Code's consent for datasets outside a notebook's folder (extension/data-consent.ts): the
 * prompt names the relative and the resolved path, "Allow once" is remembered per notebook until it
 * closes, Cancel refuses, and cells asking at the same time share one prompt.
 */
import assert from 'node:assert/strict';
import { ALLOW_ONCE, OutsideDataConsents, consentPrompt, type ConsentPrompt } from '../../../extension/data-consent.js';

const secret = { path: '../../.config/inferra/supabase-session.json', absolute: '/home/ann/.config/inferra/supabase-session.json' };

/** A prompt double: records each prompt and answers from a queue of button labels. */
function prompts(answers: (string | undefined)[]) {
  const shown: ConsentPrompt[] = [];
  const show = async (prompt: ConsentPrompt) => {
    shown.push(prompt);
    return answers.shift();
  };
  return { shown, show };
}

describe('extension/data-consent: reading files outside the notebook folder', () => {
  it('the prompt names the notebook, the path relative to it and the resolved absolute path, with "Allow once"', () => {
    const prompt = consentPrompt('received.inferra', secret);
    assert.equal(prompt.message, 'received.inferra wants to read a file outside its folder: ../../.config/inferra/supabase-session.json');
    assert.match(prompt.detail, /^The file is \/home\/ann\/\.config\/inferra\/supabase-session\.json\./);
    assert.match(prompt.detail, /not saved in the file/);
    assert.equal(prompt.allow, ALLOW_ONCE);
    assert.equal(ALLOW_ONCE, 'Allow once');
  });

  it('"Allow once" is remembered for that notebook only, until it is forgotten (closed)', async () => {
    const { shown, show } = prompts([ALLOW_ONCE, ALLOW_ONCE]);
    const consents = new OutsideDataConsents(show);
    const a = consents.callbackFor('file:///p/a.inferra', 'a.inferra');
    const b = consents.callbackFor('file:///p/b.inferra', 'b.inferra');
    assert.equal(await a(secret), true);
    assert.equal(await a(secret), true);
    assert.equal(shown.length, 1, 'asked once for notebook a');
    assert.equal(consents.isAllowed('file:///p/a.inferra', secret.absolute), true);
    assert.equal(consents.isAllowed('file:///p/b.inferra', secret.absolute), false, 'not for another notebook');
    consents.forget('file:///p/a.inferra');
    assert.equal(consents.isAllowed('file:///p/a.inferra', secret.absolute), false);
    assert.equal(await b(secret), true);
    assert.equal(shown.length, 2);
    assert.equal(shown[1].message.startsWith('b.inferra '), true);
  });

  it('Cancel (or a dismissed or failed prompt) refuses and is asked again next time', async () => {
    const { shown, show } = prompts([undefined, 'Something else']);
    const consents = new OutsideDataConsents(show);
    const ask = consents.callbackFor('file:///p/a.inferra', 'a.inferra');
    assert.equal(await ask(secret), false);
    assert.equal(await ask(secret), false);
    assert.equal(shown.length, 2);
    const failing = new OutsideDataConsents(async () => {
      throw new Error('no window');
    });
    assert.equal(await failing.callbackFor('k', 'n')(secret), false);
  });

  it('cells that ask for the same file at the same time share one prompt', async () => {
    let release: (choice: string | undefined) => void = () => undefined;
    let count = 0;
    const consents = new OutsideDataConsents(() => {
      count++;
      return new Promise((resolve) => (release = resolve));
    });
    const ask = consents.callbackFor('file:///p/a.inferra', 'a.inferra');
    const first = ask(secret);
    const second = ask(secret);
    release(ALLOW_ONCE);
    assert.deepEqual(await Promise.all([first, second]), [true, true]);
    assert.equal(count, 1);
  });
});
