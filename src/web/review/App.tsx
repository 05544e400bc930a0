/**
 * The review desk: PENDING cross-platform matches, strongest first, each with both accounts side by
 * side and the evidence behind its score, and Approve / Reject buttons. The list follows the
 * `matchChanged` subscription, so decisions made elsewhere (another reviewer, a matching run) show
 * up without a reload; after a reconnect the queue is reloaded to catch up on missed events.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { GraphQLRequestError } from '../graphql-http';
import { QUEUE_SIZE, type ReviewAccount, type ReviewEvidence, type ReviewMatch } from './documents';
import type { ConnectionState, ReviewDeskApi } from './desk-api';
import { deskReducer, EMPTY_DESK, sideBySide } from './queue';

interface ShownError {
  code: string;
  message: string;
}

function shown(err: unknown): ShownError {
  if (err instanceof GraphQLRequestError) return { code: err.code, message: err.message };
  return { code: 'ERROR', message: err instanceof Error ? err.message : String(err) };
}

function ErrorBox({ error, onDismiss }: { error: ShownError; onDismiss?: () => void }) {
  return (
    <div className="error" role="alert" data-testid="error">
      <code className="error-code">{error.code}</code> <span className="error-message">{error.message}</span>
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}

const numberFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

function Avatar({ account }: { account: ReviewAccount }) {
  const [failed, setFailed] = useState(false);
  const initial = (account.displayName || account.username).trim().charAt(0).toUpperCase() || '?';
  if (!account.avatarUrl || failed) return <div className="avatar avatar-fallback">{initial}</div>;
  // no-referrer: the provider's image host learns nothing about the desk.
  return (
    <img
      className="avatar"
      src={account.avatarUrl}
      alt=""
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}

function AccountColumn({ account, platform }: { account?: ReviewAccount; platform: 'TIKTOK' | 'X' }) {
  const label = platform === 'TIKTOK' ? 'TikTok' : 'X';
  if (!account) {
    return (
      <div className={`account account-${platform.toLowerCase()}`}>
        <div className="platform">{label}</div>
        <p className="muted">no account on this side</p>
      </div>
    );
  }
  return (
    <div className={`account account-${platform.toLowerCase()}`} data-testid={`account-${platform}`}>
      <div className="platform">{label}</div>
      <div className="account-head">
        <Avatar account={account} />
        <div>
          <a className="username" href={account.profileUrl} target="_blank" rel="noreferrer noopener">
            @{account.username}
          </a>
          <div className="display-name">{account.displayName ?? <span className="muted">no display name</span>}</div>
          <div className="followers" title={String(account.followers)}>
            {numberFormat.format(account.followers)} followers
          </div>
        </div>
      </div>
      <p className="bio">{account.bio || <span className="muted">no bio</span>}</p>
      {account.bioLink ? (
        <a className="biolink" href={account.bioLink} target="_blank" rel="noreferrer noopener">
          {account.bioLink}
        </a>
      ) : (
        <span className="muted">no bio link</span>
      )}
    </div>
  );
}

function valueOf(e: ReviewEvidence, platform: 'TIKTOK' | 'X') {
  const v = e.values.find((x) => x.platform === platform);
  if (!v || (v.raw == null && v.normalized == null)) return <span className="muted">–</span>;
  return (
    <>
      <span className="raw">{v.raw ?? '–'}</span>
      {v.normalized != null && v.normalized !== v.raw && <span className="normalized">→ {v.normalized}</span>}
    </>
  );
}

function EvidenceTable({ evidence }: { evidence: ReviewEvidence[] }) {
  if (evidence.length === 0) return <p className="muted">no evidence recorded</p>;
  return (
    <table className="evidence">
      <thead>
        <tr>
          <th>Signal</th>
          <th>Reason</th>
          <th>TikTok</th>
          <th>X</th>
          <th className="num">Points</th>
        </tr>
      </thead>
      <tbody>
        {evidence.map((e, i) => (
          <tr key={`${e.signal}-${i}`}>
            <td>{e.signal}</td>
            <td>{e.reason ?? <span className="muted">–</span>}</td>
            <td>{valueOf(e, 'TIKTOK')}</td>
            <td>{valueOf(e, 'X')}</td>
            <td className={`num ${e.points < 0 ? 'negative' : ''}`}>{e.points > 0 ? `+${e.points}` : e.points}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Decision = 'approve' | 'reject';

function MatchCard(props: {
  match: ReviewMatch;
  onDecide: (match: ReviewMatch, decision: Decision, note: string) => Promise<void>;
}) {
  const { match } = props;
  const { tiktok, x } = sideBySide(match);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  const decide = async (decision: Decision) => {
    setBusy(decision);
    setError(null);
    try {
      await props.onDecide(match, decision, note.trim());
    } catch (err) {
      setError(shown(err));
      setBusy(null);
    }
  };

  return (
    <article className="match" data-testid="match" data-match-id={match.id}>
      <header className="match-head">
        <span className="score" title="match score (0-100)">
          {match.score}
        </span>
        <span className="reasons">
          {match.reasons.map((r) => (
            <span key={r} className="reason">
              {r}
            </span>
          ))}
        </span>
        <code className="match-id">{match.id}</code>
      </header>
      <div className="pair">
        <AccountColumn platform="TIKTOK" account={tiktok} />
        <AccountColumn platform="X" account={x} />
      </div>
      <EvidenceTable evidence={match.evidence} />
      {error && <ErrorBox error={error} onDismiss={() => setError(null)} />}
      <footer className="actions">
        <input
          className="note"
          type="text"
          placeholder="Note (optional)"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          disabled={busy !== null}
          aria-label="Review note"
        />
        <button type="button" className="approve" disabled={busy !== null} onClick={() => decide('approve')}>
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
        <button type="button" className="reject" disabled={busy !== null} onClick={() => decide('reject')}>
          {busy === 'reject' ? 'Rejecting…' : 'Reject'}
        </button>
      </footer>
    </article>
  );
}

const CONNECTION_LABEL: Record<ConnectionState, string> = {
  connecting: 'connecting…',
  connected: 'live',
  closed: 'offline',
};

/** The reviewer's API key: the API records the key's name on each decision, so the key is the identity. */
function ApiKeyField({ apiKey }: { apiKey: ApiKeyStore }) {
  const [key, setKey] = useState(apiKey.initial);
  return (
    <input
      className="reviewer"
      type="password"
      autoComplete="off"
      placeholder="API key"
      aria-label="API key"
      data-testid="api-key"
      value={key}
      onChange={(e) => {
        setKey(e.target.value);
        apiKey.save(e.target.value.trim());
      }}
    />
  );
}

/** Where the page keeps the reviewer's API key (sent with every request and on the live socket). */
export interface ApiKeyStore {
  initial: string;
  save(key: string): void;
}

export function ReviewDesk(props: { api: ReviewDeskApi; playgroundHref: string; apiKey: ApiKeyStore }) {
  const { api, playgroundHref } = props;
  const [{ queue, totalCount }, dispatch] = useReducer(deskReducer, EMPTY_DESK);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<ShownError | null>(null);
  const [liveError, setLiveError] = useState<ShownError | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const everConnected = useRef(false);

  const load = useCallback(async () => {
    setLoading(true);
    dispatch({ type: 'loadStarted' });
    try {
      const page = await api.loadQueue();
      dispatch({ type: 'loaded', matches: page.matches, totalCount: page.totalCount });
      setLoadError(null);
    } catch (err) {
      setLoadError(shown(err));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    const offConnection = api.onConnection((state) => {
      setConnection(state);
      if (state === 'connected') {
        setLiveError(null);
        // After a reconnect, events may have been missed while offline: reload to catch up.
        if (everConnected.current) void load();
        everConnected.current = true;
      }
    });
    const unsubscribe = api.onMatchChanged(
      (event) => dispatch({ type: 'match', match: event.match }),
      (err) => setLiveError(err),
    );
    void load();
    return () => {
      unsubscribe();
      offConnection();
    };
  }, [api, load]);

  const decide = useCallback(
    async (match: ReviewMatch, decision: Decision, note: string) => {
      const updated = decision === 'approve' ? await api.approve(match.id, note) : await api.reject(match.id, note);
      dispatch({ type: 'match', match: updated });
    },
    [api],
  );

  return (
    <div className="desk">
      <header className="desk-head">
        <h1>Match review</h1>
        <span className="count" data-testid="pending-count">
          {totalCount === null ? '' : `${totalCount} pending`}
        </span>
        <span className={`connection connection-${connection}`} data-testid="connection">
          {CONNECTION_LABEL[connection]}
        </span>
        <button type="button" onClick={() => void load()} disabled={loading}>
          Reload
        </button>
        <ApiKeyField apiKey={props.apiKey} />
        <a href={playgroundHref}>GraphQL playground</a>
      </header>
      {loadError && <ErrorBox error={loadError} onDismiss={() => setLoadError(null)} />}
      {liveError && <ErrorBox error={liveError} onDismiss={() => setLiveError(null)} />}
      <main data-testid="queue">
        {queue.matches.length === 0 && !loading && !loadError && (
          <p className="empty" data-testid="empty">
            Nothing to review.
          </p>
        )}
        {queue.matches.length === 0 && loading && <p className="muted">Loading…</p>}
        {queue.matches.map((m) => (
          <MatchCard key={m.id} match={m} onDecide={decide} />
        ))}
      </main>
    </div>
  );
}
