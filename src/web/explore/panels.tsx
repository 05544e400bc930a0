/**
 * The side panels of the explorer: the creator card, the chain list and timeline, the competitor's
 * launches, and the small parts they share (status lines, the growth chart, the reach band).
 * Data comes in through props or the api; none of these touch the URL themselves.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { GraphQLRequestError } from '../graphql-http';
import { axisPosition, chainSummary, formatDuration, timelineRows } from './chain';
import type { BrandDetails, CampaignSummary, Chain, CreatorAccount, CreatorDetails, Platform } from './documents';
import type { ExplorerApi } from './explorer-api';

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
export function ReachBand({ reach, accounts }: { reach: CreatorDetails['combinedReach']; accounts: CreatorAccount[] }) {
  const scale = Math.max(reach.naive, reach.high, 1);
  const lo = (reach.low / scale) * 100;
  const hi = (reach.high / scale) * 100;
  return (
    <div className="reach" data-testid="reach-band">
      <div className="reach-label">
        Combined reach <strong>{reach.label}</strong>
      </div>
      <div
        className="band"
        role="img"
        aria-label={`Combined reach between ${compact.format(reach.low)} and ${compact.format(reach.high)} people, depending on how many follow both accounts`}
      >
        <div className="band-fill" style={{ left: `${lo}%`, width: `${Math.max(1, hi - lo)}%` }} />
      </div>
      <div className="reach-note muted">
        Between {compact.format(reach.low)} and {compact.format(reach.high)} people, for an assumed audience overlap of {Math.round(reach.overlapPctLow)}% to{' '}
        {Math.round(reach.overlapPctHigh)}% (basis: {reach.basis.toLowerCase().replace(/_/g, ' ')}
        {accounts.length < 2 ? ', one platform' : ''}).
      </div>
    </div>
  );
}

/** Followers over time per account, from Account.history, as a small line chart. */
export function GrowthChart({ accounts }: { accounts: CreatorAccount[] }) {
  const series = accounts.map((a) => ({
    a,
    points: [...a.history].sort((x, y) => Date.parse(x.at) - Date.parse(y.at)).map((h) => ({ t: Date.parse(h.at), v: h.followers })),
  }));
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return <p className="muted">No profile snapshots yet: growth shows after the first profile refresh.</p>;
  const t0 = Math.min(...all.map((p) => p.t));
  const t1 = Math.max(...all.map((p) => p.t));
  const W = 320;
  const H = 90;
  const x = (t: number) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * (W - 10) + 5 : W / 2);
  return (
    <figure className="growth" data-testid="growth-chart">
      {series.map(({ a, points }) => {
        const v0 = Math.min(...points.map((p) => p.v));
        const v1 = Math.max(...points.map((p) => p.v));
        const y = (v: number) => (v1 > v0 ? H - 8 - ((v - v0) / (v1 - v0)) * (H - 16) : H / 2);
        const last = points[points.length - 1];
        const first = points[0];
        const change = points.length > 1 ? last.v - first.v : null;
        return (
          <div key={a.id} className={`growth-series platform-${a.platform.toLowerCase()}`}>
            <div className="growth-head">
              {platformName(a.platform)} @{a.username}: {compact.format(last.v)} followers
              {change !== null && (
                <span className={change >= 0 ? 'up' : 'down'}>
                  {' '}
                  ({change >= 0 ? '+' : ''}
                  {compact.format(change)} since {formatWhen(new Date(first.t).toISOString())})
                </span>
              )}
            </div>
            <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} role="img" aria-label={`${platformName(a.platform)} followers over time, ${points.length} snapshots`}>
              <line x1={0} y1={H - 4} x2={W} y2={H - 4} className="axis" />
              {points.length > 1 && <polyline fill="none" className="line" points={points.map((p) => `${x(p.t)},${y(p.v)}`).join(' ')} />}
              {points.map((p) => (
                <circle key={p.t} cx={x(p.t)} cy={y(p.v)} r={points.length > 1 ? 2 : 4} className="dot" />
              ))}
            </svg>
            {points.length === 1 && <figcaption className="muted">One snapshot so far: the line grows with each daily profile refresh.</figcaption>}
          </div>
        );
      })}
    </figure>
  );
}

export function CreatorCard(props: { api: ExplorerApi; creatorId: string; onOpen(id: string): void; onChains(id: string): void }) {
  const { data, loading, error, retry } = useLoad(props.creatorId, (id) => props.api.creator(id));
  if (loading && !data) return <Loading what="the creator" />;
  if (error) return <ErrorBox error={error} onRetry={retry} />;
  if (!data) return <p className="empty">No creator has this id: it may have been merged into another. Search for the name again.</p>;
  const c = data;
  const tiktok = c.accounts.find((a) => a.platform === 'TIKTOK');
  const x = c.accounts.find((a) => a.platform === 'X');
  return (
    <section className="card creator-card" data-testid="creator-card" aria-labelledby="creator-card-title">
      <h2 id="creator-card-title">{c.displayName}</h2>
      <div className="accounts">
        {[tiktok, x].map((a, i) => (
          <div key={i} className={`account ${a ? `platform-${a.platform.toLowerCase()}` : 'missing'}`} data-testid={a ? `card-account-${a.platform}` : undefined}>
            <div className="platform">{i === 0 ? 'TikTok' : 'X'}</div>
            {a ? (
              <>
                <a href={a.profileUrl} target="_blank" rel="noreferrer noopener">
                  @{a.username}
                </a>
                {a.verified && <span title="verified"> ✓</span>}
                <div>{a.displayName}</div>
                <div>
                  <strong>{compact.format(a.followers)}</strong> followers
                </div>
                {a.postCount != null && <div className="muted">{compact.format(a.postCount)} posts</div>}
                {a.lastPostAt && <div className="muted">last post {formatWhen(a.lastPostAt)}</div>}
              </>
            ) : (
              <p className="muted">no account on {i === 0 ? 'TikTok' : 'X'}</p>
            )}
          </div>
        ))}
      </div>
      <ReachBand reach={c.combinedReach} accounts={c.accounts} />
      <h3>Match</h3>
      {c.match ? (
        <div className="match" data-testid="match">
          <div>
            <span className={`status status-${c.match.status.toLowerCase()}`}>{c.match.status}</span> score <strong>{c.match.score}</strong>
            {c.match.reviewedBy && <span className="muted"> · reviewed by {c.match.reviewedBy}</span>}
          </div>
          <table className="evidence">
            <caption className="sr-only">Evidence behind the match score</caption>
            <thead>
              <tr>
                <th>Signal</th>
                <th>TikTok</th>
                <th>X</th>
                <th className="num">Points</th>
              </tr>
            </thead>
            <tbody>
              {c.match.evidence.map((e, i) => (
                <tr key={`${e.signal}-${i}`}>
                  <td className="signal">
                    {e.signal.toLowerCase().replace(/_/g, ' ')}
                    {e.reason && <div className="muted">{e.reason.toLowerCase().replace(/_/g, ' ')}</div>}
                  </td>
                  <td>{e.values.find((v) => v.platform === 'TIKTOK')?.raw ?? '–'}</td>
                  <td>{e.values.find((v) => v.platform === 'X')?.raw ?? '–'}</td>
                  <td className="num">{e.points > 0 ? `+${e.points}` : e.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{c.accounts.length < 2 ? 'On one platform only: nothing to match.' : 'No match recorded.'}</p>
      )}
      <h3>Growth</h3>
      <GrowthChart accounts={c.accounts} />
      <h3>Lookalikes</h3>
      {c.similar.length === 0 ? (
        <p className="muted">No lookalikes: the creator shares no hashtags or amplifiers with others yet.</p>
      ) : (
        <ul className="similar" data-testid="lookalikes">
          {c.similar.map((s) => (
            <li key={s.creator.id}>
              <button type="button" className="link" onClick={() => props.onOpen(s.creator.id)}>
                {s.creator.displayName}
              </button>{' '}
              <span className="muted">
                {s.creator.combinedReach.label} · {s.sharedHashtags.slice(0, 3).map((t) => `#${t}`).join(' ')}
                {s.sharedAmplifiers > 0 ? ` · ${s.sharedAmplifiers} shared amplifiers` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => props.onChains(c.id)}>
        List {c.displayName}'s amplification chains
      </button>
    </section>
  );
}

export function ChainList(props: { ownerLabel: string; chains: Chain[]; openRoot: string | null; onOpen(root: string): void }) {
  if (props.chains.length === 0) {
    return <p className="empty" data-testid="chains-empty">No amplification chains for {props.ownerLabel}: nobody has reposted, quoted, linked or cross-posted their posts yet.</p>;
  }
  return (
    <ol className="chains" data-testid="chains">
      {props.chains.map((c) => (
        <li key={c.root.id}>
          <button
            type="button"
            className={`chain-item ${props.openRoot === c.root.id ? 'open' : ''}`}
            aria-current={props.openRoot === c.root.id ? 'true' : undefined}
            data-testid="chain-item"
            data-root={c.root.id}
            onClick={() => props.onOpen(c.root.id)}
          >
            {chainSummary(c)}
            <span className="muted"> · {compact.format(c.totalEngagement)} engagement</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/** The chain as a timeline: lanes per platform on a time axis, and the hops as a table. */
export function ChainTimeline({ chain, liveIds, onOpen }: { chain: Chain; liveIds: ReadonlySet<string>; onOpen(id: string): void }) {
  const rows = timelineRows(chain);
  const W = 1000;
  const lanes: Platform[] = ['TIKTOK', 'X'];
  const laneY = (p: Platform) => 24 + lanes.indexOf(p) * 34;
  const maxEng = Math.max(1, ...rows.map((r) => r.post.engagement));
  const xOf = (r: (typeof rows)[number]) => 90 + axisPosition(r, chain.spanSeconds) * (W - 110);
  const byId = new Map(rows.map((r) => [r.post.id, r]));
  return (
    <section className="timeline" data-testid="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        Chain from @{chain.root.author.username} on {platformName(chain.root.platform)}, {formatWhen(chain.root.createdAt)}
      </h2>
      <div className="chain-stats">
        {chain.byPlatform.map((b) => (
          <span key={b.platform} className={`stat platform-${b.platform.toLowerCase()}`} data-testid={`engagement-${b.platform}`}>
            {platformName(b.platform)}: {b.posts} posts, {compact.format(b.engagement)} engagement
          </span>
        ))}
        <span className="stat">
          {chain.depth} hop{chain.depth === 1 ? '' : 's'} over {formatDuration(chain.spanSeconds)}
        </span>
      </div>
      <svg viewBox={`0 0 ${W} 96`} width="100%" height="96" role="img" aria-label="Posts of the chain on a time axis, one lane per platform">
        {lanes.map((p) => (
          <g key={p}>
            <text x={4} y={laneY(p) + 4} className="lane-label">
              {platformName(p)}
            </text>
            <line x1={90} x2={W - 20} y1={laneY(p)} y2={laneY(p)} className="lane" />
          </g>
        ))}
        {chain.links.map((l) => {
          const a = byId.get(l.amplifier.id);
          const s = byId.get(l.source.id);
          if (!a || !s) return null;
          return <line key={`${l.amplifier.id}>${l.source.id}`} x1={xOf(s)} y1={laneY(s.post.platform)} x2={xOf(a)} y2={laneY(a.post.platform)} className={`hop amp-${l.kind.toLowerCase()}`} />;
        })}
        {rows.map((r) => (
          <circle
            key={r.post.id}
            cx={xOf(r)}
            cy={laneY(r.post.platform)}
            r={4 + 8 * Math.sqrt(r.post.engagement / maxEng)}
            className={`post platform-${r.post.platform.toLowerCase()} ${liveIds.has(r.post.id) ? 'live' : ''} ${r.hop === 0 ? 'root' : ''}`}
          >
            <title>{`@${r.post.author.username} +${formatDuration(r.offsetSeconds)}`}</title>
          </circle>
        ))}
        <text x={90} y={92} className="axis-label">
          root
        </text>
        <text x={W - 20} y={92} textAnchor="end" className="axis-label">
          +{formatDuration(chain.spanSeconds)}
        </text>
      </svg>
      <table className="hops">
        <thead>
          <tr>
            <th>When</th>
            <th>Platform</th>
            <th>Who</th>
            <th className="num">Engagement</th>
            <th>Hop</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.post.id} data-testid="timeline-row" data-post={r.post.id} className={liveIds.has(r.post.id) ? 'live' : undefined}>
              <td>{r.hop === 0 ? `root, ${formatWhen(r.post.createdAt)}` : `+${formatDuration(r.offsetSeconds)}`}</td>
              <td>{platformName(r.post.platform)}</td>
              <td>
                <a href={r.post.url} target="_blank" rel="noreferrer noopener">
                  @{r.post.author.username}
                </a>
                {r.post.author.creator && (
                  <>
                    {' '}
                    (
                    <button type="button" className="link" onClick={() => onOpen(r.post.author.creator!.id)}>
                      {r.post.author.creator.displayName}
                    </button>
                    )
                  </>
                )}
              </td>
              <td className="num">{compact.format(r.post.engagement)}</td>
              <td>
                {r.via
                  ? `${r.via.kind.toLowerCase()} of @${byId.get(r.via.sourceId)?.post.author.username ?? r.via.sourceId} after ${formatDuration(r.via.lagSeconds)}`
                  : r.hop === 0
                    ? 'root'
                    : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="chain-creators">
        Creators involved:{' '}
        {chain.creators.map((c, i) => (
          <span key={c.id}>
            {i > 0 && ', '}
            <button type="button" className="link" onClick={() => onOpen(c.id)}>
              {c.displayName}
            </button>
          </span>
        ))}
      </div>
    </section>
  );
}

export function CompetitorPanel(props: { brand: BrandDetails; campaigns: CampaignSummary[]; onChains(campaignId: string): void }) {
  const { brand } = props;
  const own = props.campaigns.filter((k) => k.brand?.id === brand.id);
  return (
    <section className="card competitor" data-testid="competitor" aria-labelledby="competitor-title">
      <h2 id="competitor-title">
        {brand.name} <span className="muted">{brand.competitor ? 'competitor' : 'own brand'}</span>
      </h2>
      <div className="accounts">
        {brand.accounts.map((a) => (
          <div key={a.id} className={`account platform-${a.platform.toLowerCase()}`}>
            <div className="platform">{platformName(a.platform)}</div>
            <a href={a.profileUrl} target="_blank" rel="noreferrer noopener">
              @{a.username}
            </a>
            <div>{compact.format(a.followers)} followers</div>
          </div>
        ))}
      </div>
      <h3>Launches</h3>
      {brand.launches.length === 0 ? (
        <p className="muted">No launches found: a launch is a hashtag the brand introduced on both platforms that others then took up.</p>
      ) : (
        <ul className="launches" data-testid="launches">
          {brand.launches.map((l) => (
            <li key={l.topic} data-testid="launch">
              <strong>#{l.topic}</strong>: {platformName(l.firstPlatform)} first
              {l.leadHours != null ? ` by ${formatDuration(Math.abs(l.leadHours) * 3600)}` : ' (only one platform so far)'}
              <div className="muted">
                {l.tiktokFirstAt && `TikTok ${formatWhen(l.tiktokFirstAt)}`}
                {l.tiktokFirstAt && l.xFirstAt && ' · '}
                {l.xFirstAt && `X ${formatWhen(l.xFirstAt)}`}
              </div>
            </li>
          ))}
        </ul>
      )}
      {own.length > 0 && (
        <>
          <h3>Campaigns</h3>
          <ul>
            {own.map((k) => (
              <li key={k.id}>
                <button type="button" className="link" onClick={() => props.onChains(k.id)}>
                  {k.name}: list its chains
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
