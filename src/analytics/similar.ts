/**
 * Lookalike creators: Adamic-Adar over shared hashtags and shared amplifying accounts (see
 * cypher/queries/analytics/similar-creators), one statement per creator.
 *
 * Plain Cypher rather than Neo4j GDS node similarity: on the 2,000-creator world one creator's
 * neighbourhood (its hashtags' posts and its amplifiers' edges) is a few tens of thousands of rows
 * and answers in well under the API's budget (see bench/analytics.ts). Where it stops: the cost
 * grows with the posts carrying the creator's most common hashtags, so with hundreds of thousands
 * of creators a request that touches #fyp reads millions of rows; there, precompute similarity
 * offline (GDS nodeSimilarity over a creator-hashtag projection, written back as SIMILAR_TO edges)
 * and serve those instead.
 */
import type { GraphClient } from '../neo4j/graph-client';

/** Reasons shown per lookalike: the most telling shared hashtags. */
export const SHARED_HASHTAGS_SHOWN = 10;
export const MAX_SIMILAR = 100;

export interface SimilarRow {
  id: string;
  score: number;
  /** Shared hashtags, most telling (rarest) first. */
  sharedHashtags: string[];
  sharedAmplifiers: number;
}

export async function similarCreators(graph: GraphClient, creatorId: string, first: number): Promise<SimilarRow[]> {
  const rows = await graph.read<{ id: string; score: number; tags: { tag: string; w: number }[]; sharedAmplifiers: number }>(
    'analytics/similar-creators',
    { id: creatorId, first },
  );
  return rows.map((r) => ({
    id: r.id,
    score: Math.round(r.score * 1000) / 1000,
    sharedHashtags: [...r.tags].sort((a, b) => b.w - a.w || a.tag.localeCompare(b.tag)).slice(0, SHARED_HASHTAGS_SHOWN).map((t) => t.tag),
    sharedAmplifiers: r.sharedAmplifiers,
  }));
}
