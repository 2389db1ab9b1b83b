/** Families of analyses for scoring decisions (from the task catalogue): a right family with the wrong variant is "same family". */
import { TASKS } from '../../../kernel/contract/index.js';
import type { TaskId } from '../../../kernel/types.js';

/** The family of an analysis or figure. */
export function familyOf(task: TaskId): string {
  return TASKS[task].family;
}
