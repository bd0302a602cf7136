-- A bank serial (支付流水号) pays one thing only: an order, a fee, or a receipt booked from the bank statement.
create table payment_reference (
    reference   varchar(128) primary key,
    kind        varchar(10)  not null,
    target_id   bigint       not null,
    created_at  timestamp with time zone not null
);

-- [jooq ignore start]
insert into payment_reference (reference, kind, target_id, created_at)
select payment_reference, 'FEE', application_id, now() from fee_payment
on conflict do nothing;
insert into payment_reference (reference, kind, target_id, created_at)
select payment_reference, 'ORDER', id, coalesce(settled_at, now()) from market_order where payment_reference is not null
on conflict do nothing;
-- [jooq ignore stop]
