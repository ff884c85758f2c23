-- Expand/contract: later versions add nullable or defaulted columns and stop using old ones
-- before a later migration drops them, so two releases can run side by side in a rolling
-- update. Length limits live in the application's validation, where they can change
-- without rewriting the table; the rating range is the review's meaning, so the table
-- holds it too.
CREATE TABLE review (
    id          uuid        PRIMARY KEY,
    product_id  uuid        NOT NULL,
    reviewer_id uuid        NOT NULL,
    rating      smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- A product's reviews newest first: the paged listing and the batch read by product both
-- walk this index; id breaks ties between reviews of the same instant.
CREATE INDEX review_product_newest ON review (product_id, created_at DESC, id DESC);

-- Transactional outbox: each event is written in the transaction of the change it reports
-- and sent later by the relay, so it is neither lost when the sink is down nor sent for a
-- change that rolled back. data is json, not jsonb, so the relay sends the bytes as written.
CREATE TABLE outbox_event (
    id              uuid        PRIMARY KEY,
    type            text        NOT NULL,
    subject         text        NOT NULL,
    data            json        NOT NULL,
    traceparent     text,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz
);

-- The relay's queue and the backlog metrics read only unsent rows, oldest first.
CREATE INDEX outbox_event_unsent ON outbox_event (created_at, id) WHERE sent_at IS NULL;

-- Purging sent rows after the retention period.
CREATE INDEX outbox_event_sent ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
