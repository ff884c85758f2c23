-- RSA signing keys. A key is published in the JWKS from created_at and signs from
-- active_from; it stops signing when a newer key becomes active and stays published
-- until every token it signed has expired. The private key is encrypted (AES-GCM,
-- key derived from meshgate.signing-keys.encryption-password and the per-key salt).
CREATE TABLE signing_key (
    kid                   text        PRIMARY KEY,
    public_jwk            text        NOT NULL,
    encrypted_private_key bytea       NOT NULL,
    salt                  text        NOT NULL,
    created_at            timestamptz NOT NULL,
    active_from           timestamptz NOT NULL
);

CREATE INDEX signing_key_active_from_idx ON signing_key (active_from);
