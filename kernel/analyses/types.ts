/**
 * The shape every analysis has (STYLE.md, "Analyses"): validate -> compute -> check -> summarize.
 * `kernel/analyses/run.ts` drives the steps; `kernel/analyses/registry.ts` maps every analysis id
 * of CONTRACT.md to one `Analysis`.
 */
import type {
  AnalysisId,
  AnalysisOptions,
  AnalysisRequest,
  AssumptionCheck,
  DroppedRows,
  ResultTable,
  Roles,
  Table,
} from '../types.js';

/** The typed input of an analysis, with what validation dropped. */
export interface Validated<Input> {
  input: Input;
  /** Observations used. */
  n: number;
  /** Rows dropped for missing values in the roles' columns. */
  nMissing: number;
  dropped: DroppedRows[];
  warnings?: string[];
}

/** What `summarize` returns: the APA sentence and the tables a researcher reads. */
export interface Summary {
  summary: string;
  tables: ResultTable[];
  warnings?: string[];
  /** "Consider X because Y", when a check failed. */
  recommendations?: string[];
}

/** One analysis of CONTRACT.md. */
export interface Analysis<Input = any, Result extends object = any> {
  id: AnalysisId;
  /** The columns to load for these roles (the data layer loads only these). */
  columnsFor(roles: Roles): string[];
  /** Request + table -> typed input, or an InferraError. */
  validate(request: AnalysisRequest, table: Table): Validated<Input>;
  /** Pure numerics; returns a frozen flat result with camelCase fields (snake_case in JSON). */
  compute(input: Input, options: AnalysisOptions): Result;
  /** Assumption checks on the right thing (each group, residuals, expected counts). */
  check(input: Input, result: Result, options: AnalysisOptions): AssumptionCheck[];
  /** The exact variant's name, e.g. "Welch two-sample t-test". */
  variant(input: Input, result: Result, options: AnalysisOptions): string;
  /** Tables and the APA sentence; recommends alternatives when checks fail, never switches. */
  summarize(result: Result, input: Input, checks: AssumptionCheck[], options: AnalysisOptions): Summary;
}
