/**
 * The GraphQL documents the review desk sends, and the shapes it reads back. Kept apart from the
 * React code so a unit test can validate every document against the public contract.
 */

export type Platform = 'TIKTOK' | 'X';
export type MatchStatus = 'AUTO' | 'PENDING' | 'MANUAL' | 'REJECTED';
export type MatchEventKind = 'CREATED' | 'SCORE_CHANGED' | 'APPROVED' | 'REJECTED' | 'LINKED';

export interface ReviewAccount {
  id: string;
  platform: Platform;
  username: string;
  displayName: string | null;
  bio: string | null;
  bioLink: string | null;
  followers: number;
  avatarUrl: string | null;
  profileUrl: string;
}

export interface ReviewEvidence {
  signal: string;
  reason: string | null;
  points: number;
  values: { platform: Platform; raw: string | null; normalized: string | null }[];
}

export interface ReviewMatch {
  id: string;
  score: number;
  status: MatchStatus;
  reasons: string[];
  accounts: ReviewAccount[];
  evidence: ReviewEvidence[];
  updatedAt: string;
}

export interface MatchChangedEvent {
  kind: MatchEventKind;
  at: string;
  previousStatus: MatchStatus | null;
  match: ReviewMatch;
}

const MATCH_FIELDS = `
fragment ReviewMatchFields on Match {
  id
  score
  status
  reasons
  updatedAt
  accounts {
    id
    platform
    username
    displayName
    bio
    bioLink
    followers
    avatarUrl
    profileUrl
  }
  evidence {
    signal
    reason
    points
    values {
      platform
      raw
      normalized
    }
  }
}
`;

/** Page size of the queue the desk shows. */
export const QUEUE_SIZE = 50;

export const REVIEW_QUEUE_QUERY = `query ReviewDeskQueue($first: Int!) {
  reviewQueue(first: $first) {
    totalCount
    nodes {
      ...ReviewMatchFields
    }
  }
}
${MATCH_FIELDS}`;

export const APPROVE_MUTATION = `mutation ReviewDeskApprove($id: ID!, $note: String) {
  approveMatch(id: $id, note: $note) {
    ...ReviewMatchFields
  }
}
${MATCH_FIELDS}`;

export const REJECT_MUTATION = `mutation ReviewDeskReject($id: ID!, $note: String) {
  rejectMatch(id: $id, note: $note) {
    ...ReviewMatchFields
  }
}
${MATCH_FIELDS}`;

export const MATCH_CHANGED_SUBSCRIPTION = `subscription ReviewDeskMatchChanged {
  matchChanged {
    kind
    at
    previousStatus
    match {
      ...ReviewMatchFields
    }
  }
}
${MATCH_FIELDS}`;

export interface ReviewQueueData {
  reviewQueue: { totalCount: number; nodes: ReviewMatch[] };
}
export interface ApproveData {
  approveMatch: ReviewMatch;
}
export interface RejectData {
  rejectMatch: ReviewMatch;
}
export interface MatchChangedData {
  matchChanged: MatchChangedEvent;
}
