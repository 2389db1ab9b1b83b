/** Checks shared by the figure tests: Vega-Lite v6 schema validation, compilation without warnings, headless SVG. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../../../kernel/report/render.js';

// The package's exports do not list the schema file, so it is read from its path in node_modules.
const schemaPath = new URL('../../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url);
let validate: ((spec: unknown) => boolean) & { errors?: unknown } | undefined;

/** Validates a spec against the Vega-Lite v6 JSON schema shipped with vega-lite (ajv, strict: false). */
export function assertSchemaValid(spec: Record<string, unknown>): void {
  if (!validate) {
    const ajv = new (Ajv as unknown as typeof Ajv.default)({ strict: false, allErrors: false, validateFormats: false });
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  }
  const ok = validate(spec);
  assert.ok(ok, `schema errors: ${JSON.stringify(validate.errors)?.slice(0, 1500)}`);
}

/** Compiles with vega-lite and returns the warnings it logged (a clean spec logs none). */
export function compileWarnings(spec: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  const logger = {
    level() {
      return this;
    },
    info() {
      return this;
    },
    debug() {
      return this;
    },
    warn(...args: unknown[]) {
      warnings.push(args.map(String).join(' '));
      return this;
    },
    error(...args: unknown[]) {
      warnings.push(`error: ${args.map(String).join(' ')}`);
      return this;
    },
  };
  compile(spec as unknown as TopLevelSpec, { logger: logger as never });
  return warnings;
}

/** Everything a figure spec must satisfy, returning its SVG for content checks. */
export async function assertRenderableSpec(spec: Record<string, unknown>): Promise<string> {
  assert.equal(spec.$schema, 'https://vega.github.io/schema/vega-lite/v6.json');
  assert.equal((spec.config as Record<string, unknown> | undefined)?.background, undefined, 'no background in notebook specs');
  const json = JSON.stringify(spec);
  assert.ok(!/"url"\s*:/.test(json), 'data must be inline, not fetched');
  assertSchemaValid(spec);
  assert.deepEqual(compileWarnings(spec), []);
  const svg = await renderSvg(spec);
  assert.ok(svg.startsWith('<svg') && svg.length > 1000, 'non-empty SVG');
  return svg;
}

/** The number of marks of a Vega mark type (e.g. "symbol", "rect", "line", "area", "rule") in an SVG. */
export function countMarks(svg: string, type: string): number {
  const container = new RegExp(`class="mark-${type} role-mark[^"]*"[^>]*>`, 'g');
  return (svg.match(container) ?? []).length;
}
