/**
 * X API v2 error mapping (docs/providers.md X.7). Problem `type` URIs are matched by their last path
 * segment only, since X serves both api.twitter.com and api.x.com prefixes. Partial errors at
 * HTTP 200 are not failures of the request: the client maps them per item with `problemCode`.
 * A usage-capped 429 is final for the period and never retried; an ordinary 429 is.
 */
import { ProviderError, type ProviderErrorCode } from '../errors';
import type { Classifier, HttpResponse } from '../http';
import { XProblemSchema, type XItemError, type XProblem } from './types';

const PROVIDER = 'x-api-v2' as const;

/** "https://api.x.com/2/problems/usage-capped" -> "usage-capped"; "about:blank" stays. */
export function problemSlug(type: string | undefined): string {
  if (!type) return 'about:blank';
  if (type === 'about:blank') return type;
  const parts = type.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/');
  return parts[parts.length - 1] || type;
}

const SUSPENDED_RE = /suspend/i;

/** What one Problem says about the item or request it refers to. */
export function problemCode(p: XProblem): ProviderErrorCode {
  const slug = problemSlug(p.type);
  switch (slug) {
    case 'resource-not-found':
      // X.7: a suspended user is a resource-not-found with title "Forbidden".
      return p.title === 'Forbidden' || SUSPENDED_RE.test(p.detail ?? '') ? 'SUSPENDED' : 'NOT_FOUND';
    case 'resource-unavailable':
      return SUSPENDED_RE.test(`${p.title ?? ''} ${p.detail ?? ''}`) ? 'SUSPENDED' : 'NOT_FOUND';
    case 'not-authorized-for-resource':
      return 'PRIVATE';
    case 'invalid-request':
    case 'disallowed-resource':
      return 'INVALID_REQUEST';
    case 'client-forbidden':
    case 'unsupported-authentication':
      return 'AUTH';
    case 'usage-capped':
      return 'USAGE_CAPPED';
    case 'rate-limit-exceeded':
      return 'RATE_LIMITED';
    default:
      if (p.title === 'UsageCapExceeded') return 'USAGE_CAPPED';
      return 'TRANSIENT';
  }
}

export function problemText(p: XProblem): string {
  return p.detail ?? p.message ?? p.title ?? problemSlug(p.type);
}

/** The Problem a non-2xx body carries: the body itself, or the first of a legacy `errors[]`. */
function bodyProblem(body: string): XProblem | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const direct = XProblemSchema.safeParse(json);
  if (direct.success && (direct.data.type || direct.data.title)) return direct.data;
  const errors = (json as { errors?: unknown })?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = XProblemSchema.safeParse(errors[0]);
    if (first.success) return first.data;
  }
  return direct.success ? direct.data : undefined;
}

export function xClassifier(endpoint: string): Classifier {
  return (res: HttpResponse) => {
    const make = (code: ProviderErrorCode, message: string, extra: { rawBody?: string; retryable?: boolean } = {}) =>
      new ProviderError(code, message, { provider: PROVIDER, endpoint, status: res.status, ...extra });

    if (res.status >= 200 && res.status < 300) {
      try {
        JSON.parse(res.body);
        return undefined;
      } catch {
        // Unparseable means a transport fault (cut-off body, proxy page): retried. A parseable
        // body of the wrong shape is final (checked by the schemas).
        return make('MALFORMED', 'response body is not JSON', { rawBody: res.body, retryable: true });
      }
    }
    const p = bodyProblem(res.body);
    const text = p ? `${p.title ?? 'HTTP ' + res.status}: ${problemText(p)}` : `HTTP ${res.status}`;
    if (res.status === 429) {
      const capped = p && (problemSlug(p.type) === 'usage-capped' || p.title === 'UsageCapExceeded');
      return capped ? make('USAGE_CAPPED', text) : make('RATE_LIMITED', text);
    }
    if (res.status >= 500) return make('TRANSIENT', text);
    if (res.status === 401 || res.status === 403) return make('AUTH', text);
    if (p) {
      const code = problemCode(p);
      // Entity codes on a whole-request 4xx would wrongly mark accounts gone; keep them as-is
      // only when X said so explicitly through a problem type.
      if (code !== 'TRANSIENT' && code !== 'RATE_LIMITED') return make(code, text, { rawBody: res.body });
    }
    return make('INVALID_REQUEST', text, { rawBody: res.body });
  };
}

/** The username or id a partial error is about: `value`, else `resource_id`, else the bracketed part of `detail`. */
export function problemValue(p: XProblem): string | undefined {
  if (typeof p.value === 'string') return p.value;
  if (typeof p.resource_id === 'string') return p.resource_id;
  return /\[([^\]]+)\]/.exec(p.detail ?? '')?.[1];
}

/** A partial error (docs/providers.md X.7) as a per-item error: entity facts kept, anything else transient. */
export function itemErrorOf(p: XProblem): XItemError {
  const code = problemCode(p);
  const itemCode: XItemError['code'] =
    code === 'NOT_FOUND' || code === 'SUSPENDED' || code === 'PRIVATE' || code === 'INVALID_REQUEST' ? code : 'TRANSIENT';
  return { value: problemValue(p) ?? '', code: itemCode, detail: problemText(p), problem: p };
}
