-- The cross_platform_creators dimension (seed article's data model). canonical_id is ours
-- ("cr_..." text, not a BIGINT: it must outlive both platform ids). Both platform user ids are
-- unique but nullable (one-platform creators); handles are indexed for lookups.
CREATE TABLE IF NOT EXISTS cross_platform_creators (
  canonical_id        TEXT PRIMARY KEY,
  display_name        VARCHAR(255),
  tiktok_username     VARCHAR(64),
  tiktok_user_id      VARCHAR(64),
  tiktok_sec_uid      VARCHAR(128),
  tiktok_followers    INT,
  tiktok_hearts       BIGINT,
  tiktok_last_post_at TIMESTAMPTZ,
  x_handle            VARCHAR(64),
  x_user_id           VARCHAR(64),
  x_followers         INT,
  x_last_post_at      TIMESTAMPTZ,
  match_score         INT,
  match_reasons       VARCHAR(255),
  match_status        VARCHAR(8) CHECK (match_status IN ('auto', 'manual', 'rejected')),
  reach_low           BIGINT,
  reach_high          BIGINT,
  tiktok_active       BOOLEAN,
  x_active            BOOLEAN,
  -- False once every account is deleted, or the creator was merged away: rows are never left stale.
  active              BOOLEAN NOT NULL DEFAULT TRUE,
  updated_at          TIMESTAMPTZ NOT NULL,
  exported_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT cross_platform_creators_tiktok_user_id_key UNIQUE (tiktok_user_id),
  CONSTRAINT cross_platform_creators_x_user_id_key UNIQUE (x_user_id)
);
CREATE INDEX IF NOT EXISTS cross_platform_creators_tiktok_username_idx ON cross_platform_creators (tiktok_username);
CREATE INDEX IF NOT EXISTS cross_platform_creators_x_handle_idx ON cross_platform_creators (x_handle);
