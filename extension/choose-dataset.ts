/**
 * "Inferra: Choose Dataset…": a file through the file dialog, or a table in PostgreSQL or Supabase
 * through two steps (the server's address, then one of the tables this user can read, listed by the
 * kernel). The answer is a dataset location as a notebook stores it: a file's path, or a table's
 * locator `postgres://USER@HOST:PORT/DB?table=SCHEMA.TABLE`. The password is never asked for here
 * nor stored: it comes from PGPASSWORD or ~/.pgpass, as for the command line.
 */
import * as vscode from 'vscode';
import { notebookMessage } from './advice.js';
import { loadKernel } from './kernel-loader.js';

/** The file types the dialog offers. */
export const DATA_FILTERS = { 'Datasets': ['csv', 'tsv', 'txt', 'json', 'jsonl', 'ndjson', 'parquet', 'xlsx', 'sav'] };

/** The last server address typed, offered again next time (never a password: an address cannot hold one). */
const LAST_ADDRESS_KEY = 'inferra.lastDatabaseAddress';

/** Where a chosen dataset is: a file, or a database table's locator. */
export type ChosenDataset = { kind: 'file'; uri: vscode.Uri } | { kind: 'table'; locator: string };

/** Asks for a dataset: a file or a database table; undefined when the researcher cancels. */
export async function pickDataset(context: vscode.ExtensionContext, defaultFolder: vscode.Uri | undefined): Promise<ChosenDataset | undefined> {
  const source = await vscode.window.showQuickPick(
    [
      { label: '$(file) A file…', description: 'CSV, TSV, JSON, Parquet, Excel or SPSS', source: 'file' as const },
      { label: '$(database) A table in PostgreSQL or Supabase…', description: 'computed in the database; only aggregates come back', source: 'table' as const },
    ],
    { title: 'Choose the dataset for this notebook', placeHolder: 'Where is the data?' },
  );
  if (!source) return undefined;
  if (source.source === 'file') {
    const picked = await vscode.window.showOpenDialog({ title: 'Choose the dataset for this notebook', filters: DATA_FILTERS, canSelectMany: false, defaultUri: defaultFolder });
    return picked?.[0] ? { kind: 'file', uri: picked[0] } : undefined;
  }
  const locator = await pickDatabaseTable(context);
  return locator ? { kind: 'table', locator } : undefined;
}

/** The two database steps: the address (checked as it is typed), then a table from the server's list. */
async function pickDatabaseTable(context: vscode.ExtensionContext): Promise<string | undefined> {
  const { databases } = await loadKernel();
  const check = (value: string): string | undefined => {
    try {
      databases.parsePostgresServer(value);
      return undefined;
    } catch (error) {
      return notebookMessage(error);
    }
  };
  const address = await vscode.window.showInputBox({
    title: 'Table in PostgreSQL or Supabase (1/2): the server',
    prompt: 'postgres://USER@HOST:PORT/DATABASE, with ?sslmode=require for Supabase. The password comes from PGPASSWORD or ~/.pgpass and is never stored in the notebook.',
    placeHolder: 'postgres://postgres@127.0.0.1:5432/postgres',
    value: context.globalState.get<string>(LAST_ADDRESS_KEY) ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? undefined : check(value)),
  });
  if (!address?.trim()) return undefined;
  let listed: Awaited<ReturnType<typeof databases.listDatabaseTables>>;
  try {
    listed = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Inferra: listing the tables…' },
      () => databases.listDatabaseTables(address.trim()),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(`Inferra: ${notebookMessage(error)}`);
    return undefined;
  }
  await context.globalState.update(LAST_ADDRESS_KEY, address.trim());
  const notes = [
    listed.unnamed > 0 ? `${listed.unnamed} table(s) not listed: their names have characters other than letters, digits and _` : '',
    listed.truncated ? `only the first ${listed.tables.length} tables are listed` : '',
  ].filter(Boolean);
  if (listed.tables.length === 0) {
    void vscode.window.showWarningMessage(`Inferra: this user can read no table in that database${notes.length ? ` (${notes.join('; ')})` : ''}. Check the database name and the user's privileges.`);
    return undefined;
  }
  const table = await vscode.window.showQuickPick(
    listed.tables.map((t) => ({
      label: `${t.schema}.${t.table}`,
      description: t.kind === 'view' ? 'view' : t.estimatedRows !== undefined ? `about ${t.estimatedRows.toLocaleString('en')} rows` : undefined,
      locator: t.locator,
    })),
    { title: 'Table in PostgreSQL or Supabase (2/2): the table', placeHolder: notes.length ? `Choose a table (${notes.join('; ')})` : 'Choose a table', matchOnDescription: true, ignoreFocusOut: true },
  );
  return table?.locator;
}
