/**
 * Notebook renderer for Vega-Lite v6 outputs (id `inferra-vega`): renders the output's own spec with
 * vega-embed (no kernel round trip), offers SVG/PNG export, follows the VS Code theme unless the spec
 * configures its own look, evaluates expressions with vega's interpreter (no eval, CSP-safe) and
 * finalizes views when VS Code disposes the outputs. Specs come from files: one that names a file, an
 * address, an image or a link is not drawn, and vega's loader refuses every load (./untrusted.ts).
 */
import embed, { type Result, type VisualizationSpec } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { OutputItemLike, RendererApiLike, RendererContextLike } from '../common/renderer-api.js';
import { buildThemeConfig } from './theme.js';
import { externalReferenceIn, REFUSING_LOADER, withoutEmbedOptions } from './untrusted.js';

/** VS Code calls this once per output webview. */
export function activate(_context: RendererContextLike): RendererApiLike {
  const views = new Map<string, Result>();
  const dispose = (id: string) => {
    views.get(id)?.finalize();
    views.delete(id);
  };
  return {
    async renderOutputItem(item: OutputItemLike, element: HTMLElement, signal?: AbortSignal) {
      dispose(item.id);
      element.replaceChildren();
      const doc = element.ownerDocument;
      const container = doc.createElement('div');
      container.className = 'inferra-vega';
      element.append(container);
      try {
        const stored = item.json();
        if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) throw new Error('the stored figure is not a Vega-Lite spec');
        const where = externalReferenceIn(stored);
        if (where !== undefined) {
          showNote(container, `Figure not shown: it refers to an external resource (${where}), which Inferra never loads. Inferra's own figures carry their data inline; run the cell again to redraw it.`, 'note');
          return;
        }
        const spec = withoutEmbedOptions(stored as Record<string, unknown>) as VisualizationSpec;
        const result = await embed(container, spec, {
          mode: 'vega-lite',
          loader: REFUSING_LOADER as never,
          renderer: 'svg',
          ast: true,
          expr: expressionInterpreter,
          actions: { export: { svg: true, png: true }, source: false, compiled: false, editor: false },
          downloadFileName: fileNameFor(spec),
          config: buildThemeConfig(doc),
          tooltip: true,
        });
        if (signal?.aborted) {
          result.finalize();
          return;
        }
        prepareExportLinks(container, result);
        views.set(item.id, result);
      } catch (error) {
        showNote(container, `This figure could not be drawn: ${error instanceof Error ? error.message : String(error)}`, 'alert');
      }
    },
    disposeOutputItem(id?: string) {
      if (id !== undefined) {
        dispose(id);
        return;
      }
      for (const key of [...views.keys()]) dispose(key);
    },
  };
}

/** A short inert note in place of a figure (text only). */
function showNote(container: HTMLElement, text: string, role: 'alert' | 'note'): void {
  const box = container.ownerDocument.createElement('div');
  box.className = role === 'alert' ? 'inferra-vega-error' : 'inferra-vega-note';
  box.setAttribute('role', role);
  box.textContent = text;
  container.replaceChildren(box);
}

/**
 * vega-embed fills an export link's address on `mousedown`, asynchronously: a keyboard user (Enter on
 * the focused link) or a quick click could follow the empty `#`. The addresses are filled as soon as
 * the actions menu opens, so every way of activating a link downloads the figure.
 */
function prepareExportLinks(container: HTMLElement, result: Result): void {
  const menu = container.querySelector('details');
  if (!menu) return;
  menu.addEventListener('toggle', () => {
    if (!menu.open) return;
    for (const link of container.querySelectorAll<HTMLAnchorElement>('.vega-actions a[download]')) {
      const type = link.download.split('.').pop();
      if (type !== 'svg' && type !== 'png') continue;
      result.view.toImageURL(type).then(
        (url) => (link.href = url),
        () => undefined, // the link keeps vega-embed's own mousedown handler
      );
    }
  });
}

/** A download name from the spec's title, e.g. "flipper_length_mm-by-species". */
function fileNameFor(spec: VisualizationSpec | Record<string, unknown>): string {
  const title = (spec as { title?: unknown }).title;
  const text = typeof title === 'string' ? title : typeof (title as { text?: unknown })?.text === 'string' ? (title as { text: string }).text : '';
  const slug = text.toLowerCase().replace(/[^a-z0-9_]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'inferra-figure';
}
