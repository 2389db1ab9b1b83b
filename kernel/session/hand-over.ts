/**
 * Finished runs on their way to the provenance sinks (Supabase): handed over without waiting, with
 * the figures rendered to SVG first when the session has a renderer (a failed rendering sends the
 * run without figures, never drops it). `settle()` waits for the runs still being handed over.
 */
import { toInferraError } from '../errors.js';
import type { ResultJson } from '../notebook/outputs.js';
import { toProvJson } from '../provenance/prov-json.js';
import type { ProvenanceRecord } from '../provenance/record.js';
import type { FigureFile } from '../provenance/supabase.js';
import type { Figure } from '../types.js';
import type { SessionOptions } from './types.js';

export class SinkHandOver {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: Pick<SessionOptions, 'sinks' | 'renderSvg' | 'log' | 'notebookId' | 'notebookPath' | 'projectId'>) {}

  /** Hands a run to every sink (nothing when there are none). */
  submit(record: ProvenanceRecord, resultJson: ResultJson | undefined, figures: readonly Figure[]): void {
    const sinks = this.options.sinks ?? [];
    if (sinks.length === 0) return;
    const render = this.options.renderSvg;
    const handOver = (async () => {
      const files: FigureFile[] = [];
      if (render) {
        for (const [i, figure] of figures.entries()) {
          try {
            files.push({ name: `${String(i + 1).padStart(2, '0')}-${figure.kind}`, svg: await render(figure.vegaLite) });
          } catch (thrown) {
            this.options.log?.(`figure ${figure.kind} of ${record.cell_id} not rendered for Supabase: ${toInferraError(thrown).message}`);
          }
        }
      }
      const entry = {
        notebookId: this.options.notebookId ?? this.options.notebookPath ?? 'notebook',
        record,
        result: resultJson,
        prov: toProvJson(record),
        figures: files,
        ...(this.options.projectId ? { projectId: this.options.projectId } : {}),
      };
      for (const sink of sinks) sink.submit(entry);
    })();
    this.pending.add(handOver);
    void handOver.finally(() => this.pending.delete(handOver));
  }

  /** Waits for the runs being handed over, then flushes and closes the sinks. */
  async close(): Promise<void> {
    await Promise.all([...this.pending]);
    await Promise.all((this.options.sinks ?? []).map((s) => s.close()));
  }
}
