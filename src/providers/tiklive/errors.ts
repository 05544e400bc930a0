/**
 * TikLiveAPI error mapping (docs/providers.md T.4). Most failures arrive as HTTP 200, so the body is
 * read first:
 *   1. `{"status":"error","message":...}`  -> PRIVATE / NOT_FOUND by message, else TRANSIENT;
 *   2. a bare `{"message":...}` (one key)  -> AUTH / QUOTA by message, else TRANSIENT;
 *   3. anything else is a success (the schemas then decide whether it is MALFORMED).
 * A 200 body that is not JSON at all is MALFORMED but retried (a cut-off body, a proxy page).
 * Real status codes: 429 -> RATE_LIMITED, 5xx -> TRANSIENT, 401/403 -> AUTH (defensive).
 */
import { ProviderError } from '../errors';
import type { Classifier, HttpResponse } from '../http';
import { BARE_MESSAGE_PATTERNS, STATUS_ERROR_PATTERNS } from './assumptions';

const PROVIDER = 'tikliveapi' as const;

function err(code: ProviderError['code'], message: string, endpoint: string, res: HttpResponse, extra: Partial<{ rawBody: string; retryable: boolean }> = {}) {
  return new ProviderError(code, message, { provider: PROVIDER, endpoint, status: res.status, ...extra });
}

/** Maps a TikLiveAPI message body to an error, or undefined when the body is not an error envelope. */
export function classifyTikLiveBody(body: unknown, endpoint: string, res: HttpResponse): ProviderError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const o = body as Record<string, unknown>;
  const message = typeof o.message === 'string' ? o.message : '';
  if (o.status === 'error') {
    if (STATUS_ERROR_PATTERNS.PRIVATE.test(message)) return err('PRIVATE', message, endpoint, res);
    if (STATUS_ERROR_PATTERNS.NOT_FOUND.test(message)) return err('NOT_FOUND', message, endpoint, res);
    return err('TRANSIENT', `provider error: ${message || '(no message)'}`, endpoint, res);
  }
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === 'message' && typeof o.message === 'string') {
    if (BARE_MESSAGE_PATTERNS.AUTH.test(message)) return err('AUTH', message, endpoint, res);
    if (BARE_MESSAGE_PATTERNS.QUOTA.test(message)) return err('QUOTA', message, endpoint, res);
    return err('TRANSIENT', `provider message: ${message}`, endpoint, res);
  }
  return undefined;
}

export function tikLiveClassifier(endpoint: string): Classifier {
  return (res) => {
    if (res.status === 429) return err('RATE_LIMITED', 'HTTP 429 Too Many Requests', endpoint, res);
    if (res.status >= 500) return err('TRANSIENT', `HTTP ${res.status}`, endpoint, res);
    if (res.status === 401 || res.status === 403) return err('AUTH', `HTTP ${res.status}`, endpoint, res);
    if (res.status < 200 || res.status >= 300) {
      return err('INVALID_REQUEST', `HTTP ${res.status}`, endpoint, res, { rawBody: res.body });
    }
    if (res.body.trim() === '') {
      // T.4: empty or ambiguous replies are transient, never "deleted".
      return err('TRANSIENT', 'empty response body', endpoint, res);
    }
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      // Unparseable (cut off, an HTML error page from a proxy): likely a transport fault, so a
      // retry is worth it. A parseable body of the wrong shape is final (checked by the schemas).
      return err('MALFORMED', 'response body is not JSON', endpoint, res, { rawBody: res.body, retryable: true });
    }
    return classifyTikLiveBody(body, endpoint, res);
  };
}
