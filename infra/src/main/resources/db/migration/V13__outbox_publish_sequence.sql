-- The relay numbers events in the order it first sees them committed, and publishes with that number as the Pulsar
-- sequence id. Row ids are taken at insert, so a transaction that commits late can hold a lower id than one already
-- published; with the row id as sequence id the broker's deduplication would drop such an event as a duplicate.
alter table outbox_event add column publish_seq bigint;
alter table outbox_event add constraint outbox_event_publish_seq_uk unique (publish_seq);

-- [jooq ignore start]
create index outbox_event_unnumbered_idx on outbox_event (id) where publish_seq is null and published_at is null;
-- [jooq ignore stop]
