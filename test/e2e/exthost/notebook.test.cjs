// Extension-host tests (run inside code-server's extension host with the real `vscode` API):
// the serializer's round trip and broken-file guard, and a real cell execution through the kernel.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const RESULT = 'application/vnd.inferra.result+json';
const EXTENSION_ID = 'inferra.inferra';
const folder = () => vscode.workspace.workspaceFolders[0].uri.fsPath;
const sortKeys = (v) => Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object'
  ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Copies a workspace file to a new name, so each test has its own document. */
function copyFixture(from, to) {
  fs.copyFileSync(path.join(folder(), from), path.join(folder(), to));
  return vscode.Uri.file(path.join(folder(), to));
}

async function waitFor(what, fn, timeout = 90000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe('Inferra in the extension host', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
  });

  it('activates quickly and opens .inferra files as notebooks', async () => {
    const uri = copyFixture('penguins.inferra', 'roundtrip.inferra');
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    assert.strictEqual(notebook.notebookType, 'inferra-notebook');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension.isActive);
    console.log(`activation: ${extension.exports.activationMs.toFixed(1)} ms`);
    assert.ok(extension.exports.activationMs < 100, `activate() took ${extension.exports.activationMs} ms`);
    const kinds = notebook.getCells().map((c) => c.kind === vscode.NotebookCellKind.Markup ? 'markdown' : c.document.languageId);
    assert.deepStrictEqual(kinds.slice(0, 3), ['markdown', 'inferra', 'inferra']);
    assert.strictEqual(notebook.cellAt(2).metadata.id, 'flipper-by-sex');
    assert.deepStrictEqual(notebook.metadata.datasets.map((d) => [d.name, d.path]), [['penguins', 'penguins.csv']]);
  });

  it('saves deterministically: only the added cell differs from the original file', async () => {
    const uri = vscode.Uri.file(path.join(folder(), 'roundtrip.inferra'));
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    const insert = new vscode.WorkspaceEdit();
    insert.set(uri, [vscode.NotebookEdit.insertCells(1, [new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, 'added in VS Code', 'markdown')])]);
    assert.ok(await vscode.workspace.applyEdit(insert));
    assert.ok(await notebook.save());
    const saved = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8'));
    const added = saved.cells.splice(1, 1)[0];
    assert.strictEqual(added.kind, 'markdown');
    assert.match(added.id, /^added-in-vs-code-[0-9a-f]{6}$/);
    // What remains is the original file, byte for byte (sorted keys, 2-space indent, final newline).
    assert.strictEqual(`${JSON.stringify(sortKeys(saved), null, 2)}\n`, before);
  });

  it('opens a broken file as a located error and never saves over it', async () => {
    const file = path.join(folder(), 'broken.inferra');
    const text = '{\n  "format": "inferra-notebook",\n  "version": 1,\n  "cells": [\n    { "id": "a", "kind": "ask", "source": "x" },,\n  ]\n}\n';
    fs.writeFileSync(file, text);
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    assert.strictEqual(notebook.cellCount, 1);
    assert.match(notebook.cellAt(0).document.getText(), /line 5, column/);
    const edit = new vscode.WorkspaceEdit();
    edit.set(notebook.uri, [vscode.NotebookEdit.insertCells(1, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'describe the data', 'inferra')])]);
    await vscode.workspace.applyEdit(edit);
    const saved = await notebook.save().catch(() => false);
    assert.strictEqual(saved, false);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
  });

  it('executes a cell through the kernel and writes outputs, the pinned decision and provenance back', async () => {
    const uri = copyFixture('penguins.inferra', 'exec.inferra');
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    await vscode.commands.executeCommand('notebook.selectKernel', { id: 'inferra-kernel', extension: EXTENSION_ID });
    const cell = notebook.getCells().find((c) => c.metadata.id === 'flipper-by-sex');
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: cell.index, end: cell.index + 1 }], document: notebook.uri });
    await waitFor('the cell to finish', () => cell.executionSummary && cell.executionSummary.success !== undefined && cell.metadata.inferra);
    const item = cell.outputs[0].items.find((i) => i.mime === RESULT);
    assert.ok(item, 'result output');
    const payload = JSON.parse(new TextDecoder().decode(item.data));
    assert.strictEqual(payload.status, 'ok', JSON.stringify(payload.error));
    assert.strictEqual(payload.cellId, 'flipper-by-sex');
    assert.ok(payload.result.tables.length > 0);
    // The figure stored inside the result output is shown as an output of its own (VS Code renders one item per output).
    assert.ok(cell.outputs.slice(1).some((o) => o.items.length === 1 && o.items[0].mime === 'application/vnd.vegalite.v6+json'), 'figure output');
    assert.strictEqual(cell.executionSummary.success, true);
    assert.ok(cell.metadata.inferra.decision.analysis);
    const chain = cell.metadata.inferra.provenance;
    assert.ok(chain.length >= 1);
    assert.strictEqual(chain[chain.length - 1].cell_id, 'flipper-by-sex');
    console.log(`ran ${cell.metadata.inferra.decision.analysis}: ${payload.result.summary}`);
    assert.ok(await notebook.save());
    const saved = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8'));
    const savedCell = saved.cells.find((c) => c.id === 'flipper-by-sex');
    assert.strictEqual(savedCell.outputs[0].items[0].mime, RESULT);
    assert.strictEqual(savedCell.inferra.provenance.at(-1).hash, chain[chain.length - 1].hash);
  });

  it('completes column names and level values, and hovers a column with its summary', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(path.join(folder(), 'exec.inferra')));
    const cell = notebook.getCells().find((c) => c.metadata.id === 'flipper-by-sex');
    const doc = cell.document;
    const end = doc.lineAt(0).range.end;
    const list = await waitFor('completions', async () => {
      const result = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, end);
      return result && result.items.some((i) => (i.label.label || i.label) === 'flipper_length_mm') ? result : undefined;
    }, 60000);
    const labels = list.items.map((i) => i.label.label || i.label);
    assert.ok(labels.includes('body_mass_g') && labels.includes('Gentoo'), labels.slice(0, 20).join(','));
    // The sentence says "flipper length" (two words): write a column name to hover it.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'body_mass_g ');
    await vscode.workspace.applyEdit(edit);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 3));
    const markdown = hovers.flatMap((h) => h.contents.map((c) => c.value || String(c))).join('\n');
    assert.match(markdown, /body_mass_g.*numeric/s);
    assert.match(markdown, /mean 4202/);
    const undo = new vscode.WorkspaceEdit();
    undo.delete(doc.uri, new vscode.Range(0, 0, 0, 'body_mass_g '.length));
    await vscode.workspace.applyEdit(undo);
  });

  it('exports the HTML report of the active notebook', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(path.join(folder(), 'exec.inferra')));
    await vscode.window.showNotebookDocument(notebook);
    const target = vscode.Uri.file(path.join(folder(), 'out', 'report.html'));
    await vscode.commands.executeCommand('inferra.exportReport', target);
    const html = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(html, /<html/i);
    assert.match(html, /<svg/);
    assert.match(html, /Welch/);
    console.log(`report: ${html.length} characters`);
  });

  it('exports the Word report of the active notebook (#13)', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(path.join(folder(), 'exec.inferra')));
    await vscode.window.showNotebookDocument(notebook);
    const target = vscode.Uri.file(path.join(folder(), 'out', 'report.docx'));
    await vscode.commands.executeCommand('inferra.exportReportWord', target);
    const bytes = fs.readFileSync(target.fsPath);
    assert.strictEqual(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip package');
    assert.ok(bytes.includes(Buffer.from('word/document.xml')), 'with the document part');
    console.log(`Word report: ${bytes.length} bytes`);
  });

  it('opens the sample as a copy in the workspace and chooses a dataset relative to the notebook', async () => {
    await vscode.commands.executeCommand('inferra.openSample');
    const copy = path.join(folder(), 'inferra-sample', 'penguins.inferra');
    assert.ok(fs.existsSync(copy) && fs.existsSync(path.join(folder(), 'inferra-sample', 'penguins.csv')));
    const active = vscode.window.activeNotebookEditor.notebook;
    assert.strictEqual(active.uri.fsPath, copy);
    await vscode.commands.executeCommand('inferra.chooseDataset', vscode.Uri.file(path.join(folder(), 'penguins.csv')));
    // The chosen dataset comes first (the notebook's default), stored relative to the notebook.
    assert.strictEqual(active.metadata.datasets[0].path, '../penguins.csv');
    assert.strictEqual(active.metadata.datasets[1].path, 'penguins.csv');
  });

  it('describes the dataset and shows a cell\'s provenance as Markdown documents', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(path.join(folder(), 'exec.inferra')));
    await vscode.window.showNotebookDocument(notebook);
    await vscode.commands.executeCommand('inferra.describeDataset');
    const schema = vscode.window.activeTextEditor.document;
    assert.strictEqual(schema.languageId, 'markdown');
    assert.match(schema.getText(), /\| flipper_length_mm \| numeric \| 342 \| 2 \|/);
    const cell = notebook.getCells().find((c) => c.metadata.id === 'flipper-by-sex');
    await vscode.commands.executeCommand('inferra.showProvenance', cell);
    const provenance = vscode.window.activeTextEditor.document.getText();
    assert.match(provenance, /# Provenance of cell `flipper-by-sex`/);
    assert.match(provenance, /record hash: `[0-9a-f]{64}`/);
  });

  it('an ambiguous cell waits for a choice: its question is the output, with no failed mark (#16)', async () => {
    // A fresh file (the UI suite clicks a choice in ambiguous.inferra, which pins a decision there).
    const uri = vscode.Uri.file(path.join(folder(), 'waiting.inferra'));
    fs.writeFileSync(uri.fsPath, JSON.stringify({
      format: 'inferra-notebook', version: 1, metadata: {}, datasets: [{ name: 'penguins', path: 'penguins.csv' }],
      cells: [{ id: 'bill-by-species', kind: 'ask', source: 'Does bill differ across species?' }],
    }));
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    await vscode.commands.executeCommand('notebook.selectKernel', { id: 'inferra-kernel', extension: EXTENSION_ID });
    const cell = notebook.getCells().find((c) => c.metadata.id === 'bill-by-species');
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: cell.index, end: cell.index + 1 }], document: notebook.uri });
    const payload = await waitFor('the question', () => {
      const item = cell.outputs[0] && cell.outputs[0].items.find((i) => i.mime === RESULT);
      return item && cell.executionSummary && cell.executionSummary.timing ? JSON.parse(new TextDecoder().decode(item.data)) : undefined;
    });
    assert.strictEqual(payload.status, 'ambiguous');
    assert.ok(payload.decision.alternatives.length >= 2, 'the choices are offered');
    assert.strictEqual(cell.executionSummary.success, undefined, 'no tick and no red cross: the cell waits for the researcher');
  });

  for (const [file, dataset] of [['survey-excel.inferra', 'survey.xlsx'], ['survey-spss.inferra', 'survey.sav']]) {
    it(`runs the ${dataset} sample notebook (#13)`, async () => {
      const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(path.join(folder(), file)));
      await vscode.window.showNotebookDocument(notebook);
      await vscode.commands.executeCommand('notebook.selectKernel', { id: 'inferra-kernel', extension: EXTENSION_ID });
      await vscode.commands.executeCommand('notebook.execute');
      const asks = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
      await waitFor('every cell to finish', () => asks.every((c) => c.executionSummary && c.executionSummary.success !== undefined));
      const statuses = asks.map((c) => {
        const item = c.outputs[0] && c.outputs[0].items.find((i) => i.mime === RESULT);
        return item ? JSON.parse(new TextDecoder().decode(item.data)).status : 'none';
      });
      console.log(`${dataset}: ${statuses.join(', ')}`);
      assert.ok(statuses.length >= 3 && statuses.every((s) => s === 'ok'), statuses.join(', '));
    });
  }

  it('runs all cells and verifies the recorded ones', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(path.join(folder(), 'exec.inferra')));
    await vscode.window.showNotebookDocument(notebook);
    await vscode.commands.executeCommand('inferra.runAllAndVerify');
    const asks = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    const statuses = asks.map((c) => {
      const item = c.outputs[0] && c.outputs[0].items.find((i) => i.mime === RESULT);
      return item ? JSON.parse(new TextDecoder().decode(item.data)).status : 'none';
    });
    console.log(`statuses after run all and verify: ${statuses.join(', ')}`);
    assert.ok(statuses.every((s) => s !== 'none'), statuses.join(', '));
    assert.ok(asks.every((c) => (c.metadata.inferra.provenance || []).length >= 1));
  });
});
