/**
 * The shape of the model's answer: a zod schema whose enums are the allowed task ids and the
 * dataset's real column names (sent as JSON Schema for structured output, and used again to
 * validate what comes back), plus the checks a schema cannot express (roles the task needs, kinds).
 * An answer that fails is rejected, never repaired.
 */
import * as z from 'zod';
import { InferraError } from '../errors.js';
import { ANALYSIS_IDS, FIGURE_IDS, type DatasetSchema, type Roles, type TaskId } from '../types.js';
import { TASKS as TASK_CATALOGUE } from '../contract/index.js';

const TASKS = [...ANALYSIS_IDS, ...FIGURE_IDS] as const;

/** The role names in the answer (snake_case, as in the CLI's JSON). */
const ANSWER_ROLES = ['outcome', 'group', 'x', 'y', 'predictors', 'pair_id', 'before', 'after', 'row', 'col', 'column', 'color'] as const;

/** Builds the answer schema for a dataset: enums of tasks and of the dataset's column names. */
export function buildAnswerSchema(schema: DatasetSchema) {
  const names = schema.columns.map((c) => c.name);
  // z.enum needs at least one value; a dataset without columns can name none.
  const column = names.length > 0 ? z.enum(names as [string, ...string[]]).nullable() : z.null();
  const roleShape = Object.fromEntries(
    ANSWER_ROLES.map((r) => [r, r === 'predictors' ? (names.length > 0 ? z.array(z.enum(names as [string, ...string[]])).nullable() : z.null()) : column]),
  );
  return z
    .object({
      analysis: z.enum(TASKS),
      roles: z.object(roleShape).strict(),
      alternative: z.enum(['two-sided', 'less', 'greater']).nullable(),
      mu: z.number().nullable(),
      conf_level: z.number().gt(0).lt(1).nullable(),
      rationale: z.string().max(600),
    })
    .strict();
}

/** The answer as the model sends it. */
export type LlmAnswer = z.infer<ReturnType<typeof buildAnswerSchema>>;

/** The JSON Schema for `text.format` (zod 4's `z.toJSONSchema`, without the `$schema` key). */
export function buildAnswerJsonSchema(schema: DatasetSchema): Record<string, unknown> {
  const json = z.toJSONSchema(buildAnswerSchema(schema)) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** Parses and validates the model's output text; throws `llm-malformed-answer` / `llm-invalid-answer` / `llm-unknown-column`. */
export function parseAnswer(text: string, schema: DatasetSchema): { analysis: TaskId; roles: Roles; answer: LlmAnswer } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InferraError('llm-malformed-answer', { detail: (error as Error).message }, { cause: error });
  }
  // Name the column that does not exist before anything else: it is the likeliest failure.
  const names = new Set(schema.columns.map((c) => c.name));
  const rolesRaw = (raw as { roles?: Record<string, unknown> } | null)?.roles;
  if (rolesRaw && typeof rolesRaw === 'object') {
    for (const value of Object.values(rolesRaw)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === 'string' && !names.has(v)) throw new InferraError('llm-unknown-column', { column: v });
      }
    }
  }
  const parsed = buildAnswerSchema(schema).safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new InferraError('llm-invalid-answer', { detail });
  }
  const answer = parsed.data;
  const roles: Roles = {};
  for (const [key, value] of Object.entries(answer.roles)) {
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    (roles as Record<string, unknown>)[key === 'pair_id' ? 'pairId' : key] = value;
  }
  validateRolesForTask(answer.analysis, roles, schema);
  return { analysis: answer.analysis, roles, answer };
}

const NUMERIC_ROLES = new Set<keyof Roles>(['outcome', 'x', 'y', 'before', 'after']);
const FACTOR_ROLES = new Set<keyof Roles>(['group', 'row', 'col', 'color']);

/** The roles a task needs are present, and numeric / grouping roles name columns of a fitting kind. */
function validateRolesForTask(task: TaskId, roles: Roles, schema: DatasetSchema): void {
  const present = (r: keyof Roles) => roles[r] !== undefined;
  if (!TASK_CATALOGUE[task].roleSets.some((set) => set.every(present))) {
    const wanted = TASK_CATALOGUE[task].roleSets.map((set) => set.join(' + ')).join(' or ');
    throw new InferraError('llm-invalid-answer', { detail: `${task} needs ${wanted}` });
  }
  for (const [role, value] of Object.entries(roles) as [keyof Roles, string | string[]][]) {
    for (const name of Array.isArray(value) ? value : [value]) {
      const column = schema.columns.find((c) => c.name === name);
      if (!column) throw new InferraError('llm-unknown-column', { column: name });
      if (NUMERIC_ROLES.has(role) && column.kind !== 'numeric') {
        throw new InferraError('llm-invalid-answer', { detail: `role ${role} names '${name}', which is ${column.kind}, not numeric` });
      }
      const groupable = column.kind === 'categorical' || column.kind === 'boolean' || (column.kind === 'numeric' && column.usableAsGroup);
      if (FACTOR_ROLES.has(role) && !groupable) {
        throw new InferraError('llm-invalid-answer', { detail: `role ${role} names '${name}', which cannot group rows` });
      }
    }
  }
}
