/** The creator card: accounts side by side, the combined reach as a band, the match and its evidence, growth, lookalikes. */
import type { CreatorAccount, CreatorDetails } from './documents';
import type { ExplorerApi } from './explorer-api';
import { compact, ErrorBox, formatWhen, Loading, platformName, useLoad } from './status';

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
