/** Checks of the options the comparison analyses share (t-tests, rank tests, ANOVA, post-hoc). */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions } from '../../types.js';

/** `confLevel` strictly between 0 and 1, or `invalid-option`. */
export function validateConfLevel(options: AnalysisOptions): void {
  const c = options.confLevel;
  if (!(Number.isFinite(c) && c > 0 && c < 1)) {
    throw new InferraError('invalid-option', {
      option: 'conf-level',
      detail: `must be a number between 0 and 1, such as 0.95 (got ${c}).`,
    });
  }
}

/** `mu` a finite number, or `invalid-option`. */
export function validateMu(options: AnalysisOptions): void {
  if (!Number.isFinite(options.mu)) {
    throw new InferraError('invalid-option', { option: 'mu', detail: `must be a finite number (got ${options.mu}).` });
  }
}
