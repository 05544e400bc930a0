/**
 * Brand launches: a topic (hashtag) a brand pushed on both platforms and introduced itself on each
 * (its own first post there is the earliest with the tag on that platform in the graph, which tells
 * a launch from a trend the brand happened to start on one side and joined late on the other) and
 * whose use bunches up in the week after (which tells a launch from the category tags a brand also
 * uses every week). Which platform went first and by how much comes from the brand's own first
 * post on each side.
 *
 * Hashtags only: a link cannot be seen pushed on both platforms. X posts carry links
 * (entities.urls) but TikTok videos as TikLiveAPI serves them have no link field, and the
 * simulated world's launches carry their hashtag on both sides and a site link on the X post only.
 */
import type { Platform } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';

export interface LaunchRow {
  topic: string;
  firstPlatform: Platform;
  firstAt: Date;
  xFirstAt: Date | null;
  tiktokFirstAt: Date | null;
  /** How far the first platform led the other, in hours. */
  leadHours: number | null;
  /** The brand's first post on each platform, then the earliest posts by anyone with the topic. */
  postIds: string[];
}

const HOUR_MS = 3_600_000;
/** A launch's posts bunch up: this share of all posts with the topic falls within LAUNCH_DAYS of the brand's first. */
const LAUNCH_DAYS = 7;
const CONCENTRATION = 0.8;

export async function brandLaunches(
  g: GraphClient,
  brandId: string,
  range: { since?: Date | null; until?: Date | null; postsPerLaunch?: number } = {},
): Promise<LaunchRow[]> {
  const rows = await g.read<{ topic: string; own: { id: string; platform: Platform; createdAt: Date }[]; postIds: string[] }>(
    'brands/launch-topics',
    {
      id: brandId,
      since: range.since?.toISOString() ?? null,
      until: range.until?.toISOString() ?? null,
      postsPerLaunch: Math.trunc(range.postsPerLaunch ?? 25),
      launchDays: LAUNCH_DAYS,
      concentration: CONCENTRATION,
    },
  );
  return rows.map((r) => {
    const first = (p: Platform) => r.own.find((x) => x.platform === p) ?? null;
    const x = first('X');
    const t = first('TIKTOK');
    const lead = r.own[0];
    const other = lead.platform === 'X' ? t : x;
    const ownFirst = [x?.id, t?.id].filter((id): id is string => !!id);
    return {
      topic: r.topic,
      firstPlatform: lead.platform,
      firstAt: lead.createdAt,
      xFirstAt: x?.createdAt ?? null,
      tiktokFirstAt: t?.createdAt ?? null,
      leadHours: other ? Math.round(((other.createdAt.getTime() - lead.createdAt.getTime()) / HOUR_MS) * 100) / 100 : null,
      postIds: [...ownFirst, ...r.postIds.filter((id) => !ownFirst.includes(id))],
    };
  });
}
