-- The township that holds the duty to deliver the inflow a fee paid for; the county may move it (with the
-- money) to another township when the home township cannot deliver (seed 001 四2).
alter table fee_payment add column duty_township_id bigint references region (id);
update fee_payment set duty_township_id = township_id;
alter table fee_payment alter column duty_township_id set not null;
