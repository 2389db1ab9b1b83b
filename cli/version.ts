/**
 * `inferra --version`: the versions a run's provenance records (Inferra, @stdlib/stats, DuckDB,
 * Node, platform). It imports only the kernel's environment module, a leaf, so that the command
 * answers without loading the kernel (cli/entry.ts takes this path before anything else).
 */
import { collectEnvironment } from '../kernel/provenance/environment.js';

/** One "name version" line per component. */
export function versionText(): string {
  return Object.entries(collectEnvironment()).map(([k, v]) => `${k} ${v}`).join('\n');
}
