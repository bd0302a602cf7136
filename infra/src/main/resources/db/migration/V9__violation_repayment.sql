-- A township repays indicators it borrowed from a reserve for a violation: with equal indicators or with money
-- at the guide price (seed 004 三(五)). Reserves (county, city) get a fund account for such money.
alter table violation_case add column repaid_m2 bigint not null default 0;

-- [jooq ignore start]
alter table fund_account drop constraint fund_account_kind_ck;
alter table fund_account add constraint fund_account_kind_ck check (
    kind in ('TOWNSHIP_FUND', 'RESERVE_FUND', 'PAYER_CLEARING', 'EXPENSE_CLEARING'));
alter table violation_case add constraint violation_case_repaid_ck check (repaid_m2 >= 0);
-- [jooq ignore stop]
