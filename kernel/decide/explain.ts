/** Words for decisions: explanation templates filled from roles, task names and one-line reasons. */
import { taskField } from '../contract/index.js';
import type { AnalysisOptions, Roles, TaskId } from '../types.js';

/** A sentence's first letter in upper case. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A short name of each task, for rationales (from the task catalogue). */
export const TASK_NAMES = taskField('name');

/** Why one would pick a task, in one line (for alternatives listed next to a decision). */
export const TASK_WHY = taskField('why');

/** Values a template may use. */
export interface TemplateValues {
  roles: Roles;
  options: Partial<AnalysisOptions>;
  /** Number of groups of the group role. */
  k?: number;
  /** Levels of the group role as used (named, or all). */
  levels?: string[];
  /** Extra text for {small}. */
  small?: string;
}

/** Fills `{outcome}`, `{group}`, `{levels}`, `{k}`, `{mu}`, `{by_group}`... in a rule's explanation. */
export function renderExplanation(template: string, values: TemplateValues): string {
  const { roles, options } = values;
  const fields: Record<string, string> = {
    outcome: roles.outcome ?? '',
    group: roles.group ?? '',
    x: roles.x ?? '',
    y: roles.y ?? '',
    column: roles.column ?? '',
    column_or_all: roles.column ?? 'every column',
    predictors: (roles.predictors ?? []).join(' + '),
    pairId: roles.pairId ?? '',
    before: roles.before ?? '',
    after: roles.after ?? '',
    row: roles.row ?? '',
    col: roles.col ?? '',
    color: roles.color ?? '',
    strata: roles.strata ?? '',
    within: roles.within ?? '',
    subject: roles.subject ?? '',
    covariates: (roles.covariates ?? []).join(', '),
    levels: (values.levels ?? []).join(' vs '),
    k: String(values.k ?? ''),
    mu: String(options.mu ?? 0),
    by_group: roles.group ? ` by ${roles.group}` : '',
    by_color: roles.color ? `, coloured by ${roles.color}` : '',
    small: values.small ?? '',
  };
  return template.replace(/\{([a-z_A-Z]+)\}/g, (whole, key: string) => (key in fields ? fields[key] : whole));
}

/** "outcome: len, group: supp" for messages. */
export function describeRoles(roles: Roles): string {
  return Object.entries(roles)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)
    .join('; ');
}
