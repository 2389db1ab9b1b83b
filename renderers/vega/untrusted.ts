/**
 * A notebook's stored figure specs come from the file, and a file may come from anyone: opening it
 * must not make the webview load anything. The check and the refusing loader are the report's
 * (kernel/contract/figure-spec.ts); the renderer adds that a file may not choose vega-embed's options.
 */
export { externalReferenceIn, REFUSING_LOADER } from '../../kernel/contract/figure-spec.js';

/**
 * The spec without `usermeta.embedOptions`: vega-embed merges those over the renderer's own options
 * (loader settings, config or patch addresses to fetch, the expression mode), and a file must not
 * choose them.
 */
export function withoutEmbedOptions(spec: Record<string, unknown>): Record<string, unknown> {
  const usermeta = spec.usermeta;
  if (usermeta === null || typeof usermeta !== 'object' || !('embedOptions' in usermeta)) return spec;
  const { embedOptions: _dropped, ...rest } = usermeta as Record<string, unknown>;
  return { ...spec, usermeta: rest };
}
