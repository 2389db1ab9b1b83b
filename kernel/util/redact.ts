/**
 * Secrets out of quoted upstream text. Error bodies of the xAI API and of Supabase are quoted in
 * messages (a cell's error, a notebook, stderr); a proxy or a hostile endpoint may echo the request
 * in them. Before such text is used, the secrets the caller knows (API key, password, e-mail code)
 * and anything shaped like a credential are replaced:
 *
 *   - `Bearer <token>` / `Basic <token>`   -> `Bearer [redacted]`
 *   - JWTs (`eyJ….….…`)                    -> `[redacted JWT]`
 *   - xAI keys (`xai-…`), `sk-…` keys      -> `xai-[redacted]`, `sk-[redacted]`
 *   - JSON / form fields named like a secret (`"password": "…"`, `refresh_token=…`, `apikey: …`)
 *                                            -> the value becomes `[redacted]`
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/** Field names whose value is a secret, in JSON (`"name": "v"`), forms (`name=v`) or headers (`name: v`). */
const SECRET_FIELDS = [
  'password', 'passwd', 'secret', 'client_secret', 'api_key', 'apikey', 'x-api-key', 'authorization',
  'access_token', 'refresh_token', 'id_token', 'provider_token', 'provider_refresh_token', 'token', 'code_verifier',
];

const FIELD = `(?:${SECRET_FIELDS.map((f) => f.replace(/[-_]/g, '[-_]?')).join('|')})`;

const PATTERNS: [RegExp, string][] = [
  // "password": "value" (JSON, also with escaped quotes inside a quoted JSON string)
  [new RegExp(`((\\\\?["'])${FIELD}\\2\\s*:\\s*(\\\\?["']))(?:\\\\.|(?!\\3)[^\\\\])*`, 'gi'), `$1${REDACTED}`],
  // Authorization: Bearer x / Basic x
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // password=value, refresh_token=value (forms, query strings), apikey: value (headers)
  [new RegExp(`(\\b${FIELD}\\s*[=:]\\s*)(?!\\[redacted\\]|["'\\\\])[^\\s&,;"'}\\]]+`, 'gi'), `$1${REDACTED}`],
  // JWTs: three base64url parts, the first one a JSON object ("eyJ")
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, `[redacted JWT]`],
  // xAI and OpenAI-style keys
  [/\bxai-[A-Za-z0-9_-]{6,}/gi, `xai-${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{16,}/g, `sk-${REDACTED}`],
];

/**
 * `text` with the given secrets (exactly, and as they appear URL- or JSON-encoded) and anything
 * that looks like a credential replaced by `[redacted]`. Secrets shorter than 4 characters are
 * not searched for (they would blank out ordinary words); the patterns still apply.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined | null)[] = []): string {
  let out = text;
  const known = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4))]
    .flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
  for (const secret of new Set(known)) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
