// Writes the extension's fields of package.json (contributes, activationEvents, categories, keywords,
// icon, galleryBanner) and nothing else; other fields are the lead's. Run: node test/e2e/contributes.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../../package.json', import.meta.url));
const pkg = JSON.parse(readFileSync(file, 'utf8'));
const NB = "notebookType == 'inferra-notebook'";

const commands = [
  ['inferra.newNotebook', 'New Inferra Notebook', '$(new-file)'],
  ['inferra.openSample', 'Open Sample Notebook (Penguins)', '$(book)'],
  ['inferra.chooseDataset', 'Choose Dataset…', '$(database)'],
  ['inferra.describeDataset', 'Describe Dataset', '$(table)'],
  ['inferra.runAllAndVerify', 'Run All and Verify', '$(verified)'],
  ['inferra.exportReport', 'Export Report (HTML)…', '$(export)'],
  ['inferra.exportReportWord', 'Export Report (Word)…', '$(file)'],
  ['inferra.showProvenance', 'Show Provenance of Cell', '$(history)'],
  ['inferra.setApiKey', 'Set Grok (xAI) API Key…', '$(key)'],
  ['inferra.clearApiKey', 'Clear Grok (xAI) API Key', '$(trash)'],
  ['inferra.supabaseSignIn', 'Sign In to Supabase…', '$(sign-in)'],
  ['inferra.supabaseSignOut', 'Sign Out of Supabase', '$(sign-out)'],
  ['inferra.showPendingProvenance', 'Send Pending Provenance Records', '$(cloud-upload)'],
  ['inferra.chooseSupabaseProject', 'Choose Supabase Project…', '$(organization)'],
  ['inferra.inviteToProject', 'Invite to Project…', '$(person-add)'],
  ['inferra.refreshProjectHistory', 'Refresh Project History', '$(refresh)'],
  ['inferra.openProjectRun', 'Show Provenance of Project Run', '$(history)'],
].map(([command, title, icon]) => ({ command, title, category: 'Inferra', icon }));

const notebookOnly = new Set(['inferra.chooseDataset', 'inferra.describeDataset', 'inferra.runAllAndVerify',
  'inferra.exportReport', 'inferra.exportReportWord', 'inferra.showProvenance', 'inferra.chooseSupabaseProject', 'inferra.inviteToProject']);
/** Commands the palette never lists (they take an argument from a view). */
const viewOnly = new Set(['inferra.openProjectRun']);

pkg.categories = ['Notebooks', 'Data Science', 'Visualization'];
pkg.keywords = ['statistics', 'notebook', 'natural language', 't-test', 'anova', 'regression', 'reproducibility', 'provenance', 'APA'];
pkg.icon = 'media/icon.png';
pkg.galleryBanner = { color: '#1f2a44', theme: 'dark' };
pkg.activationEvents = ['onNotebook:inferra-notebook', 'onRenderer:inferra-result'];
pkg.contributes = {
  notebooks: [{ type: 'inferra-notebook', displayName: 'Inferra Notebook', selector: [{ filenamePattern: '*.inferra' }] }],
  notebookRenderer: [
    {
      id: 'inferra-result', displayName: 'Inferra Result', entrypoint: './dist/renderers/result.js',
      mimeTypes: ['application/vnd.inferra.result+json'], requiresMessaging: 'optional',
    },
    {
      id: 'inferra-vega', displayName: 'Inferra Vega-Lite Figure', entrypoint: './dist/renderers/vega.js',
      mimeTypes: ['application/vnd.vegalite.v6+json'], requiresMessaging: 'never',
    },
  ],
  languages: [{
    id: 'inferra', aliases: ['Inferra', 'inferra'], configuration: './language-configuration.json',
  }],
  grammars: [{ language: 'inferra', scopeName: 'source.inferra', path: './syntaxes/inferra.tmLanguage.json' }],
  commands,
  menus: {
    'notebook/toolbar': [
      { command: 'inferra.chooseDataset', when: NB, group: 'navigation/add@1' },
      { command: 'inferra.runAllAndVerify', when: NB, group: 'navigation/execute@9' },
      { command: 'inferra.exportReport', when: NB, group: 'navigation/add@9' },
    ],
    'notebook/cell/title': [
      { command: 'inferra.showProvenance', when: `${NB} && notebookCellType == 'code'`, group: 'inline/cell@9' },
    ],
    commandPalette: [
      ...commands.filter(({ command }) => notebookOnly.has(command)).map(({ command }) => ({ command, when: NB })),
      ...commands.filter(({ command }) => viewOnly.has(command)).map(({ command }) => ({ command, when: 'false' })),
    ],
    'view/title': [
      { command: 'inferra.refreshProjectHistory', when: "view == 'inferra.projectHistory'", group: 'navigation' },
    ],
  },
  // The runs of the active notebook's Supabase project, by notebook and cell (#12).
  views: {
    explorer: [{ id: 'inferra.projectHistory', name: 'Inferra Project History' }],
  },
  configuration: {
    title: 'Inferra',
    properties: {
      'inferra.llm.enabled': {
        scope: 'application', type: 'boolean', default: false, order: 1,
        markdownDescription: 'Ask xAI Grok when no rule fits a cell. Only the dataset\'s schema (column names, kinds, counts) is sent, never rows. Needs a key: run **Inferra: Set Grok (xAI) API Key**. Decisions made this way carry a visible **LLM** mark.',
      },
      'inferra.llm.model': {
        scope: 'application', type: 'string', default: 'grok-4.3', order: 2,
        markdownDescription: 'The Grok model used for the fallback, e.g. `grok-4.3`. A model that is not available is reported as such.',
      },
      'inferra.llm.baseUrl': {
        scope: 'application', type: 'string', default: 'https://api.x.ai/v1', order: 3, format: 'uri',
        markdownDescription: 'Base URL of the OpenAI-compatible API (change it only for a proxy or a test server).',
      },
      'inferra.llm.dailyTokenBudget': {
        scope: 'application', type: 'integer', default: 200000, minimum: 0, order: 4,
        markdownDescription: 'At most this many tokens per day are spent on the fallback; beyond it cells say "no match" instead of asking. `0` means no limit.',
      },
      'inferra.supabase.url': {
        scope: 'application', type: 'string', default: '', order: 10,
        markdownDescription: 'Your Supabase project URL (e.g. `https://abcd.supabase.co`). When set and signed in, every run\'s provenance record is also appended to your Supabase tables (records that cannot be sent wait on disk).',
      },
      'inferra.supabase.anonKey': {
        scope: 'application', type: 'string', default: '', order: 11,
        markdownDescription: 'The project\'s public anon key (safe to share; row-level security limits each user to their own rows). Sign in with **Inferra: Sign In to Supabase**.',
      },
      'inferra.supabase.retentionDays': {
        scope: 'application', type: 'integer', default: 0, minimum: 0, order: 12,
        markdownDescription: 'Keep your runs in Supabase for this many days: older runs (and their figures) are deleted once a day while you are signed in, and each deletion is logged in `run_deletions`. `0` keeps everything.',
      },
      'inferra.execution.timeoutSeconds': {
        type: 'number', default: 300, minimum: 1, order: 20,
        markdownDescription: 'A cell that computes longer than this is stopped and marked as failed.',
      },
    },
  },
  walkthroughs: [{
    id: 'inferra.gettingStarted',
    title: 'Get started with Inferra',
    description: 'Ask statistical questions in plain language and get exact, reproducible answers.',
    steps: [
      {
        id: 'openSample', title: 'Open the penguins sample',
        description: 'A notebook on the Palmer penguins data, with a few questions already written.\n[Open sample notebook](command:inferra.openSample)',
        media: { markdown: 'media/walkthrough/open-sample.md' },
        completionEvents: ['onCommand:inferra.openSample'],
      },
      {
        id: 'runAll', title: 'Run every cell',
        description: 'Each cell is decided by rules, computed in a worker and shown as a table, an APA sentence and a figure.\n[Run all cells](command:notebook.execute)',
        media: { markdown: 'media/walkthrough/run-all.md' },
        completionEvents: ['onCommand:notebook.execute'],
      },
      {
        id: 'ownData', title: 'Use your own data',
        description: 'Point a notebook at a CSV, TSV, JSON or Parquet file.\n[Choose a dataset](command:inferra.chooseDataset)',
        media: { markdown: 'media/walkthrough/own-data.md' },
        completionEvents: ['onCommand:inferra.chooseDataset'],
      },
      {
        id: 'verify', title: 'Verify and share',
        description: 'Every run leaves provenance in the file. Anyone can re-run and compare.\n[Run all and verify](command:inferra.runAllAndVerify)',
        media: { markdown: 'media/walkthrough/verify.md' },
        completionEvents: ['onCommand:inferra.runAllAndVerify'],
      },
    ],
  }],
};
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log('package.json: contributes, activationEvents, categories, keywords, icon, galleryBanner written');
