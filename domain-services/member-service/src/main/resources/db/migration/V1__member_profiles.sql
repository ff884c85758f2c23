-- Expand/contract: later versions add nullable or defaulted columns and stop using old ones
-- before a later migration drops them, so two releases can run side by side in a rolling
-- update. Length limits live in the application's validation, where they can change
-- without rewriting the table.
CREATE TABLE member_profile (
    id           uuid        PRIMARY KEY,
    display_name text        NOT NULL DEFAULT '',
    email        text,
    bio          text,
    locale       text,
    version      bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The admin listing pages in creation order.
CREATE INDEX member_profile_created_at ON member_profile (created_at, id);
