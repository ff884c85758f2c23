-- Parking: an event the sink refuses for good (a 4xx that says the event itself is wrong) is
-- set aside after a few refusals instead of blocking every later event, and kept: never
-- deleted, never purged (the purge deletes sent rows only), re-queued by clearing parked_at
-- (docs/observability.md, "OutboxEventsParked").
--
-- Expand only: every new column is nullable or has a constant default (no table rewrite on
-- PostgreSQL 11+), so the previous release reads and writes this table as before while both
-- run side by side in a rolling update. The previous relay does not know parked_at: until its
-- last pod is gone it still tries a parked event (backoff up to its 30 s cap) and stops its
-- batch there, as it did before this version; the sink refuses each try, so nothing is sent
-- twice or lost, and the new relays deliver everything behind the parked event meanwhile.
-- That is accepted for one release; a rollback to it returns to the old behaviour, nothing
-- worse. Marking parked rows as sent to hide them from it was rejected: its purge would then
-- delete them after the retention period.
ALTER TABLE outbox_event
    -- Refusals for good so far (transient failures count in attempts only); reaching
    -- meshgate.outbox.max-attempts-on-refusal parks the event.
    ADD COLUMN refusals    integer     NOT NULL DEFAULT 0,
    -- When the event was set aside; NULL while it is still to be delivered.
    ADD COLUMN parked_at   timestamptz,
    -- The last failed delivery: the sink's HTTP status (NULL when it did not answer) and a
    -- short reason. Never the event's data.
    ADD COLUMN last_status integer,
    ADD COLUMN last_error  text;

-- The relay's queue and the backlog metrics now also skip parked rows; parked rows are few,
-- so outbox_event_unsent (WHERE sent_at IS NULL) still serves both and needs no successor.
