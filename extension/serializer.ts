/**
 * The `NotebookSerializer` of `*.inferra` files, over the kernel's format (parse, validate, write
 * deterministically). A file that does not parse opens as a read-only explanation of the located
 * error and is never written back: saving that document throws.
 */
import * as vscode from 'vscode';
import { brokenNotebookOut, notebookDataIn, notebookDataOut } from './convert.js';
import { loadNotebookFormat } from './kernel-loader.js';

/** The notebook type contributed in package.json. */
export const NOTEBOOK_TYPE = 'inferra-notebook';

/** Serializer options: outputs are saved; runtime-only metadata is transient. */
export const SERIALIZER_OPTIONS: vscode.NotebookDocumentContentOptions = {
  transientOutputs: false,
  transientCellMetadata: { runtime: true },
  transientDocumentMetadata: { runtime: true },
};

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Reads and writes `.inferra` files. */
export class InferraSerializer implements vscode.NotebookSerializer {
  constructor(private readonly log: (line: string) => void = () => undefined) {}

  /** Bytes of a `.inferra` file as notebook data (an empty file is an empty notebook). */
  async deserializeNotebook(content: Uint8Array): Promise<vscode.NotebookData> {
    const format = await loadNotebookFormat();
    const text = decoder.decode(content);
    if (!text.trim()) {
      return notebookDataOut(format.newNotebook({ title: 'Untitled analysis' }));
    }
    try {
      return notebookDataOut(format.parseNotebook(text, 'This notebook'));
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'notebook-parse-failed';
      const message = error instanceof Error ? error.message : String(error);
      this.log(`open: ${code}: ${message}`);
      return brokenNotebookOut({ code, message });
    }
  }

  /** Notebook data as the bytes of a `.inferra` file; refuses a document opened from a broken file. */
  async serializeNotebook(data: vscode.NotebookData): Promise<Uint8Array> {
    const converted = notebookDataIn(data);
    if ('broken' in converted) {
      throw new Error(`Inferra will not save this notebook: it was opened from a file that could not be read (${converted.broken.message}) Saving would overwrite your file. Fix it in a text editor instead.`);
    }
    const format = await loadNotebookFormat();
    return encoder.encode(format.serializeNotebook(converted.notebook));
  }
}
