/**
 * Posts and the events that shape them, in a fixed order (the order of draws is part of the seed):
 * everyday posting at each creator's cadence (`post-everyday.ts`), hashtag waves, breaking news and
 * X-first brand launches (`post-events.ts`), TikTok clips cross-posted to X and X retweets, quotes
 * and replies (`post-amplification.ts`), then pins, quirks, ids and truth (`post-finalize.ts`).
 */
import { crossposts, reactions } from './post-amplification';
import { PostDrafts, type PostGenInput } from './post-drafts';
import { PostEvents } from './post-events';
import { everydayPosts } from './post-everyday';
import { finalize, pinsAndQuirks, type PostGenOutput } from './post-finalize';
import { DAY_MS } from './world-model';

/** Generates all posts and the event truth for an already generated set of creators. */
export function generatePosts(input: PostGenInput): PostGenOutput {
  const g = new PostDrafts(input);
  const events = new PostEvents(g);
  const days = (input.now - input.start) / DAY_MS;
  everydayPosts(g);
  events.waves(Math.max(3, Math.round(days * 0.8)));
  events.news(Math.max(2, Math.round(days / 4)));
  events.launches(Math.max(1, Math.round(days / 15)));
  crossposts(g);
  reactions(g);
  pinsAndQuirks(g);
  return finalize(g, events);
}
