/**
 * The slice of VS Code's notebook renderer API (`vscode-notebook-renderer`) that Inferra's renderers
 * use, declared here so the renderers need no extra type package and tests can pass plain fakes.
 */

/** One output item handed to a renderer. */
export interface OutputItemLike {
  readonly id: string;
  readonly mime: string;
  json(): unknown;
  text(): string;
}

/** What VS Code passes to a renderer's `activate`. `postMessage` exists only when messaging is available. */
export interface RendererContextLike {
  postMessage?(message: unknown): void;
  readonly workspace?: { readonly isTrusted: boolean };
}

/** What a renderer's `activate` returns. */
export interface RendererApiLike {
  renderOutputItem(item: OutputItemLike, element: HTMLElement, signal?: AbortSignal): void | Promise<void>;
  disposeOutputItem?(id?: string): void;
}

/** Adds a <style> element with the given id and text to the element's document, once. */
export function injectStyleOnce(doc: Document, id: string, css: string): void {
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = css;
  (doc.head ?? doc.body).appendChild(style);
}
