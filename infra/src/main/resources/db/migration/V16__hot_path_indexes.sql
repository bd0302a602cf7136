-- Indexes found with pg_stat_statements under bench/settlement/run.
--
-- The outbox relay reads the numbered, not yet published events in number order. It walked the number index from
-- the first event ever published, skipping every published one: 46 ms a pass at 100 000 events, growing with the
-- table. This index holds only the few events in flight.
-- [jooq ignore start]
create index outbox_event_numbered_unpublished_idx on outbox_event (publish_seq)
    where published_at is null and publish_seq is not null;
-- [jooq ignore stop]

-- Every order placement sums the application's pending orders, and every purchase, fee or self-restoration sums its
-- coverage (the trigger that keeps an obligation from being over-covered too). Both now read only the index: the
-- pending orders of one application, and the area of its coverages.
-- [jooq ignore start]
create index market_order_application_status_idx on market_order (outflow_application_id, status) include (area_m2);
drop index market_order_application_idx;
create index outflow_coverage_application_area_idx on outflow_coverage (application_id) include (area_m2);
drop index outflow_coverage_application_idx;
-- [jooq ignore stop]
