/**
 * Loading the decision rules: every `rules/*.json` file is validated against
 * `rules/rules.schema.json` (ajv) and typed with zod, then merged in a deterministic order
 * (cues, lexicon and rules sorted by id or word, never by file order).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import * as z from 'zod';
import { InferraError } from '../errors.js';
import { FIGURE_IDS, ANALYSIS_IDS } from '../types.js';
import type { RuleSet } from './types.js';

const SCHEMA_FILE = 'rules.schema.json';

/** Facts the engine computes itself; rules may name them in `when` with a leading `@`. */
export const ENGINE_FACTS = ['@mu', '@paired_structure', '@wide_pair', '@small_expected', '@no_intent', '@formula', '@repeated_structure', '@versus_only', '@interaction', '@expected_shares'] as const;

const roleSpecSchema = z.object({
  accepts: z.array(z.enum(['numeric', 'factor', 'subject'])).min(1),
  optional: z.boolean().optional(),
  many: z.boolean().optional(),
  levels: z.object({ min: z.number().int().optional(), max: z.number().int().optional() }).optional(),
  count: z.object({ min: z.number().int().optional(), max: z.number().int().optional() }).optional(),
  fromPairing: z.boolean().optional(),
});

const ruleSchema = z.object({
  id: z.string(),
  task: z.enum([...ANALYSIS_IDS, ...FIGURE_IDS]),
  family: z.string().optional(),
  description: z.string().optional(),
  priority: z.number().int(),
  when: z
    .object({ all: z.array(z.string()).optional(), any: z.array(z.string()).optional(), none: z.array(z.string()).optional() })
    .optional(),
  roles: z.partialRecord(
    z.enum(['outcome', 'group', 'x', 'y', 'predictors', 'pairId', 'before', 'after', 'row', 'col', 'column', 'color', 'strata', 'within', 'subject', 'covariates', 'factors']),
    roleSpecSchema,
  ),
  design: z.enum(['independent', 'paired', 'any']).optional(),
  needsMu: z.boolean().optional(),
  seeAlso: z.array(z.string()).optional(),
  options: z.object({ distribution: z.enum(['normal', 'uniform', 'exponential', 'gamma']).optional(), pAdjust: z.enum(['holm', 'bonferroni', 'BH', 'none']).optional(), ssType: z.union([z.literal(2), z.literal(3)]).optional() }).optional(),
  explanation: z.string(),
});

const fileSchema = z.object({
  $schema: z.string().optional(),
  description: z.string().optional(),
  cues: z
    .array(
      z.object({
        id: z.string(),
        description: z.string().optional(),
        intent: z.boolean().optional(),
        names: z.array(z.enum([...ANALYSIS_IDS, ...FIGURE_IDS])).optional(),
        phrases: z.array(z.string()),
      }),
    )
    .optional(),
  lexicon: z.array(z.object({ word: z.string(), means: z.array(z.string()), tieBreak: z.boolean().optional(), level: z.boolean().optional() })).optional(),
  rules: z.array(ruleSchema).optional(),
  words: z
    .object({
      function: z.array(z.string()).optional(),
      role: z.array(z.string()).optional(),
      harmless: z.array(z.string()).optional(),
      units: z.array(z.string()).optional(),
      suffixes: z.array(z.string()).optional(),
      subject: z.array(z.string()).optional(),
      timePoints: z.array(z.string()).optional(),
      timeNames: z.array(z.string()).optional(),
      unsupported: z.array(z.string()).optional(),
      responseNames: z.array(z.string()).optional(),
      derivedNames: z.array(z.string()).optional(),
    })
    .optional(),
});

/** The folder holding the repository's `rules/`, from source (`kernel/decide/`) or a bundle in `dist/`. */
export function findRulesDir(): string {
  const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..', 'rules'), join(here, '..', 'rules'), join(here, 'rules')];
  for (const dir of candidates) {
    if (existsSync(join(dir, SCHEMA_FILE))) return dir;
  }
  throw new InferraError('rules-not-found', { dir: candidates[0] });
}

/** Loads, validates and merges every `*.json` rules file of a folder (default: the repository's `rules/`). */
export function loadRules(dir: string = findRulesDir()): RuleSet {
  const schemaPath = join(dir, SCHEMA_FILE);
  if (!existsSync(schemaPath)) throw new InferraError('rules-not-found', { dir });
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
    .sort();
  if (files.length === 0) throw new InferraError('rules-not-found', { dir });
  const merged: RuleSet = { cues: [], lexicon: [], rules: [], words: { function: [], role: [], harmless: [], units: [], suffixes: [], subject: [], timePoints: [], timeNames: [], unsupported: [], responseNames: [], derivedNames: [] } };
  const seen = { cue: new Set<string>(), rule: new Set<string>() };
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new InferraError('rules-invalid', { file, detail: (error as Error).message }, { cause: error });
    }
    if (!validate(raw)) {
      const detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      throw new InferraError('rules-invalid', { file, detail });
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) throw new InferraError('rules-invalid', { file, detail: parsed.error.message });
    for (const cue of parsed.data.cues ?? []) {
      if (seen.cue.has(cue.id)) throw new InferraError('rules-duplicate-id', { what: 'cue', id: cue.id, file });
      seen.cue.add(cue.id);
      merged.cues.push(cue);
    }
    for (const rule of parsed.data.rules ?? []) {
      if (seen.rule.has(rule.id)) throw new InferraError('rules-duplicate-id', { what: 'rule', id: rule.id, file });
      seen.rule.add(rule.id);
      merged.rules.push(rule as RuleSet['rules'][number]);
    }
    merged.lexicon.push(...(parsed.data.lexicon ?? []));
    for (const kind of ['function', 'role', 'harmless', 'units', 'suffixes', 'subject', 'timePoints', 'timeNames', 'unsupported', 'responseNames', 'derivedNames'] as const) merged.words[kind].push(...(parsed.data.words?.[kind] ?? []));
  }
  validateCueReferences(merged);
  merged.cues.sort((a, b) => compareText(a.id, b.id));
  merged.rules.sort((a, b) => compareText(a.id, b.id));
  for (const kind of ['function', 'role', 'harmless', 'units', 'suffixes', 'subject', 'timePoints', 'timeNames', 'unsupported'] as const) merged.words[kind] = [...new Set(merged.words[kind])].sort(compareText);
  merged.lexicon.sort((a, b) => compareText(a.word, b.word) || compareText(a.means.join(' '), b.means.join(' ')));
  return merged;
}

/** Every cue a rule names exists (or is an engine fact). */
function validateCueReferences(set: RuleSet): void {
  const known = new Set<string>([...set.cues.map((c) => c.id), ...ENGINE_FACTS]);
  for (const rule of set.rules) {
    for (const cue of [...(rule.when?.all ?? []), ...(rule.when?.any ?? []), ...(rule.when?.none ?? [])]) {
      if (!known.has(cue)) throw new InferraError('rules-unknown-cue', { rule: rule.id, cue });
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

let cached: RuleSet | undefined;

/** The repository's rules, loaded once. */
export function defaultRules(): RuleSet {
  cached ??= loadRules();
  return cached;
}
