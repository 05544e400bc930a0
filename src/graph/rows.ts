/** What the read queries return: node properties as stored, temporal values as Dates. */
import type { AmplificationKind, MatchReason, MatchStatus, TrackingTier } from './model';
import type { AccountView, PostView } from './shapes';

export interface CreatorRow {
  id: string;
  displayName: string;
  active: boolean;
  tracked: boolean;
  tier: TrackingTier | null;
  backfilled: boolean;
  lastPostAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An account as read: the Account shape's served properties (graph/shapes.ts). */
export type AccountRow = AccountView;

export interface MatchRow {
  id: string;
  tiktokId: string;
  xId: string;
  score: number;
  reasons: MatchReason[];
  /** The evidence as stored (matching/evidence-codec.ts; relationship properties cannot hold maps). */
  evidence: string;
  status: MatchStatus;
  reviewedBy: string | null;
  reviewNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A post as read: the Post shape's served properties (graph/shapes.ts). */
export type PostRow = PostView;

export interface AmplificationRow {
  amplifierId: string;
  sourceId: string;
  kind: AmplificationKind;
  lagSeconds: number;
  confidence: number;
}

export interface SnapshotRow {
  at: Date;
  followers: number;
  following: number | null;
  hearts: number | null;
  postCount: number | null;
}

export interface MatchEventRow {
  id: string;
  matchId: string;
  kind: string;
  previousStatus: MatchStatus | null;
  previousScore: number | null;
  status: MatchStatus;
  score: number;
  at: Date;
  actor: string | null;
  note: string | null;
}

export interface Page<T> {
  total: number;
  items: T[];
}
