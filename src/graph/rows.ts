/** What the read queries return: node properties as stored, temporal values as Dates. */
import type { AmplificationKind, MatchReason, MatchStatus, Platform, TrackingTier } from './model';

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

export interface AccountRow {
  id: string;
  platform: Platform;
  platformUserId: string;
  username: string;
  displayName: string | null;
  bio: string | null;
  bioLink: string | null;
  avatarUrl: string | null;
  secUid: string | null;
  verified: boolean | null;
  followers: number;
  following: number | null;
  hearts: number | null;
  postCount: number | null;
  lastPostAt: Date | null;
  fetchedAt: Date | null;
  active: boolean;
  deactivatedAt: Date | null;
}

export interface MatchRow {
  id: string;
  tiktokId: string;
  xId: string;
  score: number;
  reasons: MatchReason[];
  /** JSON of MatchEvidenceRecord[] (relationship properties cannot hold maps). */
  evidence: string;
  status: MatchStatus;
  reviewedBy: string | null;
  reviewNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PostRow {
  id: string;
  platform: Platform;
  platformPostId: string;
  url: string;
  text: string | null;
  createdAt: Date;
  authorId: string;
  views: number | null;
  likes: number;
  comments: number;
  shares: number;
  quotes: number | null;
  bookmarks: number | null;
  engagement: number;
}

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
