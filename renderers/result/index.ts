/**
 * Notebook renderer for `application/vnd.inferra.result+json` (id `inferra-result`): draws the
 * result view and forwards a clicked ambiguity choice to the extension when messaging is available.
 */
import { injectStyleOnce, type OutputItemLike, type RendererApiLike, type RendererContextLike } from '../common/renderer-api.js';
import { isResultPayload, type ChooseMessage } from './payload.js';
import { buildResultView } from './render.js';
import { RESULT_CSS, RESULT_STYLE_ID } from './styles.js';

/** VS Code calls this once per output webview. */
export function activate(context: RendererContextLike): RendererApiLike {
  const post = typeof context.postMessage === 'function'
    ? (message: ChooseMessage) => context.postMessage!(message)
    : undefined;
  return {
    renderOutputItem(item: OutputItemLike, element: HTMLElement) {
      const doc = element.ownerDocument;
      injectStyleOnce(doc, RESULT_STYLE_ID, RESULT_CSS);
      element.replaceChildren();
      let data: unknown;
      try {
        data = item.json();
      } catch {
        data = undefined;
      }
      if (!isResultPayload(data)) {
        const box = doc.createElement('div');
        box.className = 'inferra-result';
        box.textContent = 'This Inferra output could not be read (not a result payload). Re-run the cell.';
        element.append(box);
        return;
      }
      element.append(buildResultView(data, doc, { postMessage: post }));
    },
    disposeOutputItem() {
      // Nothing to free: the view holds no timers or external resources.
    },
  };
}
