/** Amplification chains beside the graph: the list of a creator's or campaign's chains, and one chain as a timeline. */
import { axisPosition, chainSummary, formatDuration, timelineRows } from './chain';
import type { Chain, Platform } from './documents';
import { compact, formatWhen, platformName } from './status';

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
