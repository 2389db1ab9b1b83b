/** Messages of kernel/worker: the statistics worker thread timing out, crashing or misbehaving. */
export const workerMessages = {
  'timeout': (p: { timeoutMs: number }) =>
    `The run took longer than ${formatSeconds(p.timeoutMs)} and was stopped.`,
  'worker-crashed': (p: { detail?: string }) =>
    `The statistics worker stopped unexpectedly${p.detail ? ` (${p.detail})` : ''}. The next run starts a fresh worker; if this happens again with the same data, the dataset may be too large for memory.`,
  'worker-protocol': (p: { detail: string }) =>
    `The statistics worker sent a message Inferra does not understand (${p.detail}). This is a bug; please report it.`,
};

function formatSeconds(ms: number): string {
  const seconds = Number(ms) / 1000;
  if (!Number.isFinite(seconds)) return 'the time limit';
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${Number(seconds.toFixed(1))} s`;
}
