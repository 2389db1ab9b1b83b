/**
 * Child process for the queue crash test: enqueues large entries as fast as it can until it is
 * killed (SIGKILL), printing "ready" after the first one so the parent knows writes are under way.
 */
import { DiskQueue } from '../../../kernel/provenance/queue.js';

const dir = process.argv[2];
const queue = new DiskQueue<{ n: number; payload: string }>({ dir, send: async () => {} });
const payload = 'x'.repeat(256 * 1024);
for (let n = 0; ; n++) {
  await queue.enqueue({ n, payload }, `entry-${n}`);
  if (n === 0) process.stdout.write('ready\n');
}
