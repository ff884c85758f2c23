-- Expand/contract: later versions add nullable or defaulted columns and stop using old ones
-- before a later migration drops them, so two revisions can run side by side while Knative
-- shifts traffic between them. This one only adds an index.

-- The retention clean-up (ProcessedEventCleanup) finds rows by age, a batch at a time.
-- A plain CREATE INDEX, not CONCURRENTLY: Flyway would run a concurrent build outside a
-- transaction, but it holds its own PostgreSQL lock in an open transaction
-- (postgresql.transactional.lock, on by default), which the build waits for: the migration
-- would never end. The plain build blocks inserts while it reads the table, one short row
-- per event ever handled: well under a second at today's size, and an event that waits
-- for it is answered a little later, not lost.
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
