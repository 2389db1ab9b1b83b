/**
 * A test double of the xAI API on 127.0.0.1:0 (plain node:http): `GET /v1/models` and
 * `POST /v1/responses`. Each test queues how the next calls are answered.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers one call. */
export type Reply =
  | { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'text'; status: number; body: string; headers?: Record<string, string> }
  | { kind: 'drop' }
  /** A hostile (or careless) endpoint: answers `status` with the request's Authorization header and body quoted in the error. */
  | { kind: 'echo'; status: number };

/** A recorded request. */
export interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** The fake API. */
export class FakeGrok {
  server: Server;
  baseUrl = '';
  seen: Seen[] = [];
  models = ['grok-4.3', 'grok-4.20'];
  responses: Reply[] = [];
  /** Used when the queue is empty. */
  fallback: Reply | undefined;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.seen = [];
    this.responses = [];
    this.fallback = undefined;
    this.models = ['grok-4.3', 'grok-4.20'];
  }

  /** Calls to POST /responses so far. */
  get responseCalls(): Seen[] {
    return this.seen.filter((s) => s.path === '/v1/responses');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    this.seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
    if (req.method === 'GET' && req.url === '/v1/models') {
      return send(res, { kind: 'json', body: { object: 'list', data: this.models.map((id) => ({ id, object: 'model', owned_by: 'xai' })) } });
    }
    if (req.method === 'POST' && req.url === '/v1/responses') {
      const reply = this.responses.shift() ?? this.fallback;
      if (!reply) return send(res, { kind: 'json', status: 500, body: { error: 'no reply queued' } });
      if (reply.kind === 'echo') return send(res, echoReply(reply.status, req, text));
      return send(res, reply);
    }
    send(res, { kind: 'json', status: 404, body: { error: `no route ${req.method} ${req.url}` } });
  }
}

/** The error body of an endpoint that quotes what it was sent. */
function echoReply(status: number, req: IncomingMessage, text: string): Exclude<Reply, { kind: 'echo' }> {
  const message = `Incorrect API key provided: ${req.headers.authorization ?? ''}. Request was: ${text.slice(0, 4000)}`;
  return { kind: 'json', status, body: { error: { message, authorization: req.headers.authorization }, code: message } };
}

async function send(res: ServerResponse, reply: Exclude<Reply, { kind: 'echo' }>): Promise<void> {
  if (reply.kind === 'drop') {
    res.socket?.destroy();
    return;
  }
  if (reply.kind === 'json' && reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
  if (res.destroyed) return;
  const payload = reply.kind === 'json' ? JSON.stringify(reply.body) : reply.body;
  res.writeHead(reply.kind === 'json' ? (reply.status ?? 200) : reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
  res.end(payload);
}

/** A Responses API body whose output text is `text`. */
export function responsesBody(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'resp_test_123',
    object: 'response',
    model: 'grok-4.3',
    output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] }],
    usage: {
      input_tokens: 500,
      output_tokens: 50,
      total_tokens: 550,
      input_tokens_details: { cached_tokens: 100 },
      output_tokens_details: { reasoning_tokens: 20 },
      cost_in_usd_ticks: 1234567,
    },
    ...extra,
  };
}

/** A well-formed answer with every role present (null when unused). */
export function answerText(analysis: string, roles: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const all = { outcome: null, group: null, x: null, y: null, predictors: null, pair_id: null, before: null, after: null, row: null, col: null, column: null, color: null, ...roles };
  return JSON.stringify({ analysis, roles: all, alternative: null, mu: null, conf_level: null, rationale: 'Two numeric columns: a correlation.', ...extra });
}
