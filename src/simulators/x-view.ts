/**
 * What the X simulator sees of the world at a time: which users and posts are visible, the
 * includes a set of tweets expands to, and which responses to cut short (a `truncated` quirk cuts
 * the first response carrying the record, once, as a flaky network would).
 */
import type { TweetQuery } from './x-request';
import { renderTweet, renderUser, tweetProblem, type RenderContext } from './x-format';
import { accountExistsAt, type PlatformData, type SimAccount, type SimPost, type World } from './world-model';

export type Json = Record<string, unknown>;

export class XView {
  readonly data: PlatformData;
  private readonly truncatedOnce = new Set<string>();

  constructor(readonly world: World) {
    this.data = world.x;
  }

  context(now: number): RenderContext {
    return { data: this.data, now, worldNow: this.world.now };
  }

  truncateFor(records: (SimAccount | SimPost)[]): boolean {
    for (const r of records) {
      if (r.quirk === 'truncated' && !this.truncatedOnce.has(r.id)) {
        this.truncatedOnce.add(r.id);
        return true;
      }
    }
    return false;
  }

  /** Present, not deleted or suspended. */
  userAt(a: SimAccount | undefined, now: number): SimAccount | undefined {
    return a && accountExistsAt(a, now) ? a : undefined;
  }

  /** A post others can see: published, author present and not protected. */
  postVisible(p: SimPost | undefined, now: number): p is SimPost {
    if (!p || p.createdAt > now) return false;
    const a = this.userAt(this.data.byId.get(p.authorId), now);
    return !!a && !a.private;
  }

  /** Fills includes for a set of primary tweets; returns includes and partial errors. */
  expandTweets(tweets: SimPost[], tq: TweetQuery, ctx: RenderContext): { includes: Json; errors: Json[]; records: (SimAccount | SimPost)[] } {
    const { data } = this;
    const users = new Map<string, SimAccount>();
    const refs = new Map<string, SimPost>();
    const errors: Json[] = [];
    const wants = new Set(tq.expansions);
    const addUser = (id: string | null | undefined) => {
      const a = id ? this.userAt(data.byId.get(id), ctx.now) : undefined;
      if (a) users.set(a.id, a);
    };
    for (const t of tweets) {
      if (wants.has('author_id')) addUser(t.authorId);
      if (wants.has('in_reply_to_user_id')) addUser(t.inReplyToUserId);
      if (wants.has('entities.mentions.username')) {
        for (const m of t.mentions) addUser(data.byUsername.get(m.toLowerCase())?.id);
      }
      if (t.ref && (wants.has('referenced_tweets.id') || wants.has('referenced_tweets.id.author_id'))) {
        const r = data.postsById.get(t.ref.id);
        if (this.postVisible(r, ctx.now)) {
          if (wants.has('referenced_tweets.id')) refs.set(r.id, r);
          if (wants.has('referenced_tweets.id.author_id')) addUser(r.authorId);
        } else if (!errors.some((e) => e.value === t.ref!.id)) {
          errors.push(tweetProblem(t.ref.id, 'referenced_tweets.id'));
        }
      }
    }
    const includes: Json = {};
    if (users.size) includes.users = [...users.values()].map((a) => renderUser(a, tq.userFields, ctx));
    if (refs.size) includes.tweets = [...refs.values()].map((p) => renderTweet(p, tq.tweetFields, ctx));
    return { includes, errors, records: [...users.values(), ...refs.values()] };
  }
}
