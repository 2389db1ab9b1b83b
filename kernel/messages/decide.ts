import type { MessageParams, MessageTable } from './types.js';

/** Messages of kernel/decide. */
export const decideMessages = {
  'rules-not-found': (p: MessageParams) =>
    `No decision rules found in '${p.dir}'. Reinstall Inferra, or pass the folder that holds rules/*.json.`,
  'rules-invalid': (p: MessageParams) =>
    `The rule file '${p.file}' is not valid: ${p.detail}. Fix the file (it must follow rules/rules.schema.json).`,
  'rules-duplicate-id': (p: MessageParams) =>
    `The ${p.what} id '${p.id}' is defined twice (in '${p.file}'). Give each ${p.what} its own id.`,
  'rules-unknown-cue': (p: MessageParams) =>
    `Rule '${p.rule}' refers to the cue '${p.cue}', which no rules file defines. Add the cue or fix the name.`,
  'decision-json-invalid': (p: MessageParams) =>
    `The stored decision is not valid: ${p.detail}. Re-run the cell to decide afresh.`,
} satisfies MessageTable;
