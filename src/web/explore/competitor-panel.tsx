/** A competitor: its launches (which platform went first, by how much) and its campaigns' chains. */
import { formatDuration } from './chain';
import type { BrandDetails, CampaignSummary } from './documents';
import { compact, formatWhen, platformName } from './status';

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
