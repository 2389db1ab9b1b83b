/** The CLI's role flags come from the roles' one definition and cover every role the task catalogue uses. */
import assert from 'node:assert/strict';
import { COMMAND_HELP } from '../../../cli/help.js';
import { REQUEST_FLAGS } from '../../../cli/request.js';
import { ROLE_FLAGS, roleFlag, rolesFromFlags } from '../../../cli/roles.js';
import { TASKS } from '../../../kernel/contract/tasks.js';
import { ROLE_NAMES } from '../../../kernel/types.js';

describe('CLI role flags', () => {
  it('has a flag for every role, spelled as CONTRACT.md spells it', () => {
    assert.deepEqual([...ROLE_FLAGS.keys()], ROLE_NAMES.map(roleFlag));
    assert.equal(roleFlag('pairId'), 'pair-id');
    for (const flag of ['outcome', 'group', 'x', 'y', 'predictors', 'pair-id', 'before', 'after', 'row', 'col', 'column']) {
      assert.ok(ROLE_FLAGS.has(flag), `--${flag}`);
    }
  });

  it('accepts and documents every role of every task of the catalogue', () => {
    const used = new Set(Object.values(TASKS).flatMap((task) => task.roleSets.flat()));
    for (const role of used) {
      const flag = roleFlag(role);
      assert.equal(REQUEST_FLAGS[flag], 'string', `analyze accepts --${flag} (${role})`);
      assert.match(COMMAND_HELP.analyze, new RegExp(`--${flag} (COL|A,B)`), `analyze --help lists --${flag}`);
    }
  });

  it('lists every flag analyze accepts in analyze --help', () => {
    for (const flag of Object.keys(REQUEST_FLAGS)) {
      assert.ok(COMMAND_HELP.analyze.includes(`--${flag} `) || COMMAND_HELP.analyze.includes(`--${flag}]`), `analyze --help lists --${flag}`);
    }
  });

  it('reads list roles as comma-separated columns and single roles as one column', () => {
    const roles = rolesFromFlags(new Map([['predictors', 'a, b,,c'], ['pair-id', 'id'], ['outcome', 'y']]));
    assert.deepEqual(roles, { outcome: 'y', predictors: ['a', 'b', 'c'], pairId: 'id' });
  });
});
