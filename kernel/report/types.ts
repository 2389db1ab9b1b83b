/** The input of a report: a notebook's cells with their decisions, outcomes, errors and provenance. */
import type { AnalysisOutcome } from '../types.js';

/** One ask cell of a report. */
export interface ReportAskCell {
  kind: 'ask';
  id: string;
  source: string;
  /** `unreadable`: the stored status is not one Inferra writes. */
  status: 'ok' | 'error' | 'ambiguous' | 'no_match' | 'not-run' | 'unreadable';
  decision?: {
    analysis?: string;
    source?: 'rules' | 'llm';
    ruleId?: string;
    confidence?: number;
    rationale: string;
    /** Who pinned a reused decision when not the person who ran it (`another-author`, `file`). */
    pinOrigin?: string;
    alternatives: { analysis: string; roles: Record<string, unknown>; why: string }[];
  };
  outcome?: AnalysisOutcome;
  error?: { code: string; message: string };
  provenance?: { resultDigest?: string; datasetSha256?: string; startedAt?: string; durationMs?: number };
  /** Parts of the stored outputs that could not be read (not shown), with their JSON paths in the file. */
  problems?: { path: string; message: string }[];
}

/** One markdown cell of a report. */
export interface ReportMarkdownCell {
  kind: 'markdown';
  source: string;
}

/** One cell of a report, in notebook order. */
export type ReportCell = ReportMarkdownCell | ReportAskCell;

/** Everything a report shows. */
export interface ReportInput {
  title: string;
  notebookPath: string;
  /** ISO 8601. */
  generatedAt: string;
  datasets: { name: string; path: string; sha256?: string; rows?: number }[];
  /**
   * Engine versions and the like, e.g. `{ inferra: '0.1.0', node: 'v20.20.2' }`; values are shown as
   * text, undefined ones skipped (wider than `Record<string, string>` so a provenance record fits as is).
   */
  environment: Record<string, unknown>;
  cells: ReportCell[];
}
