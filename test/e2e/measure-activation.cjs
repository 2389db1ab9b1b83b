// Measures what activation costs outside VS Code: requiring dist/extension.js (bundle load) and
// calling activate() with a stand-in `vscode` module whose every member is a no-op. The real number
// inside VS Code is logged by the extension ("activated in N ms") and checked by the e2e suite.
// Usage: node test/e2e/measure-activation.cjs [dist/extension.js]
const Module = require('module');
const path = require('path');

const noop = new Proxy(function () {}, {
  get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : noop),
  apply: () => noop,
  construct: () => noop,
  set: () => true,
  defineProperty: () => true,
});
// A plain object (the bundle copies the module's own keys) whose members are all no-ops.
const fakeVscode = Object.fromEntries(['window', 'workspace', 'notebooks', 'languages', 'commands', 'env', 'extensions', 'Uri',
  'NotebookCellKind', 'NotebookEdit', 'WorkspaceEdit', 'NotebookCellOutput', 'NotebookCellOutputItem', 'NotebookData',
  'NotebookCellData', 'StatusBarAlignment', 'ProgressLocation', 'ViewColumn', 'CompletionItem', 'CompletionItemKind',
  'MarkdownString', 'Hover', 'NotebookControllerAffinity', 'NotebookRange', 'Disposable', 'EventEmitter'].map((k) => [k, noop]));
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? fakeVscode : load.call(this, request, ...rest);
};

const file = path.resolve(process.argv[2] || path.join(__dirname, '../../dist/extension.js'));
const t0 = performance.now();
const extension = require(file);
const t1 = performance.now();
const context = { subscriptions: [], secrets: noop, extensionUri: noop, globalStorageUri: { fsPath: '/tmp/inferra-measure' } };
const { activationMs } = extension.activate(context);
const t2 = performance.now();
for (const d of context.subscriptions) d.dispose?.();
console.log(`bundle load ${(t1 - t0).toFixed(1)} ms, activate() ${activationMs.toFixed(1)} ms, total ${(t2 - t0).toFixed(1)} ms (${context.subscriptions.length} disposables)`);
process.exit(0);
