/**
 * What every panel of the explorer shares: number and time formats, errors shown with advice on
 * what to do, loading lines, the one data-loading hook, and section headings.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { GraphQLRequestError } from '../graphql-http';
import type { Platform } from './documents';

export const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
export const platformName = (p: Platform | string | null | undefined) => (p === 'TIKTOK' ? 'TikTok' : p === 'X' ? 'X' : '');
export const formatWhen = (iso: string) => `${when.format(new Date(iso))} UTC`;

export interface ShownError {
  code: string;
  message: string;
}

export function shown(err: unknown): ShownError {
  if (err instanceof GraphQLRequestError) return { code: err.code, message: err.message };
  return { code: 'ERROR', message: err instanceof Error ? err.message : String(err) };
}

/** What to do about an error code, in words. */
export function adviceFor(code: string): string {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'HTTP_401':
      return 'Sign in with an API key (the field at the top right).';
    case 'FORBIDDEN':
      return 'This key may not do that: sign in with a key of a higher role.';
    case 'NOT_FOUND':
      return 'Nothing has that id any more: search for it again.';
    case 'RATE_LIMITED':
    case 'HTTP_429':
      return 'Too many requests: wait a minute, then retry.';
    case 'NETWORK':
      return 'The API cannot be reached: check that the server runs, then retry.';
    case 'TIMEOUT':
      return 'The query took too long: try a smaller view (depth 1 or a lower limit).';
    case 'QUERY_TOO_COMPLEX':
      return 'The view is too large for the API limits: lower the depth or limit.';
    default:
      return 'Retry; if it keeps failing, the server log has the details.';
  }
}

export function ErrorBox({ error, onRetry }: { error: ShownError; onRetry?: () => void }) {
  return (
    <div className="error" role="alert" data-testid="error">
      <code className="error-code">{error.code}</code> <span className="error-message">{error.message}</span>
      <div className="error-advice">{adviceFor(error.code)}</div>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite" data-testid="loading">
      Loading {what}…
    </p>
  );
}

/** A value loaded from the API for a key, with loading and error states and a retry. */
export function useLoad<T>(key: string | null, load: (key: string) => Promise<T>): { data: T | null; loading: boolean; error: ShownError | null; retry: () => void } {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: ShownError | null; loading: boolean }>({ key: null, data: null, error: null, loading: false });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!key) {
      setState({ key, data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ key, data: s.key === key ? s.data : null, error: null, loading: true }));
    load(key).then(
      (data) => live && setState({ key, data, error: null, loading: false }),
      (err: unknown) => live && setState({ key, data: null, error: shown(err), loading: false }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; the key and a retry decide when to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);
  return { data: state.data, loading: state.loading, error: state.error, retry: () => setAttempt((a) => a + 1) };
}

/** The combined reach as what it is, a band between two assumptions about audience overlap. */

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
