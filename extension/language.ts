/**
 * Completions (column names, level values) and hovers (a column's kind and summary) in ask cells,
 * from the schema of the cell's dataset. The schema comes from the notebook's session (the worker
 * loads it once per dataset and caches nothing here but the last schema per path).
 */
import * as vscode from 'vscode';
import type { DatasetSchema } from '../kernel/api.js';
import { loadKernel } from './kernel-loader.js';
import type { Log } from './log.js';
import { NOTEBOOK_TYPE } from './serializer.js';
import type { SessionRegistry } from './sessions.js';

const SELECTOR: vscode.DocumentSelector = { language: 'inferra', notebookType: NOTEBOOK_TYPE };

/** The notebook cell a text document belongs to. */
function findCell(document: vscode.TextDocument): vscode.NotebookCell | undefined {
  for (const notebook of vscode.workspace.notebookDocuments) {
    if (notebook.notebookType !== NOTEBOOK_TYPE) continue;
    const cell = notebook.getCells().find((c) => c.document === document || c.document.uri.toString() === document.uri.toString());
    if (cell) return cell;
  }
  return undefined;
}

/** The dataset path a cell runs on (nearest "use FILE" cell above, else the notebook's first dataset). */
async function datasetPathFor(cell: vscode.NotebookCell): Promise<string | undefined> {
  const { session } = await loadKernel();
  const cells = cell.notebook.getCells();
  for (let i = cell.index; i >= 0; i--) {
    const path = session.parseDatasetDirective(cells[i].document.getText());
    if (path) return path;
  }
  const own = cell.metadata?.dataset;
  const datasets = (cell.notebook.metadata.datasets ?? []) as { name: string; path: string }[];
  const named = typeof own === 'string' ? datasets.find((d) => d.name === own || d.path === own) : undefined;
  return (named ?? datasets[0])?.path;
}

/** Schemas by notebook and dataset path, refreshed when a cell runs or after a minute. */
class SchemaCache {
  private readonly entries = new Map<string, { at: number; schema: Promise<DatasetSchema | undefined> }>();

  constructor(private readonly sessions: SessionRegistry, private readonly log: Log) {}

  async schemaFor(cell: vscode.NotebookCell): Promise<DatasetSchema | undefined> {
    if (!vscode.workspace.isTrusted) return undefined;
    const path = await datasetPathFor(cell);
    if (!path) return undefined;
    const key = `${cell.notebook.uri.toString()}|${path}`;
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < 60_000) return hit.schema;
    const schema = this.sessions.get(cell.notebook)
      // Completions and hovers never prompt: a file outside the folder is read only once a run allowed it.
      .then((s) => s.describeDataset(path, { askConsent: false }))
      .catch((error: unknown) => {
        this.log(`schema of ${path}: ${error instanceof Error ? error.message : String(error)}`);
        this.entries.delete(key);
        return undefined;
      });
    this.entries.set(key, { at: Date.now(), schema });
    return schema;
  }
}

/** Registers the completion and hover providers. */
export function registerLanguageFeatures(sessions: SessionRegistry, log: Log): vscode.Disposable[] {
  const cache = new SchemaCache(sessions, log);
  const completion = vscode.languages.registerCompletionItemProvider(SELECTOR, {
    async provideCompletionItems(document, position) {
      const cell = findCell(document);
      const schema = cell && (await cache.schemaFor(cell));
      if (!schema) return undefined;
      const prefix = document.lineAt(position.line).text.slice(0, position.character);
      const { assist } = await loadKernel();
      return assist.buildCompletionEntries(schema, prefix).map((entry) => {
        const item = new vscode.CompletionItem(
          { label: entry.label, description: entry.detail },
          entry.kind === 'column' ? vscode.CompletionItemKind.Field : vscode.CompletionItemKind.EnumMember,
        );
        item.insertText = entry.insertText;
        item.detail = entry.detail;
        item.documentation = new vscode.MarkdownString(entry.documentation);
        item.sortText = entry.sortText;
        return item;
      });
    },
  }, '"', "'", '`', '=');
  const hover = vscode.languages.registerHoverProvider(SELECTOR, {
    async provideHover(document, position) {
      const range = document.getWordRangeAtPosition(position, /"[^"]+"|'[^']+'|`[^`]+`|[A-Za-z0-9_.-]+/);
      if (!range) return undefined;
      const cell = findCell(document);
      const schema = cell && (await cache.schemaFor(cell));
      const markdown = schema && (await loadKernel()).assist.buildHoverMarkdown(schema, document.getText(range));
      return markdown ? new vscode.Hover(new vscode.MarkdownString(markdown), range) : undefined;
    },
  });
  return [completion, hover];
}
