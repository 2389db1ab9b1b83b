import { InferraError } from '../errors.js';
import { describeJsonPath, findTooDeep, tooDeepProblem } from './depth.js';
import { NOTEBOOK_VERSION, NotebookSchema, type Notebook } from './format.js';
import { locateJsonError } from './locate-json-error.js';

/**
 * Parses and validates the text of a `.inferra` file. Throws `notebook-parse-failed` (with line
 * and column) for broken JSON, `notebook-invalid` (with the JSON path) for a wrong shape, and
 * `notebook-version` for a newer format. Nesting past `MAX_JSON_DEPTH` is `notebook-invalid` too, so
 * no later walk of the data can overflow the stack. Never changes anything on disk.
 */
export function parseNotebook(text: string, file = 'notebook'): Notebook {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const at = locateJsonError(text) ?? { line: 1, column: 1, problem: (error as Error).message };
    throw new InferraError('notebook-parse-failed', { file, line: at.line, column: at.column, problem: at.problem }, { cause: error });
  }
  const tooDeep = findTooDeep(data);
  if (tooDeep) throw new InferraError('notebook-invalid', { file, problem: tooDeepProblem(), where: describeJsonPath(tooDeep) });
  if (data && typeof data === 'object' && typeof (data as { version?: unknown }).version === 'number') {
    const version = (data as { version: number }).version;
    if (version > NOTEBOOK_VERSION) {
      throw new InferraError('notebook-version', { file, version, supported: NOTEBOOK_VERSION });
    }
  }
  const parsed = NotebookSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const record = issue.path.indexOf('provenance');
    throw new InferraError('notebook-invalid', {
      file,
      problem:
        record >= 0 && issue.path.length > record + 1
          ? `provenance record ${Number(issue.path[record + 1]) + 1} of this cell is not a record Inferra wrote (${issue.message.replace(/^Invalid input: /, '')}); delete that record or restore the file`
          : issue.message,
      where: issue.path.length ? issue.path.join('.') : 'the top level',
    });
  }
  const seen = new Set<string>();
  for (const [index, cell] of parsed.data.cells.entries()) {
    if (seen.has(cell.id)) {
      throw new InferraError('notebook-invalid', {
        file,
        problem: `cell id '${cell.id}' is used twice`,
        where: `cells.${index}.id`,
      });
    }
    seen.add(cell.id);
  }
  return parsed.data;
}
