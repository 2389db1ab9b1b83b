/**
 * Kernel messages say what is wrong; each door says how to fix it in its own terms. Every code has an
 * entry in both doors' advice tables (advice, or `null`: none needed), a code advised in one door only
 * is listed below with the reason, and no kernel message speaks of one door's flags, commands or
 * settings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLI_ADVICE, cliMessage } from '../../../cli/advice.js';
import { NOTEBOOK_ADVICE } from '../../../extension/advice.js';
import { InferraError } from '../../../kernel/errors.js';
import { adviceFor, ERROR_CODES, messageWithAdvice, type AdviceTable } from '../../../kernel/messages/index.js';

/** Codes only one door can meet, so only that door advises. */
const ONE_DOOR_ONLY: Record<string, string> = {
  'workspace-untrusted': 'VS Code: workspace trust does not exist on the command line',
  'no-dataset': 'VS Code: the "Choose Dataset" command; on the command line the kernel message (add a "use FILE" cell) is all',
  'cell-not-found': 'CLI: inferra history --cell names a cell by id; the notebook never does',
  'provenance-queue-io': 'CLI: the queue folder is an environment variable; VS Code keeps it in its own storage',
  'supabase-sign-in-failed': 'CLI: the e-mail and password come from environment variables; VS Code asks for them',
};

const DOORS: [string, AdviceTable][] = [['cli', CLI_ADVICE], ['notebook', NOTEBOOK_ADVICE]];

/** Sample params for every code: each param name a text value (enough to call an advice function). */
const ANY_PARAMS = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? `<${key}>` : undefined) });

describe('door advice for every error code', () => {
  it('both doors have an entry for every code and for nothing else', () => {
    for (const [door, table] of DOORS) {
      assert.deepEqual(Object.keys(table).sort(), [...ERROR_CODES].sort(), `${door}: one entry per code`);
    }
  });

  it('every advice is a sentence; a code advised by one door only is listed with its reason', () => {
    for (const code of ERROR_CODES) {
      const given = DOORS.map(([door, table]) => {
        const text = adviceFor(table, code, ANY_PARAMS);
        if (table[code] !== null) assert.match(text, /^[A-Z"'].*[.!?]$/s, `${door} advice for ${code}: "${text}"`);
        return table[code] !== null;
      });
      if (given[0] !== given[1]) assert.ok(ONE_DOOR_ONLY[code], `${code} is advised by ${given[0] ? 'the CLI' : 'the notebook'} only`);
      else assert.equal(ONE_DOOR_ONLY[code], undefined, `${code} is listed as one-door-only but both doors agree`);
    }
  });

  it('no kernel message names a CLI flag, an environment variable, a VS Code command or setting', () => {
    const dir = fileURLToPath(new URL('../../../kernel/messages/', import.meta.url));
    const doorTerms = [/--[a-z]/, /\b(?:INFERRA|XAI)_[A-Z_]+/, /'inferra\.[a-z]+\.[a-zA-Z]+'/, /"Inferra: /, /\bVS Code\b/, /\(CLI/];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(`${dir}${file}`, 'utf8').replace(/^\s*(?:\/\/|\*|\/\*\*).*$/gm, '');
      for (const term of doorTerms) assert.doesNotMatch(text, term, `kernel/messages/${file}`);
    }
  });

  it('each door appends its own advice to the same kernel message', () => {
    const error = new InferraError('dataset-outside-folder', { path: '../secrets.json' });
    assert.doesNotMatch(error.message, /--allow-outside-data|Allow once/);
    assert.match(cliMessage(error), /^Dataset '\.\.\/secrets\.json' is outside this notebook's folder.* add --allow-outside-data;/);
    assert.match(messageWithAdvice(NOTEBOOK_ADVICE, error), /choose "Allow once"/);
    assert.doesNotMatch(messageWithAdvice(NOTEBOOK_ADVICE, error), /--/);
    const missing = new InferraError('missing-role', { analysis: 'ttest_paired', role: 'pairId' });
    assert.match(cliMessage(missing), /Add --pair-id COLUMN\.$/);
    assert.match(messageWithAdvice(NOTEBOOK_ADVICE, missing), /Name the column for the pair id in the cell's text\.$/);
  });
});
