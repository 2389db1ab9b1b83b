/**
 * The only column that can fill the role (issue #16): a word that names nothing in the data, standing
 * exactly where one role's column would stand ("boxplot of recall by condition", "histogram of
 * absences"), is that column when exactly one column of the schema can fill the role (of its kind, not
 * used by another role). Measurements only: a word where a grouping would stand ("by diet" with only
 * `sex`) still asks, since a dataset's one grouping is often not the one asked for. The decision says so, like a typo reading ("read 'recall' as 'correct', the
 * only column that can be the outcome"); with two or more such columns the request asks (unknown-word).
 * The same holds for the one column named as the response by convention (`y`, `response`: `words.responseNames`
 * of rules/lexicon.json), as R's datasets name it ("is the crime rate higher in the South?" with `y` the crime
 * rate): the word is read as it when it stands where a measurement the request asks about would, never as
 * a predictor, a covariate or a grouping, and the decision says so.
 */
import type { Roles } from '../types.js';
import type { RequestContext } from './context.js';
import { isContentToken } from './text.js';

/** Roles that a grouping column fills: a word after "by", "across", "between" ... stands there. */
const GROUP_ROLES = new Set(['group', 'within', 'factors', 'row', 'col', 'strata', 'subject']);
const GROUP_MARKER = /^(by|across|between|among|amongst|per|vs|versus|within)$/;

/** What filled a role from the schema alone: "<role>: <column> is the only column that fits (...)". */
const ONLY_FIT = /^(\w+): (.+) is the only (?:column that fits|measurement) \(not named in the request\)$/;

/**
 * The refinements with the one role filled from the schema read as the request's one unknown word, or
 * undefined when the word does not stand where that role's column would (or there is not exactly one
 * such word and one such role).
 */
export function readAsOnlyColumn(ctx: RequestContext, refinements: readonly string[]): string[] | undefined {
  const unknown = ctx.unknownWords.filter((w) => w.rolePosition || w.suggestion);
  if (unknown.length !== 1 || unknown[0].suggestion) return undefined;
  // Read already (the decision passes here again on its way out).
  if (refinements.some((r) => r.startsWith(`read '${ctx.tokens[unknown[0].index]?.raw ?? unknown[0].word}' as `) && r.includes(', the only column that can be the '))) return [...refinements];
  const filled = refinements.map((r) => ONLY_FIT.exec(r)).filter((m): m is RegExpExecArray => m !== null);
  if (filled.length !== 1) return undefined;
  const [line, role, column] = filled[0];
  const word = unknown[0];
  if (!standsAlone(ctx, word.index)) return undefined;
  const before = ctx.tokens[word.index - 1]?.text ?? '';
  // Measurements only: a dataset's one grouping column is often another grouping than the one asked for
  // ("by diet" with only `sex`), while its one measurement is what a word for a measurement means.
  if (GROUP_ROLES.has(role) || GROUP_MARKER.test(before)) return undefined;
  // A measurement: a categorical column filling an outcome (a logistic model's) is a grouping by another name.
  const info = ctx.columns.find((c) => c.name === column);
  if (!info || !info.numeric || info.factor) return undefined;
  const written = ctx.tokens[word.index]?.raw ?? word.word;
  return refinements.map((r) => (r === line ? onlyColumnLine(written, column, role) : r));
}

/** The notice of such a reading. */
export function onlyColumnLine(word: string, column: string, role: string): string {
  const what = role === 'column' || role === 'columns' ? 'measurement' : role;
  return `read '${word}' as '${column}', the only column that can be the ${what} (no column is named '${word}')`;
}

/**
 * Whether the word at `index` is the head of its own phrase: no content word follows it ("among full
 * professors", "ethnic heterogeneity" qualify what follows; they do not stand where a column would).
 */
export function standsAlone(ctx: RequestContext, index: number): boolean {
  const next = ctx.tokens[index + 1];
  return next === undefined || next.listed === true || !(next.kind === 'word' && isContentToken(next));
}

/** Roles that a column of measurements fills as what the request asks about (not as an explanation of it). */
const RESPONSE_ROLES = new Set(['outcome', 'column', 'columns', 'x', 'y', 'before', 'after']);

/**
 * Whether `name` is the schema's one column named as the response by convention, and the reading puts it in a
 * measurement role the request asks about (not a predictor, covariate or grouping).
 */
export function conventionalResponse(ctx: RequestContext, responseNames: readonly string[], reading: { roles: Roles }, name: string): boolean {
  const names = new Set(responseNames);
  const conventional = ctx.columns.filter((c) => c.numeric && names.has(c.name.toLowerCase()));
  if (conventional.length !== 1 || conventional[0].name !== name) return false;
  const roles = Object.entries(reading.roles).filter(([, v]) => (Array.isArray(v) ? v.includes(name) : v === name)).map(([role]) => role);
  return roles.length === 1 && RESPONSE_ROLES.has(roles[0]);
}

/** The notice of such a reading. */
export function responseLine(word: string, column: string): string {
  return `read '${word}' as '${column}', the column named as the response (no column is named '${word}')`;
}
