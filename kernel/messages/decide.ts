/** Messages of kernel/decide. */
export const decideMessages = {
  'rules-not-found': (p: { dir: string }) =>
    `No decision rules found in '${p.dir}'. Reinstall Inferra, or pass the folder that holds rules/*.json.`,
  'rules-invalid': (p: { file: string; detail: string }) =>
    `The rule file '${p.file}' is not valid: ${p.detail}. Fix the file (it must follow rules/rules.schema.json).`,
  'rules-duplicate-id': (p: { what: 'cue' | 'rule'; id: string; file: string }) =>
    `The ${p.what} id '${p.id}' is defined twice (in '${p.file}'). Give each ${p.what} its own id.`,
  'rules-unknown-cue': (p: { rule: string; cue: string }) =>
    `Rule '${p.rule}' refers to the cue '${p.cue}', which no rules file defines. Add the cue or fix the name.`,
  'decision-json-invalid': (p: { detail: string }) =>
    `The stored decision is not valid: ${p.detail}. Re-run the cell to decide afresh.`,
};
