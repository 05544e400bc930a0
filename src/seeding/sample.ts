/**
 * A small, realistic sample graph for a fresh clone, written through the same write path and
 * matcher the ingestion lanes use: beauty, gaming, news and food creators, some on both platforms
 * (same handle, bio-link only, a name collision), two pairs only a reviewer can settle (the
 * matcher scores them in the review band, so the review desk has a queue), posts over two weeks with hashtags, an X clip
 * of a TikTok video, retweets and a quote. Timestamps are relative to `now`, so the sample never
 * looks stale.
 */
import { refreshAllCreators } from '../graph/creators';
import { accountId, postId, type AccountRecord, type AmplificationRecord, type PostRecord } from '../graph/model';
import { writeAccounts } from '../graph/accounts';
import { writeAmplifications, writePosts } from '../graph/posts';
import type { MatchEventBus } from '../matching/events';
import { matchAccounts } from '../matching/match-accounts';
import type { MatchOptionsInput } from '../matching/options';
import type { GraphClient } from '../neo4j/graph-client';

interface Side {
  id: string;
  username: string;
  name: string;
  bio: string;
  link?: string;
  followers: number;
}

interface FixtureCreator {
  tiktok?: Side & { hearts: number };
  x?: Side;
  tags: string[];
}

const CREATORS: FixtureCreator[] = [
  {
    tiktok: { id: '6943972350728700930', username: 'beautybyamy', name: 'Amy Chen', bio: 'Skincare nerd. Launches first on X', link: 'https://linktr.ee/beautybyamy', followers: 812000, hearts: 21500000 },
    x: { id: '1450011122233344556', username: 'beautybyamy', name: 'Amy Chen ✨', bio: 'Skincare launches & swatches', link: 'https://linktr.ee/beautybyamy?utm_source=x', followers: 41200 },
    tags: ['skincare', 'glowup', 'beautytok'],
  },
  {
    tiktok: { id: '6901234567890123456', username: 'pixel.pete', name: 'Pixel Pete', bio: 'speedruns + retro', link: 'https://www.pixelpete.gg/', followers: 420000, hearts: 9800000 },
    x: { id: '1333444555666777888', username: 'PixelPeteGG', name: 'Pixel Pete', bio: 'Retro games. Streams daily.', link: 'https://pixelpete.gg/streams', followers: 198000 },
    tags: ['retrogaming', 'speedrun'],
  },
  {
    tiktok: { id: '6912345678901234567', username: 'dailybrief', name: 'The Daily Brief', bio: 'News in 60 seconds', link: 'https://dailybrief.news', followers: 1530000, hearts: 40200000 },
    x: { id: '1222333444555666777', username: 'dailybrief', name: 'The Daily Brief', bio: 'Breaking news, explained', link: 'https://dailybrief.news/', followers: 356000 },
    tags: ['breaking', 'news'],
  },
  {
    tiktok: { id: '6923456789012345678', username: 'chef_rosa', name: 'Rosa Martínez', bio: 'Abuela recipes', link: 'https://beacons.ai/chefrosa', followers: 96000, hearts: 1200000 },
    x: { id: '1111222333444555666', username: 'chefrosa1', name: 'Rosa Martinez', bio: 'Recipes & kitchen tips', followers: 8700 },
    tags: ['recipe', 'foodtok'],
  },
  {
    tiktok: { id: '6934567890123456789', username: 'john', name: 'John', bio: 'just vibes', followers: 15200, hearts: 90000 },
    x: { id: '1000000000000000021', username: 'john', name: 'John Smith', bio: 'Accountant. Opinions my own.', followers: 2300 },
    tags: ['vibes'],
  },
  {
    tiktok: { id: '6945678901234567890', username: 'fitwithnoor', name: 'Noor Fitness', bio: 'Home workouts', link: 'https://fitwithnoor.com', followers: 265000, hearts: 5400000 },
    tags: ['homeworkout', 'fitness'],
  },
  {
    x: { id: '1999888777666555444', username: 'techtalia', name: 'Talia | Tech', bio: 'Gadgets and launches. tiktok.com/@talia.tech', followers: 87000 },
    tiktok: { id: '6956789012345678901', username: 'talia.tech', name: 'Talia', bio: 'unboxings', followers: 143000, hearts: 2100000 },
    tags: ['gadgets', 'unboxing'],
  },
  // Two pairs a reviewer must decide (the review desk's demo). Neither has a bio link or a bio
  // naming the other account, so nothing but names, handles and bios speaks for them:
  // the same name and a copied bio under unrelated handles (one person, or someone copying her);
  {
    tiktok: { id: '6967890123456789012', username: 'glowwithjess', name: 'Jess Park', bio: 'Skin barrier tips for sensitive skin. Dermatology nurse in Seattle', followers: 58000, hearts: 730000 },
    x: { id: '1777666555444333222', username: 'jesspark_rn', name: 'Jess Park', bio: 'Dermatology nurse in Seattle. Skin barrier tips for sensitive skin.', followers: 3900 },
    tags: ['skincare', 'sensitiveskin'],
  },
  // and one handle written two ways under a drifted name (the surname is the only name word the
  // handles do not already spell out), with bios that only overlap.
  {
    tiktok: { id: '6978901234567890123', username: 'sam.bakes', name: 'Sam Okafor Bakes', bio: 'Sourdough every day, home kitchen', followers: 31000, hearts: 410000 },
    x: { id: '1666555444333222111', username: 'sambakes_', name: 'Samuel Okafor', bio: 'Baker. Sourdough threads, kitchen gear', followers: 1200 },
    tags: ['sourdough', 'baking'],
  },
  {
    x: { id: '1888777666555444333', username: 'marketwatcher', name: 'Market Watcher', bio: 'Markets, daily.', link: 'https://marketwatcher.substack.com', followers: 64000 },
    tags: ['markets', 'breaking'],
  },
];

const HOUR = 3600_000;

export interface FixtureCounts {
  accounts: number;
  posts: number;
  amplifications: number;
  matches: number;
}

/** The sample's accounts, both platforms, fetched at `fetchedAt` (ISO). */
export function sampleAccounts(fetchedAt: string): AccountRecord[] {
  const accounts: AccountRecord[] = [];
  CREATORS.forEach((c, ci) => {
    if (c.tiktok) {
      const t = c.tiktok;
      accounts.push({ platform: 'TIKTOK', platformUserId: t.id, username: t.username, displayName: t.name, bio: t.bio, bioLink: t.link ?? null, followers: t.followers, following: 180 + ci, hearts: t.hearts, postCount: 200 + ci * 17, verified: t.followers > 500000, avatarUrl: null, fetchedAt, source: { provider: 'fixture', endpoint: 'sample' } });
    }
    if (c.x) {
      const x = c.x;
      accounts.push({ platform: 'X', platformUserId: x.id, username: x.username, displayName: x.name, bio: x.bio, bioLink: x.link ?? null, followers: x.followers, following: 300 + ci, postCount: 1500 + ci * 31, verified: false, avatarUrl: null, fetchedAt, source: { provider: 'fixture', endpoint: 'sample' } });
    }
  });
  return accounts;
}

export async function loadSample(
  graph: GraphClient,
  bus: MatchEventBus,
  opts: { now?: number; matching?: MatchOptionsInput } = {},
): Promise<FixtureCounts> {
  const now = opts.now ?? Date.now();
  const fetchedAt = new Date(now).toISOString();
  const accounts = sampleAccounts(fetchedAt);
  const posts: PostRecord[] = [];
  const amps: AmplificationRecord[] = [];

  CREATORS.forEach((c, ci) => {
    // Six posts per account over two weeks; X posts lead their TikTok counterparts by 8 hours.
    for (let i = 0; i < 6; i++) {
      const tag = c.tags[i % c.tags.length];
      const at = now - (i * 52 + ci * 3 + 5) * HOUR;
      if (c.x) {
        posts.push({ platform: 'X', platformPostId: `18${ci}${i}000000000000001`, authorPlatformUserId: c.x.id, url: `https://x.com/${c.x.username}/status/18${ci}${i}000000000000001`, text: `New drop today #${tag} #launch`, createdAt: new Date(at - 8 * HOUR).toISOString(), hashtags: [tag, 'launch'], mentions: [], metrics: { views: 4000 + i * 900, likes: 120 + i * 40, comments: 12 + i, shares: 30 + i * 3, quotes: 4 + i, bookmarks: 9 }, fetchedAt });
      }
      if (c.tiktok) {
        posts.push({ platform: 'TIKTOK', platformPostId: `74${ci}${i}00000000000001`, authorPlatformUserId: c.tiktok.id, url: `https://www.tiktok.com/@${c.tiktok.username}/video/74${ci}${i}00000000000001`, text: `recap #${tag} #fyp`, createdAt: new Date(at).toISOString(), hashtags: [tag, 'fyp'], mentions: [], metrics: { views: 90000 + i * 12000, likes: 8000 + i * 700, comments: 210 + i * 9, shares: 54 + i * 5, bookmarks: 300 }, pinned: i === 5, fetchedAt });
      }
      if (c.x && c.tiktok && i < 2) {
        // The creator clips its TikTok to X an hour later, linking the video.
        const clipId = `19${ci}${i}000000000000002`;
        const src = `74${ci}${i}00000000000001`;
        posts.push({ platform: 'X', platformPostId: clipId, authorPlatformUserId: c.x.id, url: `https://x.com/${c.x.username}/status/${clipId}`, text: `clip from today's video https://www.tiktok.com/@${c.tiktok.username}/video/${src}`, createdAt: new Date(at + HOUR).toISOString(), hashtags: [tag], mentions: [], metrics: { views: 2500, likes: 310, comments: 8, shares: 41, quotes: 2, bookmarks: 5 }, fetchedAt });
        amps.push({ amplifierPostId: postId('X', clipId), sourcePostId: postId('TIKTOK', src), kind: 'CROSSPOST', confidence: 0.95 });
      }
    }
  });

  // The news desk breaks a story on X; the market account quotes it and Amy retweets it.
  const story = '1820000000000000001';
  posts.push({ platform: 'X', platformPostId: story, authorPlatformUserId: '1222333444555666777', url: `https://x.com/dailybrief/status/${story}`, text: 'BREAKING: chip export rules change tonight #breaking', createdAt: new Date(now - 30 * HOUR).toISOString(), hashtags: ['breaking'], mentions: [], metrics: { views: 880000, likes: 15400, comments: 2100, shares: 6400, quotes: 940, bookmarks: 800 }, fetchedAt });
  posts.push({ platform: 'X', platformPostId: '1820000000000000002', authorPlatformUserId: '1888777666555444333', url: 'https://x.com/marketwatcher/status/1820000000000000002', text: 'What this means for semis @dailybrief #markets', createdAt: new Date(now - 29 * HOUR).toISOString(), hashtags: ['markets'], mentions: ['dailybrief'], metrics: { views: 54000, likes: 900, comments: 80, shares: 210, quotes: 15, bookmarks: 60 }, fetchedAt });
  posts.push({ platform: 'X', platformPostId: '1820000000000000003', authorPlatformUserId: '1450011122233344556', url: 'https://x.com/beautybyamy/status/1820000000000000003', text: 'RT @dailybrief: BREAKING: chip export rules change tonight #breaking', createdAt: new Date(now - 28 * HOUR).toISOString(), hashtags: ['breaking'], mentions: ['dailybrief'], metrics: { likes: 0, comments: 0, shares: 0, quotes: 0 }, fetchedAt });
  posts.push({ platform: 'TIKTOK', platformPostId: '7420000000000000009', authorPlatformUserId: '6912345678901234567', url: 'https://www.tiktok.com/@dailybrief/video/7420000000000000009', text: 'chip export rules explained #breaking #news', createdAt: new Date(now - 18 * HOUR).toISOString(), hashtags: ['breaking', 'news'], mentions: [], metrics: { views: 2100000, likes: 180000, comments: 5200, shares: 14000, bookmarks: 9000 }, fetchedAt });
  amps.push(
    { amplifierPostId: postId('X', '1820000000000000002'), sourcePostId: postId('X', story), kind: 'QUOTE', confidence: 1 },
    { amplifierPostId: postId('X', '1820000000000000003'), sourcePostId: postId('X', story), kind: 'REPOST', confidence: 1 },
    { amplifierPostId: postId('TIKTOK', '7420000000000000009'), sourcePostId: postId('X', story), kind: 'CROSSPOST', confidence: 0.8 },
  );

  await writeAccounts(graph, accounts, { tracked: true, tier: 'ACTIVE', backfilled: true, refresh: false });
  await writePosts(graph, posts);
  await writeAmplifications(graph, amps);
  const pass = await matchAccounts(
    graph,
    bus,
    accounts.map((a) => ({ id: accountId(a.platform, a.platformUserId), platform: a.platform, username: a.username, displayName: a.displayName, bio: a.bio, bioLink: a.bioLink })),
    opts.matching,
  );
  await refreshAllCreators(graph);
  return { accounts: accounts.length, posts: posts.length, amplifications: amps.length, matches: pass.created + pass.changed + pass.unchanged };
}
