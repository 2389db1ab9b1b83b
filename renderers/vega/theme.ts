/**
 * A Vega-Lite config that follows the VS Code theme: colours come from the `--vscode-*` CSS variables
 * of the output webview and the background stays transparent. vega-lite merges the spec's own
 * `config` over this one, so a spec that sets its look keeps it.
 */

/** Reads a CSS variable from the document body, or a fallback. */
function readVariable(doc: Document, name: string, fallback: string): string {
  const view = doc.defaultView;
  const value = view?.getComputedStyle ? view.getComputedStyle(doc.body).getPropertyValue(name).trim() : '';
  return value || fallback;
}

/** Whether VS Code shows a dark (or high-contrast dark) theme. */
export function isDarkTheme(doc: Document): boolean {
  const list = doc.body?.classList;
  return Boolean(list && (list.contains('vscode-dark') || list.contains('vscode-high-contrast') && !list.contains('vscode-high-contrast-light')));
}

/** The theme config for the current document. */
export function buildThemeConfig(doc: Document): Record<string, unknown> {
  const dark = isDarkTheme(doc);
  const foreground = readVariable(doc, '--vscode-editor-foreground', dark ? '#cccccc' : '#333333');
  const muted = readVariable(doc, '--vscode-descriptionForeground', dark ? '#9d9d9d' : '#717171');
  const grid = dark ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.10)';
  const font = readVariable(doc, '--vscode-font-family', 'sans-serif');
  return {
    background: 'transparent',
    font,
    title: { color: foreground, subtitleColor: muted },
    axis: { labelColor: foreground, titleColor: foreground, gridColor: grid, domainColor: muted, tickColor: muted },
    legend: { labelColor: foreground, titleColor: foreground },
    header: { labelColor: foreground, titleColor: foreground },
    view: { stroke: grid },
    ...(dark ? { range: { category: { scheme: 'tableau10' } } } : {}),
  };
}
