-- Expand/contract: later versions add nullable or defaulted columns and stop using old ones
-- before a later migration drops them, so two revisions can run side by side while Knative
-- shifts traffic between them.

-- One row per event handled, keyed as CloudEvents identifies an event (source and id
-- together). The primary key is what makes handling idempotent: a concurrent delivery of
-- the same event waits on it, then finds the row. No address or review text is kept.
CREATE TABLE processed_event (
    source       text        NOT NULL,
    id           text        NOT NULL,
    type         text        NOT NULL,
    -- sent, no-recipient or rejected (the mail server refused the address for good)
    outcome      text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, id)
);

-- What the broker's dead-letter sink received: the event's identity and Knative's error
-- extensions, not its data.
CREATE TABLE dead_letter (
    source            text        NOT NULL,
    id                text        NOT NULL,
    type              text        NOT NULL,
    error_code        text,
    error_destination text,
    received_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, id)
);
