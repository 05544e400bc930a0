/** Signing in with an API key: the key in use, checked against the API, and the form that changes it. */
import { useEffect, useState } from 'react';
import type { ExplorerApi } from './explorer-api';
import { shown, type ShownError } from './status';

export interface SignIn {
  /** The key in use ('' for none) and whether it is the demo key the server pre-filled. */
  key: string;
  demo: boolean;
  /** Checks the key against the API and, when accepted, keeps it and reconnects live updates. */
  signIn(key: string): Promise<void>;
}

type Status = { state: 'checking' } | { state: 'ok' } | { state: 'refused'; error: ShownError } | { state: 'none' };

export function SignInForm({ signIn, api, onChange }: { signIn: SignIn; api: ExplorerApi; onChange(): void }) {
  const [key, setKey] = useState(signIn.key);
  const [status, setStatus] = useState<Status>(signIn.key ? { state: 'checking' } : { state: 'none' });
  useEffect(() => {
    if (!signIn.key) return;
    api.checkKey(signIn.key).then(
      () => setStatus({ state: 'ok' }),
      (err) => setStatus({ state: 'refused', error: shown(err) }),
    );
  }, [api, signIn.key]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setStatus({ state: 'checking' });
    try {
      await signIn.signIn(key.trim());
      setStatus({ state: 'ok' });
      onChange();
    } catch (err) {
      setStatus({ state: 'refused', error: shown(err) });
    }
  };
  const label =
    status.state === 'ok'
      ? signIn.demo && key === signIn.key
        ? 'signed in (demo key)'
        : 'signed in'
      : status.state === 'checking'
        ? 'checking…'
        : status.state === 'refused'
          ? `key refused (${status.error.code})`
          : 'not signed in';
  return (
    <form className="signin" onSubmit={submit} aria-label="Sign in">
      <label htmlFor="api-key" className="sr-only">
        API key
      </label>
      <input
        id="api-key"
        type="password"
        autoComplete="off"
        placeholder="API key"
        data-testid="api-key"
        value={key}
        onChange={(e) => setKey(e.target.value)}
      />
      <button type="submit">Sign in</button>
      <span className={`signin-status signin-${status.state}`} data-testid="signin-status" role="status">
        {label}
      </span>
    </form>
  );
}
