/**
 * Step 1 of a cell: which dataset it runs on, and whether the notebook may read it.
 * - a "use FILE" cell names the dataset for itself and the cells below it (added to the list);
 * - else the cell's own `dataset`, the nearest "use FILE" cell above, or the notebook's first;
 * - a file outside the notebook's folder (symlinks followed) is read only with the user's consent,
 *   asked before anything is read (notebook/dataset-path.ts);
 * - errors written into the notebook never spell out the user's absolute paths.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { DATASET_EXTENSIONS } from '../data/format.js';
import { datasetLocator, parseLocator } from '../data/locator.js';
import { canonicalLocator, isDatabaseLocator, parsePostgresLocator } from '../data/postgres/locator.js';
import { InferraError, type MessageParams } from '../errors.js';
import { hidePaths, locateDataset, realpathLoose, shownPath } from '../notebook/dataset-path.js';
import { addDataset, defaultDataset, namedDataset } from '../notebook/datasets.js';
import type { DatasetRef, Notebook } from '../notebook/format.js';
import type { CallOptions, SessionOptions } from './types.js';

/** A "use penguins.csv" cell (or `use survey.xlsx sheet "Wave 2"`): names the dataset for the cells below it. */
const USE_DATASET = new RegExp(
  `^\\s*(?:use|load|open)\\s+(?:the\\s+)?(?:data(?:set)?\\s+)?["'\`]?([^"'\`]+?\\.(?:${DATASET_EXTENSIONS.join('|')}))["'\`]?` +
    `(?:,?\\s+(?:sheet|tab)\\s+(?:"([^"]+)"|'([^']+)'|(\\S+)))?\\s*\\.?\\s*$`,
  'i',
);

/** The dataset file a "use FILE" cell names, if the cell is one. */
export function parseDatasetDirective(source: string): string | undefined {
  return USE_DATASET.exec(source)?.[1];
}

/** The dataset a "use FILE" cell names, as a locator (the file, and the sheet when it names one). */
function parseDatasetLocator(source: string): string | undefined {
  const match = USE_DATASET.exec(source);
  return match ? datasetLocator(match[1], match[2] ?? match[3] ?? match[4]) : undefined;
}

/** The locator of a notebook's dataset entry (its path, and its sheet when it names one). */
export function refLocator(ref: DatasetRef): string {
  return datasetLocator(ref.path, ref.sheet);
}

/** Finds the datasets of one notebook (or of one CLI command) and guards its folder. */
export class DatasetResolver {
  readonly baseDir: string;
  /** Real paths of datasets outside the notebook's folder that the user allowed in this session. */
  private readonly allowedOutside = new Set<string>();

  constructor(private readonly options: Pick<SessionOptions, 'notebookPath' | 'sourceDir' | 'datasetConsent'>) {
    this.baseDir = options.notebookPath ? dirname(resolve(options.notebookPath)) : process.cwd();
  }

  /** A dataset path as the worker needs it (absolute). */
  resolvePath(path: string): string {
    if (isDatabaseLocator(path)) return path;
    return isAbsolute(path) ? path : resolve(this.baseDir, path);
  }

  /**
   * A dataset path as the worker needs it (absolute), once the notebook may read it: a file outside
   * the notebook's folder needs the user's consent. Throws `dataset-outside-folder` when refused.
   */
  async datasetFile(locator: string, options: CallOptions = {}): Promise<string> {
    // A database table is not a file in a folder: its locator is checked (parsePostgresLocator) and
    // passed on; the password never travels in it.
    if (isDatabaseLocator(locator)) return canonicalLocator(parsePostgresLocator(locator));
    const { file, sheet } = parseLocator(locator);
    return datasetLocator(await this.fileOnly(file, options), sheet);
  }

  private async fileOnly(path: string, options: CallOptions): Promise<string> {
    const absolute = this.resolvePath(path);
    const folder = this.policyFolder();
    if (folder === undefined) return absolute;
    const location = folder === null
      ? { absolute, real: await realpathLoose(absolute), shown: absolute, inside: false }
      : await locateDataset(folder, absolute, { shownFrom: this.baseDir });
    if (location.inside || this.allowedOutside.has(location.real)) return absolute;
    const consent = this.options.datasetConsent;
    if (consent && options.askConsent !== false && (await consent({ path: location.shown, absolute: location.real }))) {
      this.allowedOutside.add(location.real);
      return absolute;
    }
    throw new InferraError('dataset-outside-folder', { path: location.shown });
  }

  /**
   * The dataset the cell at `index` runs on, from `datasets` (the notebook's list, to which a "use"
   * cell's file is added), and the file a "use FILE" cell names when it is one.
   */
  datasetOf(notebook: Notebook, index: number, datasets: DatasetRef[]): { dataset: DatasetRef; directive?: string } {
    const cell = notebook.cells[index];
    const directive = cell.kind === 'ask' ? parseDatasetLocator(cell.source) : undefined;
    if (directive) return { dataset: this.register(datasets, directive), directive };
    if (cell.kind === 'ask' && cell.dataset) return { dataset: namedDataset(datasets, cell.dataset) };
    for (let i = index - 1; i >= 0; i--) {
      const above = notebook.cells[i];
      const path = above.kind === 'ask' ? parseDatasetLocator(above.source) : undefined;
      if (path) return { dataset: this.register(datasets, path) };
    }
    return { dataset: defaultDataset(datasets) };
  }

  /**
   * An error as it is written into the notebook: the dataset's path relative to the notebook, the
   * notebook's folder and the home folder never spelled out (the data layer and DuckDB quote the
   * absolute path they were given).
   */
  withShownPaths(error: InferraError, datasetPath: string | undefined): InferraError {
    const pairs: [string, string][] = [];
    if (datasetPath && !isDatabaseLocator(datasetPath)) {
      const absolute = this.resolvePath(datasetPath);
      pairs.push([absolute, shownPath(this.baseDir, absolute)]);
    }
    const hide = (value: MessageParams[string]): MessageParams[string] =>
      typeof value === 'string' ? hidePaths(value, pairs, this.baseDir) : Array.isArray(value) ? value.map((v: string) => hidePaths(v, pairs, this.baseDir)) : value;
    const params: MessageParams = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, hide(v)]));
    if (JSON.stringify(params) === JSON.stringify(error.params)) return error;
    return new InferraError(error.code, params, { cause: error });
  }

  /** Adds (or finds) a dataset named by a "use FILE" cell. */
  private register(datasets: DatasetRef[], locator: string): DatasetRef {
    if (isDatabaseLocator(locator)) return addDataset(datasets, locator.trim());
    const { file: path, sheet } = parseLocator(locator);
    // A "use" cell's path is relative to where the notebook was written (which differs from where it
    // is being run when `inferra run --out` moves it).
    const written = this.options.sourceDir ?? this.baseDir;
    return addDataset(datasets, relative(this.baseDir, isAbsolute(path) ? path : resolve(written, path)) || path, sheet);
  }

  /**
   * The folder a notebook's datasets must stay in: where the notebook was written (`run --out`
   * keeps the source's folder); null: no folder (an untitled notebook), every file needs consent;
   * undefined: no policy (the CLI's one-off commands).
   */
  private policyFolder(): string | null | undefined {
    if (this.options.notebookPath) return this.options.sourceDir ? resolve(this.options.sourceDir) : this.baseDir;
    return this.options.datasetConsent ? null : undefined;
  }
}
