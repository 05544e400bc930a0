/**
 * Lineage: where every graph property comes from (platform, provider, endpoint, wire field). The
 * rules belong to the normalisers that EXECUTE them (normalize/tiklive.ts, normalize/x.ts); this
 * module only lists them, plus the facts read from error responses (deletion), as `Query.lineage`.
 * A field read any other way would have no rule, and the tests check that every key a normaliser
 * outputs has one.
 */
import type { Platform } from '../graph/model';
import { TIKLIVE_PATHS } from '../providers/tiklive/assumptions';
import { X_ENDPOINTS } from '../providers/x/fields';
import { TIKTOK_PROFILE_RULES, TIKTOK_VIDEO_RULES } from './normalize/tiklive';
import type { ProviderId } from './normalize/rules';
import { X_TWEET_RULES, X_USER_RULES } from './normalize/x';

// ------------------------------------------------------------------ deletion

/** Facts read from error responses rather than records (see deletion.ts). */
interface StatusRule {
  graph: readonly string[];
  platform: Platform;
  provider: ProviderId;
  endpoints: readonly string[];
  wire: string;
}

export const DELETION_RULES: readonly StatusRule[] = [
  {
    graph: ['Account.active', 'Account.deactivatedAt', 'Post.removed', 'Creator.active'],
    platform: 'TIKTOK',
    provider: 'tikliveapi',
    endpoints: [TIKLIVE_PATHS.userInfoById, TIKLIVE_PATHS.userPosts],
    wire: '{"status":"error","message":"... not found ..."} for a user id',
  },
  {
    graph: ['Account.active', 'Account.deactivatedAt', 'Post.removed', 'Creator.active'],
    platform: 'X',
    provider: 'x-api-v2',
    endpoints: [X_ENDPOINTS.usersByIds, X_ENDPOINTS.userById, X_ENDPOINTS.userTweets, X_ENDPOINTS.usersByUsernames, X_ENDPOINTS.userByUsername],
    wire: 'errors[] resource-not-found for a user id, or "User has been suspended" (title Forbidden)',
  },
];

// ------------------------------------------------------------------ the listing

export interface LineageRow {
  /** Graph property or relationship, e.g. "Account.followers". */
  field: string;
  platform: Platform | null;
  provider: ProviderId;
  endpoint: string;
  /** The wire field(s) it is read from. */
  wireField: string;
}

// The sets are listed as unknown-typed views; only their metadata is read here.
type AnyRuleSet = { platform: Platform; provider: ProviderId; endpoints: readonly string[]; rules: Record<string, { graph: readonly string[]; wire: string }> };

export const RULE_SETS: readonly AnyRuleSet[] = [
  TIKTOK_PROFILE_RULES,
  TIKTOK_VIDEO_RULES,
  X_USER_RULES,
  X_TWEET_RULES,
] as unknown as AnyRuleSet[];

/** Every graph property with the provider, endpoint and wire field it comes from, sorted. */
export function lineage(): LineageRow[] {
  const rows: LineageRow[] = [];
  const seen = new Set<string>();
  const push = (r: LineageRow) => {
    const key = `${r.field}|${r.platform}|${r.endpoint}|${r.wireField}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(r);
  };
  for (const set of RULE_SETS) {
    for (const rule of Object.values(set.rules)) {
      for (const field of rule.graph) {
        for (const endpoint of set.endpoints) {
          push({ field, platform: set.platform, provider: set.provider, endpoint, wireField: rule.wire });
        }
      }
    }
  }
  for (const rule of DELETION_RULES) {
    for (const field of rule.graph) {
      for (const endpoint of rule.endpoints) {
        push({ field, platform: rule.platform, provider: rule.provider, endpoint, wireField: rule.wire });
      }
    }
  }
  return rows.sort(
    (a, b) =>
      a.field.localeCompare(b.field) ||
      String(a.platform).localeCompare(String(b.platform)) ||
      a.endpoint.localeCompare(b.endpoint),
  );
}

/** Record keys each rule set covers, for checking normaliser output against lineage. */
export function ruleKeys(set: { rules: object }): string[] {
  return Object.keys(set.rules);
}
