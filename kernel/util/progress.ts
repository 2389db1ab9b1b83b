/** A progress message as the doors show it: a load's rows read as a percentage of the table. */
import type { ProgressEvent } from '../types.js';

export function progressText(message: string, event?: ProgressEvent): string {
  if (event?.phase !== 'load' || !event.total) return message;
  return `${message} (${Math.round((100 * (event.rows ?? 0)) / event.total)}%)`;
}
