/**
 * Platform-shaped identifiers for the simulated world. All ids are decimal strings, because the
 * real ones exceed Number.MAX_SAFE_INTEGER and must never pass through a JS number.
 *
 * TikTok user and video ids carry their creation second in the top 32 bits (as the real ones do),
 * X post ids are Twitter snowflakes. Both therefore sort by time, which the servers rely on for
 * since_id/until_id and for stable cursors.
 */
import type { Rng } from './random';

const TWITTER_EPOCH_MS = 1288834974657n;
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Hands out ids and refuses duplicates, so two records can never share an id. */
export class IdFactory {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  private unique(make: () => string): string {
    for (let i = 0; i < 100; i++) {
      const id = make();
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
    throw new Error('could not allocate a unique id after 100 attempts');
  }

  /** 19-digit TikTok id from a creation time: (unix seconds << 32) | random. */
  tiktok(createdMs: number): string {
    const sec = BigInt(Math.floor(createdMs / 1000));
    return this.unique(() => ((sec << 32n) | BigInt(this.rng.uint32())).toString());
  }

  /** X post id: a snowflake, 19 digits for any date after 2015. */
  snowflake(createdMs: number): string {
    const ms = BigInt(Math.floor(createdMs)) - TWITTER_EPOCH_MS;
    return this.unique(() => ((ms << 22n) | BigInt(this.rng.int(0, (1 << 22) - 1))).toString());
  }

  /** X user id: short sequential-looking ids before 2022, snowflakes after, as on X itself. */
  xUser(createdMs: number): string {
    if (createdMs < Date.parse('2022-01-01T00:00:00Z')) {
      const digits = createdMs < Date.parse('2012-01-01T00:00:00Z') ? this.rng.int(7, 9) : 10;
      return this.unique(() => String(this.rng.int(1, 9)) + this.rng.chars(digits - 1, '0123456789'));
    }
    return this.snowflake(createdMs);
  }
}

/** TikTok secUid: an opaque base64url token with the usual prefix. */
export function secUid(rng: Rng): string {
  return 'MS4wLjABAAAA' + rng.chars(52, B64URL);
}

/** A t.co short link as X wraps every URL. */
export function tcoLink(rng: Rng): string {
  return 'https://t.co/' + rng.chars(10, ALNUM);
}

export function hexToken(rng: Rng, n: number): string {
  return rng.chars(n, '0123456789abcdef');
}

/** Snowflake -> creation time in ms (exact for ids made by IdFactory.snowflake). */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS);
}
