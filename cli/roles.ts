/**
 * The role flags of `inferra analyze`, derived from the roles' one definition (`ROLE_NAMES`, the
 * roles the task catalogue's role sets are made of): a role's flag is its name in kebab case
 * (`pairId` -> `--pair-id`) and a list role takes comma-separated columns. A new role appears here
 * without editing cli/; which roles an analysis needs is the kernel's check (`missing-role`).
 */
import { ROLE_NAMES, type Roles } from '../kernel/api.js';
import { usageError } from './args.js';

/** A role's name. */
export type RoleName = (typeof ROLE_NAMES)[number];

/** The roles that take several columns (`string[]` in `Roles`). */
type ListRole = { [K in keyof Roles]-?: NonNullable<Roles[K]> extends readonly string[] ? K : never }[keyof Roles];
const LIST_ROLES = ['predictors', 'covariates', 'factors', 'columns'] as const satisfies readonly ListRole[];
// Compiles only while LIST_ROLES names every list role of `Roles`.
const everyListRole: readonly (typeof LIST_ROLES)[number][] = [] as ListRole[];
void everyListRole;

/** Whether a role takes several columns. */
export function isListRole(role: RoleName): role is ListRole {
  return (LIST_ROLES as readonly string[]).includes(role);
}

/** A role's command-line flag, without the dashes: `pairId` -> `pair-id`. */
export function roleFlag(role: string): string {
  return role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Every role flag -> its role. */
export const ROLE_FLAGS: ReadonlyMap<string, RoleName> = new Map(ROLE_NAMES.map((role) => [roleFlag(role), role]));

/** Options shown beside a role in the help (they only make sense with it). */
const ROLE_COMPANIONS: Partial<Record<RoleName, string>> = { predictors: '--degree N' };

/** The help's role flags (`--outcome COL ... --predictors A,B,x^2 --degree N ...`) in lines of at most `width` characters after `indent`. */
export function roleFlagsHelp(indent: string, width: number): string[] {
  const tokens = ROLE_NAMES.flatMap((role) => [
    `--${roleFlag(role)} ${isListRole(role) ? (role === 'predictors' ? 'A,B,x^2' : 'A,B') : 'COL'}`,
    ...(ROLE_COMPANIONS[role] ? [ROLE_COMPANIONS[role]] : []),
  ]);
  const lines: string[] = [];
  for (const token of tokens) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} ${token}`.length <= width) lines[last] = `${lines[last]} ${token}`;
    else lines.push(token);
  }
  return lines.map((line, i) => (i === 0 ? line : `${indent}${line}`));
}

/** The roles of a request from its flags (list roles split at commas). */
export function rolesFromFlags(flags: ReadonlyMap<string, string>): Roles {
  const roles: Record<string, string | string[]> = {};
  for (const [flag, role] of ROLE_FLAGS) {
    const value = flags.get(flag);
    if (value === undefined) continue;
    if (!isListRole(role)) {
      roles[role] = value;
      continue;
    }
    const columns = value.split(',').map((p) => p.trim()).filter(Boolean);
    if (columns.length === 0) throw usageError(`--${flag} needs at least one column: --${flag} COL1,COL2`);
    roles[role] = columns;
  }
  return roles as Roles;
}
