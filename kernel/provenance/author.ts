/**
 * Who pinned a decision (security review L8). A pinned decision in a notebook is applied on every
 * run; in a notebook received from someone else it may restrict rows or change the hypothesis. So
 * each decision this user pins carries `pinned_by: { id, mac }`:
 *
 * - `id`: a random per-user id (`a-` + 16 hex digits), kept with a secret key in
 *   `$XDG_CONFIG_HOME/inferra/author.json` (default `~/.config/inferra/`, mode 0600), created on first
 *   use. It names no person (no e-mail, no user name goes into shared files);
 * - `mac`: HMAC-SHA256 of the decision (canonical JSON without `pinned_by`) under the secret key, so a
 *   decision edited after it was pinned, or one that copies someone's id, is not taken for theirs.
 *
 * `pinOrigin` tells the decision line what to say: `you` (nothing), `another-author` ("pinned by
 * another author") or `file` ("pinned in the file, not by you": no or a broken signature, or this
 * user's identity is unknown and the pin was not made in this session).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { canonicalJson } from './canonical.js';

/** This user's pinning identity. */
export interface AuthorIdentity {
  id: string;
  /** 32 random bytes; never leaves this machine. */
  key: Buffer;
}

/** Who pinned a reused decision, relative to the user running it. */
export type PinOrigin = 'you' | 'another-author' | 'file';

/** `$XDG_CONFIG_HOME/inferra/author.json`, or under `~/.config`. */
export function defaultAuthorFile(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'inferra', 'author.json');
}

/** This user's identity, created on first use; undefined when it can be neither read nor written. */
export function loadAuthorIdentity(file = defaultAuthorFile()): AuthorIdentity | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown; key?: unknown };
    if (typeof stored.id === 'string' && /^a-[0-9a-f]{16}$/.test(stored.id) && typeof stored.key === 'string' && /^[0-9a-f]{64}$/.test(stored.key)) {
      return { id: stored.id, key: Buffer.from(stored.key, 'hex') };
    }
  } catch {
    // absent or unreadable: create it below
  }
  try {
    const identity = { id: `a-${randomBytes(8).toString('hex')}`, key: randomBytes(32) };
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ id: identity.id, key: identity.key.toString('hex') }), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
    return identity;
  } catch {
    return undefined;
  }
}

/** The decision JSON a signature covers: everything but `pinned_by`. */
function signedPart(decision: Record<string, unknown>): string {
  const { pinned_by: _ignored, ...rest } = decision;
  return canonicalJson(rest);
}

/** `pinned_by` for a decision this user pins. */
export function signPin(decision: Record<string, unknown>, author: AuthorIdentity): { id: string; mac: string } {
  return { id: author.id, mac: createHmac('sha256', author.key).update(signedPart(decision)).digest('hex') };
}

/** Whether `decision.pinned_by` is this user's valid signature of the decision as it stands. */
export function isOwnPin(decision: Record<string, unknown>, author: AuthorIdentity | undefined): boolean {
  const by = decision.pinned_by as { id?: unknown; mac?: unknown } | undefined;
  if (!author || !by || by.id !== author.id || typeof by.mac !== 'string' || !/^[0-9a-f]{64}$/.test(by.mac)) return false;
  const expected = Buffer.from(signPin(decision, author).mac, 'hex');
  return timingSafeEqual(expected, Buffer.from(by.mac, 'hex'));
}

/**
 * Who pinned a decision read from a notebook: `you` (valid own signature, or made in this session:
 * `madeHere`), `another-author` (signed with another id, while this user's identity is known), else
 * `file`.
 */
export function pinOrigin(decision: Record<string, unknown>, author: AuthorIdentity | undefined, madeHere = false): PinOrigin {
  if (madeHere || isOwnPin(decision, author)) return 'you';
  const by = decision.pinned_by as { id?: unknown } | undefined;
  if (author && by && typeof by.id === 'string' && by.id !== author.id) return 'another-author';
  return 'file';
}
