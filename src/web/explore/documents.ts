/**
 * The GraphQL documents the explorer sends, and the shapes it reads back. Kept apart from the React
 * code so a unit test validates every document against the public contract (schema/contract.graphql).
 */

export type Platform = 'TIKTOK' | 'X';
export type NodeKind = 'CREATOR' | 'ACCOUNT' | 'POST' | 'HASHTAG' | 'BRAND' | 'CAMPAIGN';
export type AmplificationKind = 'CROSSPOST' | 'LINK' | 'QUOTE' | 'REPOST';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  platform: Platform | null;
  weight: number | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number | null;
  kind: AmplificationKind | null;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const GRAPH_FIELDS = `
fragment ExploreGraph on Graph {
  nodes { id kind label platform weight }
  edges { id source target type weight kind }
}
`;

export const NEIGHBORHOOD_QUERY = `query ExploreNeighborhood($id: ID!, $depth: Int!, $limit: Int!) {
  neighborhood(id: $id, depth: $depth, limit: $limit) { ...ExploreGraph }
}
${GRAPH_FIELDS}`;

export const COMPETITOR_QUERY = `query ExploreCompetitor($brandId: ID!, $limit: Int!) {
  competitorGraph(brandId: $brandId, limit: $limit) { ...ExploreGraph }
  node(id: $brandId) {
    ... on Brand {
      id
      name
      competitor
      accounts { id platform username followers profileUrl }
      launches { topic firstPlatform firstAt tiktokFirstAt xFirstAt leadHours posts { id platform url createdAt author { username } } }
    }
  }
  campaigns { id name hashtags startsAt endsAt brand { id } }
}
${GRAPH_FIELDS}`;

export interface Launch {
  topic: string;
  firstPlatform: Platform;
  firstAt: string;
  tiktokFirstAt: string | null;
  xFirstAt: string | null;
  leadHours: number | null;
  posts: { id: string; platform: Platform; url: string; createdAt: string; author: { username: string } }[];
}

export interface BrandDetails {
  id: string;
  name: string;
  competitor: boolean;
  accounts: { id: string; platform: Platform; username: string; followers: number; profileUrl: string }[];
  launches: Launch[];
}

export interface CampaignSummary {
  id: string;
  name: string;
  hashtags: string[];
  startsAt: string | null;
  endsAt: string | null;
  brand: { id: string } | null;
}

export interface CompetitorData {
  competitorGraph: Graph;
  node: BrandDetails | null;
  campaigns: CampaignSummary[];
}

export const SEARCH_QUERY = `query ExploreSearch($search: String!) {
  creators(first: 8, filter: { search: $search }, orderBy: { field: COMBINED_REACH, direction: DESC }) {
    nodes { id displayName accounts { platform username } }
  }
  brands { id name competitor }
  campaigns { id name hashtags }
}`;

export interface SearchData {
  creators: { nodes: { id: string; displayName: string; accounts: { platform: Platform; username: string }[] }[] };
  brands: { id: string; name: string; competitor: boolean }[];
  campaigns: { id: string; name: string; hashtags: string[] }[];
}

/** Hashtags the graph knows to be active (there is no hashtag listing query): offered when the user types "#". */
export const HASHTAGS_QUERY = `query ExploreHashtags {
  hashtagTrends(first: 50) { tag xVolume tiktokVolume }
}`;

export interface HashtagsData {
  hashtagTrends: { tag: string; xVolume: number; tiktokVolume: number }[];
}

const POST_FIELDS = `
fragment ExplorePost on Post {
  id platform url text createdAt engagement
  author { id username platform creator { id displayName } }
}
`;

const CHAIN_FIELDS = `
fragment ExploreChain on AmplificationChain {
  depth spanSeconds totalEngagement crossPlatform platforms
  root { ...ExplorePost }
  posts { ...ExplorePost }
  links { kind lagSeconds confidence source { id } amplifier { id } }
  byPlatform { platform posts engagement }
  creators { id displayName }
}
${POST_FIELDS}`;

export interface ChainPost {
  id: string;
  platform: Platform;
  url: string;
  text: string | null;
  createdAt: string;
  engagement: number;
  author: { id: string; username: string; platform: Platform; creator: { id: string; displayName: string } | null };
}

export interface Chain {
  depth: number;
  spanSeconds: number;
  totalEngagement: number;
  crossPlatform: boolean;
  platforms: Platform[];
  root: ChainPost;
  posts: ChainPost[];
  links: { kind: AmplificationKind; lagSeconds: number; confidence: number; source: { id: string }; amplifier: { id: string } }[];
  byPlatform: { platform: Platform; posts: number; engagement: number }[];
  creators: { id: string; displayName: string }[];
}

/** Chains a creator or a campaign took part in, one platform or both, one hop or more. */
export const CHAINS_QUERY = `query ExploreChains($creatorId: ID, $campaignId: ID, $first: Int!) {
  amplificationChains(creatorId: $creatorId, campaignId: $campaignId, crossPlatformOnly: false, minDepth: 1, first: $first) {
    ...ExploreChain
  }
}
${CHAIN_FIELDS}`;

export interface ChainsData {
  amplificationChains: Chain[];
}

export const CREATOR_QUERY = `query ExploreCreator($id: ID!) {
  creator(id: $id) {
    id displayName tracked tier lastPostAt
    combinedReach { low high label basis naive overlapPctLow overlapPctHigh }
    accounts {
      id platform username displayName followers following postCount verified profileUrl avatarUrl bio bioLink lastPostAt
      history { at followers }
    }
    match {
      id status score reasons reviewedBy
      evidence { signal reason points values { platform raw } }
    }
    similar(first: 6) { score sharedHashtags sharedAmplifiers creator { id displayName combinedReach { label } } }
  }
}`;

export interface CreatorAccount {
  id: string;
  platform: Platform;
  username: string;
  displayName: string | null;
  followers: number;
  following: number | null;
  postCount: number | null;
  verified: boolean | null;
  profileUrl: string;
  avatarUrl: string | null;
  bio: string | null;
  bioLink: string | null;
  lastPostAt: string | null;
  history: { at: string; followers: number }[];
}

export interface CreatorDetails {
  id: string;
  displayName: string;
  tracked: boolean;
  tier: string | null;
  lastPostAt: string | null;
  combinedReach: { low: number; high: number; label: string; basis: string; naive: number; overlapPctLow: number; overlapPctHigh: number };
  accounts: CreatorAccount[];
  match: {
    id: string;
    status: string;
    score: number;
    reasons: string[];
    reviewedBy: string | null;
    evidence: { signal: string; reason: string | null; points: number; values: { platform: Platform; raw: string | null }[] }[];
  } | null;
  similar: { score: number; sharedHashtags: string[]; sharedAmplifiers: number; creator: { id: string; displayName: string; combinedReach: { label: string } } }[];
}

export interface CreatorData {
  creator: CreatorDetails | null;
}

/** What a node on screen is, for the side panel: an account and a post lead to their creator. */
export const NODE_QUERY = `query ExploreNode($id: ID!) {
  node(id: $id) {
    id
    ... on Account { platform username followers profileUrl creator { id } }
    ... on Post { platform url text createdAt engagement author { username creator { id } } }
    ... on Campaign { name hashtags brand { id name } }
    ... on Brand { name }
  }
}`;

export interface NodeData {
  node:
    | { id: string; platform?: Platform; username?: string; followers?: number; profileUrl?: string; creator?: { id: string } | null;
        url?: string; text?: string | null; createdAt?: string; engagement?: number; author?: { username: string; creator: { id: string } | null };
        name?: string; hashtags?: string[]; brand?: { id: string; name: string } | null }
    | null;
}

/** Every new AMPLIFIED edge; the page keeps those touching what is on screen (see live.ts). */
export const AMPLIFICATION_SUBSCRIPTION = `subscription ExploreAmplifications {
  amplificationDetected {
    kind lagSeconds confidence
    source { ...ExplorePost }
    amplifier { ...ExplorePost }
  }
}
${POST_FIELDS}`;

export interface AmplificationEvent {
  kind: AmplificationKind;
  lagSeconds: number;
  confidence: number;
  source: ChainPost;
  amplifier: ChainPost;
}

export interface AmplificationData {
  amplificationDetected: AmplificationEvent;
}

/** The cheapest read: proves a key is accepted when the user signs in. */
export const WHOAMI_QUERY = `query ExploreSignIn { brands { id } }`;

export const ALL_DOCUMENTS = [
  NEIGHBORHOOD_QUERY,
  COMPETITOR_QUERY,
  SEARCH_QUERY,
  HASHTAGS_QUERY,
  CHAINS_QUERY,
  CREATOR_QUERY,
  NODE_QUERY,
  AMPLIFICATION_SUBSCRIPTION,
  WHOAMI_QUERY,
];
