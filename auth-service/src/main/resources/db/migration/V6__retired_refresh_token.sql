-- Expand only: a new table. Refresh tokens a refresh has rotated out of their
-- authorization (RefreshTokenReuseDetection): one presented again revokes the authorization.
-- The SHA-256 hash of the token, never the token: the table is useless to whoever reads it.
-- Unsalted, because a refresh presents only the token to look up, and 96 random bytes
-- leave nothing to guess.
-- Rows are kept for the refresh-token TTL, by then the token has expired anyway
-- (RetiredRefreshTokenCleanup, which finds them by retired_at a batch at a time).
CREATE TABLE retired_refresh_token (
    token_hash       bytea        PRIMARY KEY,
    authorization_id varchar(100) NOT NULL,
    retired_at       timestamptz  NOT NULL
);

CREATE INDEX retired_refresh_token_retired_at_idx ON retired_refresh_token (retired_at);
