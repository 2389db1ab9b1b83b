/**
 * Fitting one rule to a request: assigning the named columns to the rule's roles (every named
 * column must be used, by a role or as a row filter), checking kinds and level counts, filling a
 * missing role from the schema when exactly one column fits, finding a paired structure, and
 * setting options (levels, alternative, mu, confidence level, filters).
 */
import { readPowerOptions } from './power-request.js';
import { isEarlierByName } from './time-order.js';
import { namedSide } from './yes-no-side.js';
import { ROLE_NAMES, type AnalysisOptions, type Roles, type RowFilter } from '../types.js';
import { compareNatural } from '../util/natural-sort.js';
import { editDistance } from '../util/suggest.js';
import type { ColumnInfo } from './columns.js';
import type { MentionedColumn, RequestContext } from './context.js';
import type { DirectionAsked, RoleName, RoleSpec, Rule } from './types.js';

/** A rule fitted to a request. */
export interface Fit {
  rule: Rule;
  roles: Roles;
  score: number;
  /** Other role assignments that scored the same (the request does not say which is which). */
  ties: Roles[];
  options: Partial<AnalysisOptions>;
  facts: Set<string>;
  refinements: string[];
  /** Required roles the request left open, with the columns that could fill them (two or more). */
  missing: { role: RoleName; candidates: string[] }[];
  levels?: string[];
  k?: number;
  /** Roles filled from the schema. */
  completed: number;
  structuralPairing: boolean;
  /** Extra text for the template's {small}. */
  small?: string;
  /** One-sided wording without named groups: the direction cannot be set. */
  directionUnclear?: boolean;
  /** An independent-groups rule on data whose schema shows pairing by this subject column. */
  pairingConflict?: string;
  /** A direction stated without asking for a one-sided test (#18 S1). */
  directionAsked?: DirectionAsked;
}

type Slot = RoleName | 'where';

interface Assignment {
  slots: Slot[];
  score: number;
}

const MAX_ENUMERATED = 7;

/** A numeric column with more values than this is not taken for the conditions of a within-subject factor. */
const MAX_NUMERIC_CONDITIONS = 20;

/** Fits a rule; undefined when the named columns cannot play its roles. */
export function fitRule(rule: Rule, ctx: RequestContext, mentioned: readonly MentionedColumn[]): Fit | undefined {
  const roleNames = ROLE_NAMES.filter((r) => rule.roles[r] !== undefined) as RoleName[];
  let best: Assignment[];
  if (mentioned.length > MAX_ENUMERATED) {
    // Many columns ("on all the other variables"): those stated as predictors go to the rule's list role
    // as they are; the others are enumerated.
    const many = roleNames.find((r) => rule.roles[r]?.many);
    if (!many) return undefined;
    const fixed = mentioned.map((m) => m.hints.has('predictor') && !m.hints.has('outcome') && kindFit(rule.roles[many] as RoleSpec, m.info) > 0);
    const rest = mentioned.filter((_, i) => !fixed[i]);
    if (rest.length > MAX_ENUMERATED) return undefined;
    best = enumerateAssignments(rule, roleNames, ctx, rest).map((a) => {
      let j = 0;
      const slots = mentioned.map((m, i) => (fixed[i] ? many : a.slots[j++]));
      const extra = mentioned.reduce((sum, m, i) => sum + (fixed[i] ? kindFit(rule.roles[many] as RoleSpec, m.info) : 0), 0);
      return { slots, score: a.score + extra };
    });
  } else best = enumerateAssignments(rule, roleNames, ctx, mentioned);
  if (best.length === 0) return undefined;
  const fits: Fit[] = [];
  for (const assignment of best) {
    const fit = buildFit(rule, roleNames, ctx, mentioned, assignment);
    if (fit) fits.push(fit);
  }
  if (fits.length === 0) return undefined;
  fits.sort((a, b) => a.missing.length - b.missing.length || b.score - a.score);
  const top = fits[0];
  const key = rolesKey(top.roles);
  top.ties = fits
    .filter((f) => f !== top && f.missing.length === top.missing.length && Math.abs(f.score - top.score) < 1e-9 && rolesKey(f.roles) !== key)
    .map((f) => f.roles);
  return top;
}

/** Every complete assignment of named columns to slots, best first (ties kept). */
function enumerateAssignments(rule: Rule, roleNames: RoleName[], ctx: RequestContext, mentioned: readonly MentionedColumn[]): Assignment[] {
  const out: Assignment[] = [];
  const slots: Slot[] = [];
  const used = new Map<RoleName, number>();
  // "at month 1", "among cultivar c52", "for shelf 3": one value named after a word that restricts is a
  // filter, never a grouping or a within-subject factor, unless it is one side of a two-level comparison
  // ("is survival higher in females?" sets females against the rest).
  const restrictsOnly = (m: MentionedColumn) =>
    !m.byName && m.levelsNamed.length === 1 && m.hints.has('filter') && (m.info.levels.length >= 3 || !ctx.hasIntent);
  const visit = (i: number, score: number) => {
    if (i === mentioned.length) {
      out.push({ slots: [...slots], score: score + orderBonus(rule, mentioned, slots, ctx) });
      return;
    }
    const m = mentioned[i];
    for (const role of restrictsOnly(m) ? [] : roleNames) {
      const spec = rule.roles[role] as RoleSpec;
      if (!spec.many && (used.get(role) ?? 0) > 0) continue;
      // One level named for an optional grouping ("normal for males") is a filter, not a grouping;
      // likewise for a list of predictors ("ozone on temperature in July": Month = 7 is a filter).
      if ((spec.optional || spec.many) && !m.byName && m.levelsNamed.length === 1) continue;
      // A column named only through its values ("Sept") is grouped or filtered by, never measured.
      // A yes/no outcome is the exception: "predicting patient status", "whether a tumour is malignant"
      // name the two-level outcome through the level modelled, when the request states it as the outcome.
      const binaryOutcome = role === 'outcome' && m.hints.has('outcome') && spec.levels?.max === 2 && !spec.accepts.includes('numeric') && m.levelsNamed.length === 1;
      if (!m.byName && m.levelsNamed.length > 0 && (role === 'outcome' || role === 'x' || role === 'y') && !binaryOutcome) continue;
      // A model's outcome as the request states it ("predict mpg from am", "am ~ wt") is not a predictor, nor the reverse.
      if (rule.roles.predictors && role === 'predictors' && m.hints.has('outcome') && !m.hints.has('predictor')) continue;
      if (rule.roles.predictors && role === 'outcome' && m.hints.has('predictor') && !m.hints.has('outcome')) continue;
      const s = kindFit(spec, m.info) * (m.info.factor && (role === 'before' || role === 'after') ? 0.6 : 1);
      if (s <= 0) continue;
      used.set(role, (used.get(role) ?? 0) + 1);
      slots.push(role);
      visit(i + 1, score + s + hintFit(role, m));
      slots.pop();
      used.set(role, (used.get(role) ?? 0) - 1);
    }
    if (m.levelsNamed.length === 1) {
      slots.push('where');
      visit(i + 1, score + 0.5 + (m.hints.has('filter') ? 0.3 : 0));
      slots.pop();
    }
  };
  visit(0, 0);
  out.sort((a, b) => b.score - a.score);
  // Keep the best few: equal scores matter (ties), lower ones become other options.
  return out.slice(0, 8);
}

/** How well a column fits a role's kinds, 0 when it cannot. */
function kindFit(spec: RoleSpec, info: ColumnInfo): number {
  let best = 0;
  for (const kind of spec.accepts) {
    // A coded factor (few values) is a poor measurement: binary 0/1 least of all.
    if (kind === 'numeric' && info.numeric) best = Math.max(best, !info.factor || info.quantity ? 1 : info.levelCount <= 3 ? 0.6 : info.levelCount <= 5 ? 0.75 : 0.85);
    // A measured quantity with few values (age 3 ... 25) is a grouping only when the request groups by it.
    if (kind === 'factor' && info.factor) best = Math.max(best, info.subject ? 0.85 : info.quantity ? 0.6 : info.schema.kind === 'numeric' ? 0.9 : 1);
    if (kind === 'subject' && info.subject) best = Math.max(best, 1);
  }
  return best;
}

/** Word-order hints for or against a role. */
function hintFit(role: RoleName, m: MentionedColumn): number {
  const group = m.hints.has('group');
  const outcome = m.hints.has('outcome');
  switch (role) {
    case 'outcome':
      return (outcome ? 0.3 : 0) - (group && !outcome ? 0.3 : 0) - (m.hints.has('predictor') && !outcome ? 0.3 : 0);
    case 'group':
    case 'color':
      return (group ? 0.2 : 0) - (outcome ? 0.3 : 0);
    case 'predictors':
      return outcome ? -0.5 : m.hints.has('predictor') ? 0.1 : 0;
    case 'column':
      return 0.05;
    // "controlling for citizenship": what is adjusted for is the stratum, not a row or column of the table.
    case 'strata':
      return m.hints.has('adjusted') ? 0.3 : 0;
    case 'row':
    case 'col':
      return m.hints.has('adjusted') ? -0.3 : 0;
    // Repeated measures: "within each chick", "| Plant" name the subjects; a group marker, the conditions.
    case 'within':
      return (group && !m.hints.has('subject') ? 0.2 : 0) - (outcome ? 0.3 : 0) - (m.hints.has('subject') ? 0.3 : 0);
    case 'subject':
      return (m.hints.has('subject') ? 0.3 : 0) - (outcome ? 0.3 : 0);
    default:
      return 0;
  }
}

/** Symmetric roles follow the request's order (x before y, row before col, before before after). */
function orderBonus(rule: Rule, mentioned: readonly MentionedColumn[], slots: readonly Slot[], ctx: RequestContext): number {
  const pairs: [RoleName, RoleName][] = [
    ['x', 'y'],
    ['row', 'col'],
    ['col', 'strata'],
    ['y', 'covariates'],
    ['before', 'after'],
    ['column', 'group'],
    ['outcome', 'group'],
  ];
  let bonus = 0;
  for (const [first, second] of pairs) {
    const a = slots.indexOf(first);
    const b = slots.indexOf(second);
    // One of a symmetric pair named: it takes the first role, the other is filled in.
    if (a >= 0 && b < 0) bonus += 0.005;
    if (a < 0 || b < 0) continue;
    let inOrder = mentioned[a].position < mentioned[b].position;
    // "plot mpg against wt": the first named is y.
    if (first === 'x' && isFigureRule(rule)) {
      const lo = Math.min(mentioned[a].position, mentioned[b].position);
      const hi = Math.max(mentioned[a].position, mentioned[b].position);
      if (ctx.tokens.slice(lo, hi).some((t) => /^(against|vs|versus)$/.test(t.text))) inOrder = !inOrder;
      // "the regression (line) of loss on tens": as in "regress loss on tens", the first named is y.
      else if (ctx.tokens.slice(lo, hi).some((t) => t.text === 'on') && ctx.tokens.some((t) => /^(regress\w*|regplot|fitted)$/.test(t.text))) inOrder = !inOrder;
      // The outcome the request states goes on the y axis ("prestige on education", "conc over time").
      const stated = (m: MentionedColumn, hint: 'outcome' | 'predictor') => m.hints.has(hint) && !m.hints.has(hint === 'outcome' ? 'predictor' : 'outcome');
      if (stated(mentioned[b], 'outcome') && stated(mentioned[a], 'predictor')) inOrder = true;
      if (stated(mentioned[a], 'outcome') && stated(mentioned[b], 'predictor')) inOrder = false;
    }
    bonus += inOrder ? 0.01 : 0;
  }
  return bonus;
}

function isFigureRule(rule: Rule): boolean {
  return rule.family === 'figure';
}

/**
 * The levels of a column whose rows a request keeps: the levels it names, or, when some are named
 * after an exclusion ("excluding the African group"), every level but those.
 */
function levelsKept(m: MentionedColumn): string[] {
  return m.levelsExcluded ? m.info.levels.filter((l) => !m.levelsExcluded?.includes(l)) : m.levelsNamed;
}

/** Turns one assignment into a fit: completions, levels, pairing, facts and options. */
function buildFit(rule: Rule, roleNames: RoleName[], ctx: RequestContext, mentioned: readonly MentionedColumn[], a: Assignment): Fit | undefined {
  const roles: Roles = {};
  const byRole = new Map<RoleName, MentionedColumn[]>();
  const where: RowFilter[] = [];
  const refinements: string[] = [];
  a.slots.forEach((slot, i) => {
    const m = mentioned[i];
    if (slot === 'where') {
      where.push({ column: m.info.name, op: m.hints.has('exclude') ? '!=' : '=', value: m.levelsNamed[0] });
      refinements.push(m.hints.has('exclude') ? `rows of ${m.info.name} = ${m.levelsNamed[0]} left out (as asked)` : `rows restricted to ${m.info.name} = ${m.levelsNamed[0]} (named in the request)`);
      return;
    }
    const list = byRole.get(slot) ?? [];
    list.push(m);
    byRole.set(slot, list);
  });
  const usedColumns = new Set(mentioned.map((m) => m.info.name));
  for (const [role, list] of byRole) {
    if (role === 'predictors') roles.predictors = list.map((m) => m.info.name);
    else if (role === 'covariates') roles.covariates = list.map((m) => m.info.name);
    else if (role === 'factors') roles.factors = list.map((m) => m.info.name);
    else (roles as Record<string, string>)[role] = list[0].info.name;
  }
  // Level counts and level restriction of the group role.
  let levels: string[] | undefined;
  let k: number | undefined;
  let restrict = false;
  for (const role of roleNames) {
    const spec = rule.roles[role] as RoleSpec;
    const list = byRole.get(role);
    if (!list || !spec.levels) continue;
    for (const m of list) {
      // "Among people intending to vote Yes or No, logistic regression of the vote on ...": the outcome
      // named is kept, restricted to the levels named (the others' rows left out), never swapped.
      const keptNamed = levelsKept(m);
      const namedOutcome = role === 'outcome' && m.info.factor && keptNamed.length >= 2 && keptNamed.length < m.info.levelCount;
      const named = (keptNamed.length >= 2 && role === 'group') || namedOutcome ? keptNamed : undefined;
      const count = named ? named.length : m.info.levelCount;
      if ((spec.levels.min !== undefined && count < spec.levels.min) || (spec.levels.max !== undefined && count > spec.levels.max)) return undefined;
      if (namedOutcome) {
        for (const value of m.info.levels.filter((l) => !keptNamed.includes(l))) where.push({ column: m.info.name, op: '!=', value });
        refinements.push(m.levelsExcluded ? `rows of ${m.info.name} left out: ${m.levelsExcluded.join(', ')} (as asked)` : `rows of ${m.info.name} kept: ${keptNamed.join(', ')} (named in the request)`);
      }
      if (role === 'group') {
        k = count;
        levels = named ?? [...m.info.levels].sort(compareNatural);
        restrict = named !== undefined && named.length < m.info.levelCount;
      }
    }
  }
  // A column named only through several levels must be the group: a filter holds one value.
  for (const [role, list] of byRole) {
    for (const m of list) if (!m.byName && m.levelsNamed.length >= 2 && role !== 'group' && role !== 'row' && role !== 'col' && role !== 'column' && role !== 'color') return undefined;
  }
  const missing: Fit['missing'] = [];
  let completed = 0;
  let structuralPairing = false;
  for (const role of roleNames) {
    const spec = rule.roles[role] as RoleSpec;
    if (byRole.has(role) || spec.optional || spec.fromPairing) continue;
    const eligible = (c: ColumnInfo) =>
      !usedColumns.has(c.name) &&
      kindFit(spec, c) > 0 &&
      !(spec.accepts.includes('numeric') && !spec.accepts.includes('factor') && c.factor && !c.quantity && hasPlainNumeric(ctx.columns, usedColumns)) &&
      // A subject column ("patient", "block") is a group only when the request names it.
      !(c.subject && !spec.accepts.includes('subject'));
    const any = ctx.columns.filter(eligible);
    const fitting = any.filter((c) => levelsOk(spec, c));
    if (fitting.length === 0) return undefined;
    // Several columns could fill the role (whatever their level counts): the request must say which.
    if (any.length > 1) {
      missing.push({ role, candidates: any.map((c) => c.name) });
      continue;
    }
    const c = fitting[0];
    if (role === 'predictors') roles.predictors = [c.name];
    else if (role === 'covariates') roles.covariates = [c.name];
    else if (role === 'factors') roles.factors = [c.name];
    else (roles as Record<string, string>)[role] = c.name;
    usedColumns.add(c.name);
    completed++;
    refinements.push(`${role}: ${c.name} is the only column that fits (not named in the request)`);
    if (role === 'group') {
      k = c.levelCount;
      levels = [...c.levels].sort(compareNatural);
    }
  }
  // A list role that takes a number of columns (two or three crossed factors); a subject column
  // ("plant", "patient") is nested in the design, never crossed, so it is not one of them.
  for (const role of roleNames) {
    const count = (rule.roles[role] as RoleSpec).count;
    const value = roles[role];
    if (!count || missing.some((m) => m.role === role)) continue;
    const names = Array.isArray(value) ? value : value === undefined ? [] : [value];
    if ((count.min !== undefined && names.length < count.min) || (count.max !== undefined && names.length > count.max)) return undefined;
    if (names.some((name) => ctx.columns.find((c) => c.name === name)?.subject)) return undefined;
  }
  const groupName = roles.group;
  const groupColumn = groupName ? ctx.columns.find((c) => c.name === groupName) : undefined;
  const pairStructure = groupColumn && roles.outcome && k === 2 ? findPairing(ctx.columns, groupColumn, levels ?? groupColumn.levels, usedColumns) : undefined;
  // Three or more groups with a subject column crossed with them (each subject once under every level): repeated measures.
  const repeatedStructure = groupColumn && roles.outcome && (k ?? 0) >= 3 ? findRepeated(ctx.columns, groupColumn, usedColumns) : undefined;
  // An independent-groups test on data that look paired: kept only to be offered next to the paired one.
  const conflictWith = pairStructure ?? repeatedStructure;
  const pairingConflict = rule.design === 'independent' && conflictWith && !ctx.cues.has('independent_samples') ? conflictWith.name : undefined;
  for (const role of roleNames) {
    const spec = rule.roles[role] as RoleSpec;
    if (!spec.fromPairing || byRole.has(role) || (role === 'subject' && roles.within)) continue;
    if (!pairStructure) return undefined;
    (roles as Record<string, string>)[role] = pairStructure.name;
    structuralPairing = true;
    refinements.push(`paired by ${pairStructure.name}: each of its ${pairStructure.schema.distinct} values appears once in every group of ${roles.group}`);
  }
  // Repeated measures in long format: the subjects may come from the structure; a condition column
  // whose level holds more rows than there are subjects cannot vary within subjects.
  let withinStructure = false;
  const withinColumn = roles.within ? ctx.columns.find((c) => c.name === roles.within) : undefined;
  if (withinColumn) {
    // A numeric column with many values is a measurement, not a set of conditions ("weight over time").
    if (!withinColumn.factor && withinColumn.schema.distinct > MAX_NUMERIC_CONDITIONS) return undefined;
    const named = roles.subject ? ctx.columns.find((c) => c.name === roles.subject) : undefined;
    const found = named ? (crossesAsSubjects(named, withinColumn) ? named : undefined) : findRepeated(ctx.columns, withinColumn, usedColumns);
    const spec = rule.roles.subject;
    if (spec?.fromPairing && !byRole.has('subject')) {
      if (!found) return undefined;
      roles.subject = found.name;
      structuralPairing = true;
      refinements.push(`repeated measures: each of the ${found.schema.distinct} values of ${found.name} appears once under every level of ${withinColumn.name}`);
    }
    const subjectColumn = roles.subject ? ctx.columns.find((c) => c.name === roles.subject) : undefined;
    // Rows restricted to one level of another column ("control runs only") keep about that level's share of each condition's rows.
    const share = where.reduce((q, w) => {
      const c = ctx.columns.find((x) => x.name === w.column);
      const l = c?.schema.levels?.find((v) => v.value === String(w.value));
      return c && l && c.schema.n > 0 ? q * (w.op === '=' ? l.count / c.schema.n : 1 - l.count / c.schema.n) : q;
    }, 1);
    if (subjectColumn && (withinColumn.schema.levels ?? []).some((l) => l.count * share > subjectColumn.schema.distinct + 1e-9)) return undefined;
    withinStructure = found !== undefined && found.name === roles.subject;
  }
  const ordered: Roles = {};
  for (const r of ROLE_NAMES) if (roles[r] !== undefined) (ordered as Record<string, unknown>)[r] = roles[r];
  // Two measurements whose names say when (Prewt, Postwt; pretest.1, post.test.1): the earlier is
  // `before`, whatever the word order (time-order.ts); a stated direction turns with them.
  const timeSwapped = ordered.before !== undefined && ordered.after !== undefined && isEarlierByName(ordered.before, ordered.after) === false;
  if (timeSwapped) [ordered.before, ordered.after] = [ordered.after, ordered.before];

  const facts = new Set<string>();
  if (ctx.mu !== undefined) facts.add('@mu');
  if (ctx.expectedShares !== undefined) facts.add('@expected_shares');
  if (ctx.formula) facts.add('@formula');
  if (hasInteraction(ctx)) facts.add('@interaction');
  if (!ctx.hasIntent) facts.add('@no_intent');
  if (ctx.versusOnly) facts.add('@versus_only');
  if (structuralPairing && !withinColumn) facts.add('@paired_structure');
  if (withinStructure) facts.add('@repeated_structure');
  if (ordered.before && ordered.after && isWidePair(ordered.before, ordered.after)) facts.add('@wide_pair');
  let small: string | undefined;
  if (ordered.row && ordered.col) {
    const expected = minExpected(ctx.columns, ordered.row, ordered.col);
    if (expected !== undefined && expected < 5) {
      facts.add('@small_expected');
      small = `; the smallest expected count is about ${expected.toFixed(1)}, below 5`;
    }
  }

  // Levels named of a table's row or column ("treatment B than A"): the other levels' rows are left out.
  for (const role of ['row', 'col'] as const) {
    const m = byRole.get(role)?.[0];
    const kept = m ? levelsKept(m) : [];
    if (!m || kept.length < 2 || kept.length >= m.info.levelCount) continue;
    const others = m.info.levels.filter((l) => !kept.includes(l));
    for (const value of others) where.push({ column: m.info.name, op: '!=', value });
    refinements.push(m.levelsExcluded ? `rows of ${m.info.name} left out: ${m.levelsExcluded.join(', ')} (as asked)` : `rows of ${m.info.name} kept: ${kept.join(', ')} (named in the request)`);
  }
  const options: Partial<AnalysisOptions> = {};
  if (where.length > 0) options.where = where;
  if (ctx.confLevel !== undefined) {
    options.confLevel = ctx.confLevel;
    refinements.push(`confidence level ${ctx.confLevel}`);
  }
  if (rule.needsMu && ctx.mu !== undefined) {
    options.mu = ctx.mu.percent && rule.family === 'proportion' ? ctx.mu.value / 100 : ctx.mu.value;
    refinements.push(`test value mu = ${ctx.mu.value} (from "${ctx.mu.text}")`);
  }
  let directionUnclear = false;
  const directionAsked = applyDirection(rule, timeSwapped ? { ...ctx, fromTo: !ctx.fromTo } : ctx, ordered, byRole, options, refinements, levels, (l) => (levels = l), () => (restrict = true), () => (directionUnclear = true));
  if (restrict && levels) {
    options.levels = levels;
    if (!refinements.some((r) => r.startsWith('levels'))) refinements.push(`levels of ${ordered.group} kept: ${levels.join(', ')} (named in the request)`);
  }
  if (ctx.cues.has('exact') && /mann_whitney|wilcoxon|spearman|kendall/.test(rule.task)) options.exact = true;
  if (rule.task === 'chi2_gof' && ctx.expectedShares && ctx.expectedShares.column === ordered.column) {
    options.expected = ctx.expectedShares.values;
    refinements.push(`expected proportions ${ctx.expectedShares.values.join(', ')} (as stated, in the levels' natural order)`);
  }
  if (rule.options) Object.assign(options, rule.options);
  if (rule.task.startsWith('power_')) Object.assign(options, readPowerOptions(ctx.prompt, rule.task, ctx.confLevel));
  return {
    rule,
    roles: ordered,
    score: a.score,
    ties: [],
    options,
    facts,
    refinements,
    missing,
    levels,
    k,
    completed,
    structuralPairing,
    small,
    directionUnclear,
    pairingConflict,
    ...(directionAsked ? { directionAsked } : {}),
  };
}

/**
 * Power terms of a formula ("y ~ x + x^2", "y ~ x + I(x^3)"): each column raised to a power after the
 * "~", with the highest power written for it and whether its linear term is written too.
 */
export function formulaPowers(ctx: RequestContext): { column: string; degree: number; text: string; linear: boolean; terms: string[] }[] {
  const tilde = ctx.tokens.findIndex((t) => t.text === '~');
  if (tilde < 0) return [];
  const out: { column: string; degree: number; text: string; linear: boolean; terms: string[] }[] = [];
  const linear = (column: string) => ctx.mentions.some((m) => m.via === 'name' && m.column === column && m.start > tilde && ctx.tokens[m.end]?.text !== '^');
  for (const m of ctx.mentions) {
    if (m.via !== 'name' || m.start <= tilde || ctx.tokens[m.end]?.text !== '^') continue;
    const power = ctx.tokens[m.end + 1];
    if (power?.kind !== 'number' || power.value === undefined || !Number.isInteger(power.value) || power.value < 2) continue;
    const text = `${m.column}^${power.raw}`;
    const known = out.find((o) => o.column === m.column);
    if (!known) out.push({ column: m.column, degree: power.value, text, linear: linear(m.column), terms: [text] });
    else {
      if (!known.terms.includes(text)) known.terms.push(text);
      if (power.value > known.degree) Object.assign(known, { degree: power.value, text });
    }
  }
  return out;
}

/** "y ~ a * b", "a:b", or the word "interaction": the request asks about an interaction. */
export function hasInteraction(ctx: RequestContext): boolean {
  const tilde = ctx.tokens.findIndex((t) => t.text === '~');
  const star = tilde >= 0 && ctx.tokens.some((t, i) => i > tilde && (t.text === '*' || t.text === ':'));
  return star || ctx.tokens.some((t) => /^interact/.test(t.text));
}

/** Whether the dataset has a numeric column that is not a coded factor and is not yet used. */
function hasPlainNumeric(columns: readonly ColumnInfo[], used: ReadonlySet<string>): boolean {
  return columns.some((c) => c.numeric && (!c.factor || c.quantity) && !used.has(c.name));
}

function levelsOk(spec: RoleSpec, c: ColumnInfo): boolean {
  if (!spec.levels || !spec.accepts.includes('factor') || !c.factor) return true;
  return (spec.levels.min === undefined || c.levelCount >= spec.levels.min) && (spec.levels.max === undefined || c.levelCount <= spec.levels.max);
}

/**
 * Direction words ("greater", "improve"): the level order they imply is kept, and the direction is
 * recorded for the sentence; the test stays two-sided unless the request asks for a one-sided test in
 * so many words ("one-sided", "one-tailed", "directional test"), #18 S1.
 */
function applyDirection(
  rule: Rule,
  ctx: RequestContext,
  roles: Roles,
  byRole: Map<RoleName, MentionedColumn[]>,
  options: Partial<AnalysisOptions>,
  refinements: string[],
  levels: string[] | undefined,
  setLevels: (l: string[]) => void,
  markRestrict: () => void,
  unclear: () => void,
): DirectionAsked | undefined {
  // "improve from pre to post": the second is expected to be greater, so first minus second is less.
  const direction = ctx.direction && ctx.fromTo ? (ctx.direction === 'greater' ? 'less' : 'greater') : ctx.direction;
  if (!direction) return undefined;
  const explicit = ctx.cues.has('one_sided');
  const sign = direction === 'greater' ? '>' : '<';
  const asked = (statement: string): DirectionAsked | undefined => {
    if (explicit) {
      options.alternative = direction;
      refinements.push(`one-sided, as asked: ${statement}`);
      return undefined;
    }
    refinements.push(`the request states a direction (${statement}); tested two-sided, as a one-sided test needs to be asked for ("one-sided")`);
    return { direction, statement };
  };
  const family = rule.family ?? '';
  if (family === 'correlation') {
    const signed = ctx.cues.has('positive') || ctx.cues.has('negative');
    return signed || explicit ? asked(`${direction === 'greater' ? 'positive' : 'negative'} association`) : undefined;
  }
  if (family === 'one-sample' && ctx.mu !== undefined) return asked(`${roles.column ?? 'the mean'} ${sign} ${ctx.mu.value}`);
  if (family === 'paired' && roles.before && roles.after) return asked(`${roles.before} ${sign} ${roles.after}`);
  if ((family === 'two-groups' || family === 'paired') && roles.group) {
    const group = byRole.get('group')?.[0];
    // "volunteers ... than non-volunteers" for a yes/no column: the side said first, kept in the levels'
    // own order with the direction turned when that side is the second level.
    const side = explicit && group && levels?.length === 2 ? namedSide(group, ctx.tokens) : undefined;
    if (side !== undefined && levels) {
      const natural = [...levels].sort(compareNatural);
      const other = natural.find((l) => l !== side) as string;
      const turned = natural[0] === side ? direction : direction === 'greater' ? 'less' : 'greater';
      setLevels(natural);
      options.alternative = turned;
      refinements.push(`one-sided, as asked: ${roles.outcome ?? 'the outcome'}: ${side} ${sign} ${other} ("${group?.texts[0]}" is ${roles.group} = ${side}); levels ${natural.join(', ')}, first minus second`);
      return undefined;
    }
    if (!group || group.levelsNamed.length === 0 || !levels) {
      if (explicit) unclear();
      return undefined;
    }
    let order = group.levelsNamed.length >= 2 ? [...group.levelsNamed] : [group.levelsNamed[0], ...levels.filter((l) => l !== group.levelsNamed[0])];
    order = order.slice(0, 2);
    if (order.length !== 2) return undefined;
    setLevels(order);
    markRestrict();
    refinements.push(`levels ${order.join(', ')} in the order of the request (first level minus second)`);
    return asked(`${roles.outcome ?? 'the outcome'}: ${order[0]} ${sign} ${order[1]}`);
  }
  return undefined;
}

/** A subject column with each subject once in every group: the schema shows a paired (long) design. */
function findPairing(columns: readonly ColumnInfo[], group: ColumnInfo, levels: readonly string[], used: ReadonlySet<string>): ColumnInfo | undefined {
  const counts = new Map((group.schema.levels ?? []).map((l) => [l.value, l.count]));
  for (const c of columns) {
    if (!c.subject || used.has(c.name) || c.name === group.name) continue;
    const subjects = c.schema.distinct;
    if (subjects < 2 || subjects >= c.schema.n) continue;
    if (levels.every((l) => counts.get(l) === subjects)) return c;
  }
  return undefined;
}

/**
 * A subject column crossed with a factor of three or more levels, each subject once under every level
 * (a long-format repeated-measures design), from the schema's counts: every level of the factor holds
 * as many rows as the column has values, and every value of the column (when the schema counts them)
 * appears once per level. The column is a subject column (an id, or a subject word in its name) or a
 * categorical one ("Plant"); numeric codes (positions, doses) are not taken for subjects.
 */
function findRepeated(columns: readonly ColumnInfo[], factor: ColumnInfo, used: ReadonlySet<string>): ColumnInfo | undefined {
  return columns.find((c) => !used.has(c.name) && crossesAsSubjects(c, factor) && !indexesCells(columns, c, factor));
}

/**
 * A column with as many values as the factor's levels times another factor's (12 plots = 4 depths x 3
 * contours) numbers the design's cells, each cell at one level of the factor: plots nested in depths,
 * not subjects measured at every depth (the counts alone look the same).
 */
function indexesCells(columns: readonly ColumnInfo[], c: ColumnInfo, factor: ColumnInfo): boolean {
  const cells = c.schema.distinct;
  return columns.some((o) => o !== c && o !== factor && o.factor && !o.subject && o.levelCount >= 2 && o.levelCount * factor.levelCount === cells && (o.schema.levels ?? []).every((l) => l.count === c.schema.n / o.levelCount));
}

/** Whether column `c` holds subjects each measured once under every level of `factor` (see findRepeated). */
function crossesAsSubjects(c: ColumnInfo, factor: ColumnInfo): boolean {
  const levels = factor.schema.levels ?? [];
  if (levels.length < 2 || c.name === factor.name) return false;
  if (!c.subject && !(c.factor && c.schema.kind === 'categorical')) return false;
  const subjects = c.schema.distinct;
  if (subjects < 3 || subjects >= c.schema.n) return false;
  if (!levels.every((l) => l.count === subjects)) return false;
  return !c.schema.levels || c.schema.levels.every((l) => l.count === levels.length);
}

/**
 * A name that is a qualifier glued to the consonants of another column's name: `repwt` (reported
 * weight) beside `weight`, `repht` beside `height`: the same quantity measured another way.
 */
function isQualifiedName(name: string, other: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z]/g, '');
  const o = other.toLowerCase().replace(/[^a-z]/g, '');
  // Look-alike words (weight, height) are two quantities.
  if (o.length < 4 || n.length >= o.length + 4 || editDistance(n, o) <= 2) return false;
  for (let k = 2; k <= n.length - 2; k++) {
    const tail = n.slice(k);
    if (tail[0] !== o[0] || /[aeiouy]/.test(tail.slice(1))) continue;
    let i = 0;
    for (const ch of o) if (ch === tail[i]) i++;
    if (i === tail.length) return true;
  }
  return false;
}

/** Two column names that differ only by a time or index word (pre/post, before/after, drug1/drug2), or by a qualifier (repwt/weight). */
export function isWidePair(a: string, b: string): boolean {
  // A time word glued to the measurement is a piece of its own: pretest.1 -> pre test 1, Postwt -> post wt.
  const piecesOf = (name: string) =>
    name.toLowerCase().replace(/([a-z])(\d)/g, '$1 $2').replace(/(^|[^a-z])(pre|post)(?=[a-z]{2})/g, '$1$2 ').split(/[^a-z0-9]+/).filter(Boolean);
  const wa = piecesOf(a);
  const wb = piecesOf(b);
  const time = /^(\d+|pre|post|before|after|baseline|followup|follow|first|second|initial|final|start|end|t\d|time\d|week\d+|day\d+)$/;
  if (isQualifiedName(a, b) || isQualifiedName(b, a)) return true;
  if (wa.length !== wb.length) return false;
  let differences = 0;
  for (let i = 0; i < wa.length; i++) {
    if (wa[i] === wb[i]) continue;
    if (!time.test(wa[i]) || !time.test(wb[i])) return false;
    differences++;
  }
  return differences === 1 || (wa.length === 1 && time.test(wa[0]) && time.test(wb[0]));
}

/** The smallest expected count of a 2x2 table from the level counts (undefined for larger tables). */
function minExpected(columns: readonly ColumnInfo[], row: string, col: string): number | undefined {
  const r = columns.find((c) => c.name === row)?.schema.levels;
  const c = columns.find((x) => x.name === col)?.schema.levels;
  if (!r || !c || r.length !== 2 || c.length !== 2) return undefined;
  const nr = r.reduce((s, l) => s + l.count, 0);
  const nc = c.reduce((s, l) => s + l.count, 0);
  const n = Math.min(nr, nc);
  if (n === 0) return undefined;
  // Expected counts from the margins; both columns' missing values make this approximate.
  const minRow = Math.min(...r.map((l) => (l.count * n) / nr));
  const minCol = Math.min(...c.map((l) => (l.count * n) / nc));
  return (minRow * minCol) / n;
}

/** A stable key of a role map. */
export function rolesKey(roles: Roles): string {
  return ROLE_NAMES.map((r) => `${r}=${Array.isArray(roles[r]) ? (roles[r] as string[]).join('+') : (roles[r] ?? '')}`).join('|');
}
