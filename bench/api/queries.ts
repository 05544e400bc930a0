/**
 * The three nested reads of the API benchmark, as each server is asked for them, and one canonical
 * form of their answers so the three can be checked equal before any timing:
 *
 * - list:   `creators(first: 20, orderBy: COMBINED_REACH)` with each creator's accounts;
 * - posts:  the same with each account's latest 5 posts;
 * - detail: `creator(id)` with its accounts and its latest 20 posts (across its accounts).
 *
 * ours: the served API. floor: hand-written Cypher (cypher/queries/bench/api-*.cypher) through
 * neo4j-driver. peer: @neo4j/graphql 7 over the same nodes and relationships; the creator's posts
 * across accounts have no relationship of their own, so the peer's schema declares them as a
 * `@cypher` field (how a @neo4j/graphql user serves them); everything else it generates. All three
 * order the list by the stored, unique order key `orderReach` (src/graph/order-keys.ts).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../../src/neo4j/queries';

export type QueryName = 'list' | 'posts' | 'detail';
export const QUERY_NAMES: QueryName[] = ['list', 'posts', 'detail'];
export const QUERY_LABELS: Record<QueryName, string> = {
  list: '`creators(first: 20, orderBy: COMBINED_REACH)` with accounts',
  posts: "the same with each account's latest 5 posts",
  detail: '`creator(id)` with accounts and 20 posts',
};

export const BENCH_KEY = 'bench-viewer-key-0123456789abcdef';
const PAGE = 20;
const POSTS_PER_ACCOUNT = 5;
const DETAIL_POSTS = 20;

const ACCOUNT = 'id platform username followers';
const POST = 'id text createdAt';

export const OURS: Record<QueryName, string> = {
  list: `query List { creators(first: ${PAGE}, orderBy: { field: COMBINED_REACH }) { nodes { id displayName accounts { ${ACCOUNT} } } } }`,
  posts: `query ListPosts { creators(first: ${PAGE}, orderBy: { field: COMBINED_REACH }) { nodes { id displayName accounts { ${ACCOUNT} posts(first: ${POSTS_PER_ACCOUNT}) { nodes { ${POST} } } } } } }`,
  detail: `query Detail($id: ID!) { creator(id: $id) { id displayName accounts { ${ACCOUNT} } posts(first: ${DETAIL_POSTS}) { nodes { ${POST} } } } }`,
};

export const PEER_TYPEDEFS = /* GraphQL */ `
  type Creator @node {
    id: ID!
    displayName: String
    orderReach: String
    active: Boolean
    backfilled: Boolean
    accounts: [Account!]! @relationship(type: "HAS_ACCOUNT", direction: OUT)
    posts(first: Int = ${DETAIL_POSTS}): [Post!]!
      @cypher(
        statement: """
        MATCH (this)-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(p:Post)
        WHERE coalesce(p.removed, false) = false
        RETURN p ORDER BY p.createdAt DESC, p.id DESC LIMIT $first
        """
        columnName: "p"
      )
  }
  type Account @node {
    id: ID!
    platform: String!
    username: String!
    followers: Int
    posts: [Post!]! @relationship(type: "POSTED", direction: OUT)
  }
  type Post @node {
    id: ID!
    text: String
    createdAt: DateTime!
    removed: Boolean
  }
`;

const PEER_LIST_ARGS = `where: { active: { eq: true }, backfilled: { eq: true } }, sort: [{ orderReach: DESC }], limit: ${PAGE}`;
const PEER_ACCOUNTS = `accounts(sort: [{ platform: ASC }])`;
export const PEER: Record<QueryName, string> = {
  list: `query List { creators(${PEER_LIST_ARGS}) { id displayName ${PEER_ACCOUNTS} { ${ACCOUNT} } } }`,
  posts: `query ListPosts { creators(${PEER_LIST_ARGS}) { id displayName ${PEER_ACCOUNTS} { ${ACCOUNT} posts(sort: [{ createdAt: DESC }, { id: DESC }], limit: ${POSTS_PER_ACCOUNT}) { ${POST} } } } }`,
  detail: `query Detail($id: ID!) { creators(where: { id: { eq: $id } }) { id displayName ${PEER_ACCOUNTS} { ${ACCOUNT} } posts(first: ${DETAIL_POSTS}) { ${POST} } } }`,
};

export interface FloorRequest {
  query: QueryName;
  id?: string;
}

/** Temporal values to ISO strings, as a JSON API must send them; everything else as the driver gives it. */
function plain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plain);
  const t = v as { toStandardDate?: () => Date };
  if (typeof t.toStandardDate === 'function') return t.toStandardDate().toISOString();
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = plain((v as Record<string, unknown>)[k]);
  return out;
}

const FLOOR_STATEMENT: Record<QueryName, string> = {
  list: 'bench/api-creators-accounts',
  posts: 'bench/api-creators-accounts-posts',
  detail: 'bench/api-creator-detail',
};

/** The floor: one hand-written statement per request, rows straight to JSON-ready objects. */
export async function floorAnswer(driver: Driver, req: FloorRequest): Promise<unknown> {
  // LIMIT takes integers; a JS number goes over Bolt as a float.
  const params =
    req.query === 'detail' ? { id: req.id ?? '', posts: neo4j.int(DETAIL_POSTS) } : { first: neo4j.int(PAGE), posts: neo4j.int(POSTS_PER_ACCOUNT) };
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await session.executeRead((tx) => tx.run(cypher(FLOOR_STATEMENT[req.query]), params));
    const rows = res.records.map((r) => plain(r.toObject()));
    return req.query === 'detail' ? (rows[0] ?? null) : rows;
  } finally {
    await session.close();
  }
}

/** What each server is sent: the path's JSON body. */
export function requestBody(kind: 'ours' | 'floor' | 'peer', q: QueryName, id?: string): string {
  if (kind === 'floor') return JSON.stringify({ query: q, id });
  const query = kind === 'ours' ? OURS[q] : PEER[q];
  return JSON.stringify(q === 'detail' ? { query, variables: { id } } : { query });
}

interface Canon {
  id: string;
  displayName: string | null;
  accounts: { id: string; platform: string; username: string; followers: number | null; posts?: CanonPost[] }[];
  posts?: CanonPost[];
}
type CanonPost = { id: string; text: string | null; createdAt: number };

/* eslint-disable @typescript-eslint/no-explicit-any -- three servers' JSON, checked field by field below */
const post = (p: any): CanonPost => ({ id: p.id, text: p.text ?? null, createdAt: Date.parse(p.createdAt) });
const nodes = (x: any): any[] => (Array.isArray(x) ? x : (x?.nodes ?? []));
function creator(c: any): Canon {
  const out: Canon = {
    id: c.id,
    displayName: c.displayName ?? null,
    accounts: (c.accounts ?? []).map((a: any) => ({
      id: a.id,
      platform: a.platform,
      username: a.username,
      followers: a.followers ?? null,
      ...(a.posts !== undefined ? { posts: nodes(a.posts).map(post) } : {}),
    })),
  };
  if (c.posts !== undefined) out.posts = nodes(c.posts).map(post);
  return out;
}

/** One server's response body as the canonical answer (dates as epoch ms, connections as lists). */
export function canonical(kind: 'ours' | 'floor' | 'peer', q: QueryName, body: any): Canon[] {
  if (body?.errors?.length || body?.error) throw new Error(`${kind} ${q} answered an error: ${JSON.stringify(body.errors ?? body.error).slice(0, 500)}`);
  const d = body?.data;
  let list: any[];
  if (kind === 'floor') list = q === 'detail' ? (d ? [d] : []) : d;
  else if (kind === 'ours') list = q === 'detail' ? (d?.creator ? [d.creator] : []) : d.creators.nodes;
  else list = d.creators;
  return list.map(creator);
}
/* eslint-enable @typescript-eslint/no-explicit-any */
