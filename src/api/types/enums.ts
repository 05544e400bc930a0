/** The contract's enums, registered once for type-graphql. */
import { registerEnumType } from 'type-graphql';

export enum Platform {
  TIKTOK = 'TIKTOK',
  X = 'X',
}
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
export enum TrackingTier {
  TIER1 = 'TIER1',
  ACTIVE = 'ACTIVE',
  LONG_TAIL = 'LONG_TAIL',
}
export enum CreatorOrderField {
  COMBINED_REACH = 'COMBINED_REACH',
  TIKTOK_FOLLOWERS = 'TIKTOK_FOLLOWERS',
  X_FOLLOWERS = 'X_FOLLOWERS',
  LAST_POST_AT = 'LAST_POST_AT',
  DISPLAY_NAME = 'DISPLAY_NAME',
}
export enum MatchStatus {
  AUTO = 'AUTO',
  PENDING = 'PENDING',
  MANUAL = 'MANUAL',
  REJECTED = 'REJECTED',
}
export enum MatchReason {
  BIOLINK_EXACT = 'BIOLINK_EXACT',
  BIOLINK_DOMAIN = 'BIOLINK_DOMAIN',
  HANDLE_EXACT = 'HANDLE_EXACT',
  HANDLE_NORMALIZED = 'HANDLE_NORMALIZED',
  NAME_EXACT = 'NAME_EXACT',
  COMMON_HANDLE = 'COMMON_HANDLE',
  PROFILE_LINK = 'PROFILE_LINK',
  MANUAL_LINK = 'MANUAL_LINK',
}
export enum MatchEventKind {
  CREATED = 'CREATED',
  SCORE_CHANGED = 'SCORE_CHANGED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  LINKED = 'LINKED',
}
export enum OverlapBasis {
  SAME_USERNAME = 'SAME_USERNAME',
  BIOLINK_MATCH = 'BIOLINK_MATCH',
  MANUAL_LINK = 'MANUAL_LINK',
  CALIBRATED = 'CALIBRATED',
  SINGLE_PLATFORM = 'SINGLE_PLATFORM',
}
export enum AmplificationKind {
  LINK = 'LINK',
  CROSSPOST = 'CROSSPOST',
  REPOST = 'REPOST',
  QUOTE = 'QUOTE',
}
export enum SpilloverClass {
  BOTH = 'BOTH',
  X_ONLY = 'X_ONLY',
  TIKTOK_ONLY = 'TIKTOK_ONLY',
}
export enum GraphNodeKind {
  CREATOR = 'CREATOR',
  ACCOUNT = 'ACCOUNT',
  POST = 'POST',
  HASHTAG = 'HASHTAG',
  BRAND = 'BRAND',
  CAMPAIGN = 'CAMPAIGN',
}
export enum XTier {
  FREE = 'FREE',
  BASIC = 'BASIC',
  PRO = 'PRO',
  ENTERPRISE = 'ENTERPRISE',
}
export enum LaneState {
  IDLE = 'IDLE',
  RUNNING = 'RUNNING',
  BACKING_OFF = 'BACKING_OFF',
  FAILING = 'FAILING',
  DISABLED = 'DISABLED',
}

/** How the review queue is ordered. */
export enum ReviewOrder {
  /** Strongest first (score descending), as the contract says. */
  STRENGTH = 'STRENGTH',
  /**
   * Expected value of a decision first: the most uncertain pairs (score near 50) with the largest
   * reach, where a reviewer's answer changes the most.
   */
  EXPECTED_VALUE = 'EXPECTED_VALUE',
}

const enums = {
  ReviewOrder,
  Platform,
  OrderDirection,
  TrackingTier,
  CreatorOrderField,
  MatchStatus,
  MatchReason,
  MatchEventKind,
  OverlapBasis,
  AmplificationKind,
  SpilloverClass,
  GraphNodeKind,
  XTier,
  LaneState,
};
for (const [name, e] of Object.entries(enums)) registerEnumType(e, { name });
