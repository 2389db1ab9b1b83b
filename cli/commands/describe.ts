import { type ColumnSchema, type DatasetSchema, datasetLocator, NotebookSession, snakeKeys } from '../../kernel/api.js';
import { parseArgs, usageError } from '../args.js';
import { timeoutFromEnv } from '../settings.js';
import { EXIT, printJson, printText } from '../output.js';
import { progressOnStderr } from '../progress.js';

/** `inferra describe DATA [--json]`. */
export async function runDescribeCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { json: 'boolean', sheet: 'string', progress: 'boolean' }, 'describe');
  const [data, ...extra] = args.positionals;
  if (!data || extra.length) throw usageError('Usage: inferra describe DATA [--sheet NAME] [--json]');
  const session = new NotebookSession({ timeoutMs: timeoutFromEnv() });
  const progress = progressOnStderr(args.booleans.has('progress'));
  try {
    const schema = await session.describeDataset(datasetLocator(data, args.strings.get('sheet')), { onProgress: progress?.update });
    progress?.finish();
    if (args.booleans.has('json')) printJson(snakeKeys(schema));
    else printText(formatSchema(schema));
    return EXIT.ok;
  } finally {
    progress?.finish();
    await session.dispose();
  }
}

function formatNumber(x: number): string {
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : String(Number(x.toPrecision(4)));
}

function describeColumn(c: ColumnSchema): string {
  if (c.summary) {
    const s = c.summary;
    const extra = c.usableAsGroup && c.levels ? `; ${c.levels.length} distinct values, usable as a group` : '';
    return `mean ${formatNumber(s.mean)}, sd ${formatNumber(s.sd)}, range ${formatNumber(s.min)} to ${formatNumber(s.max)}${extra}`;
  }
  if (c.levels && c.levels.length) {
    const shown = c.levels.slice(0, 6).map((l) => `${l.value} (${l.count})`).join(', ');
    return c.levels.length > 6 ? `${shown}, ... ${c.levels.length} levels` : shown;
  }
  return `${c.distinct} distinct values`;
}

/** A schema as a plain-text table. */
export function formatSchema(schema: DatasetSchema): string {
  const sheet = schema.sheet === undefined ? '' : `, sheet "${schema.sheet}"`;
  const header = `${schema.name}${sheet}: ${schema.rows} rows, ${schema.columns.length} columns (${schema.format}, sha256 ${schema.sha256.slice(0, 12)}...)`;
  // A variable's label (SPSS) beside its name: Q3 "Gender".
  const named = (c: ColumnSchema) => (c.label ? `${c.name} "${c.label.length > 32 ? `${c.label.slice(0, 31)}...` : c.label}"` : c.name);
  const width = Math.max(6, ...schema.columns.map((c) => named(c).length));
  const lines = schema.columns.map(
    (c) =>
      `  ${named(c).padEnd(width)}  ${(c.n === 0 ? 'no values' : c.kind).padEnd(11)}  n=${String(c.n).padEnd(6)} missing=${String(c.missing).padEnd(5)} ${describeColumn(c)}`,
  );
  // Notes (infinite values read as missing, a text column that is numbers but for a few values, ...).
  for (const c of schema.columns) if (c.note) lines.push(`  note: ${c.note}`);
  return [header, ...lines].join('\n');
}
