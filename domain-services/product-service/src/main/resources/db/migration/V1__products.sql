-- Expand/contract: later versions add nullable or defaulted columns and stop using old ones
-- before a later migration drops them, so two releases can run side by side in a rolling
-- update. Length and format limits live in the application's validation, where they can
-- change without rewriting the table; the checks here only guard what money must never be.

-- Trigram indexes make the name search (a case-insensitive substring, ILIKE '%...%') an
-- index scan instead of reading every row. pg_trgm ships with PostgreSQL (contrib) and is a
-- trusted extension since PostgreSQL 13, so the database owner creates it without
-- superuser rights (CloudNativePG's app user, local-platform's account).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE product (
    id          uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text          NOT NULL,
    description text,
    price       numeric(12,2) NOT NULL CHECK (price >= 0),
    currency    text          NOT NULL,
    version     bigint        NOT NULL DEFAULT 0,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX product_name_trgm ON product USING gin (name gin_trgm_ops);

-- The listing sorts by one of these and pages with LIMIT/OFFSET; id breaks ties so that
-- pages never overlap or skip a row.
CREATE INDEX product_name_id ON product (name, id);
CREATE INDEX product_price_id ON product (price, id);
CREATE INDEX product_created_at_id ON product (created_at, id);
