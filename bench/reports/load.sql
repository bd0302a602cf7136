-- Synthetic data at the scale of a province for the report benchmark (bench/reports/run).
-- The demo county 陇西县 (created by the application at its first start) and :counties - 1 synthetic counties of
-- 15 townships each get :lots_per_county indicator lots each, with everything the reports read: inflow projects,
-- holds and movements (issue, reserve/release, reserve/consume, freeze/unfreeze/deduct), violation cases, outflow
-- applications with SELF/PURCHASE/FEE coverages, settled market orders, fee payments, sales and expenses in the
-- township funds.
--
-- Every lot follows one of three histories (A = issued area; all parts are whole m²):
--   ordinary (19 of 20): ISSUE A; RESERVE/RELEASE A/10 (an expired order); RESERVE/CONSUME A/5 (SELF coverage);
--                        RESERVE/CONSUME A/5 and A/10 (two settled orders); RESERVE/RELEASE A/10 (a cancelled order)
--   violation, open:     the same up to the orders; FREEZE A/10; UNFREEZE half of it (partly restored)
--   violation, deducted: the same up to the orders; FREEZE A/10; DEDUCT all of it (legalised)
-- so the lot's buckets, the holds and the movements agree (the conservation laws of DOMAIN.md §9 hold), and each
-- lot has 11 movements: 1 000 000 lots give 11 000 000 movements.
--
-- Rows are written with explicit ids past the current ones and with triggers off (session_replication_role =
-- replica): the generator is responsible for consistency, and it is checked by the queries at the end.

\set ON_ERROR_STOP on
\timing on
set session_replication_role = replica;
set synchronous_commit = off;

begin;

-- the counties: the demo county first, then the synthetic ones under the same city
create temp table b_county as
select 1 as n, r.id, r.parent_id as city_id from region r where r.level = 'COUNTY' and r.name = '陇西县';

insert into region (id, code, name, level, parent_id, county_id)
select (select max(id) from region) + g, 'BC' || lpad(g::text, 4, '0'), '基准县' || g, 'COUNTY',
       (select city_id from b_county), (select max(id) from region) + g
from generate_series(1, :counties - 1) g;
insert into b_county
select g + 1, (select max(id) from region where code not like 'BC%') + g, (select city_id from b_county where n = 1)
from generate_series(1, :counties - 1) g;

insert into region (id, code, name, level, parent_id, county_id)
select (select max(id) from region) + (c.n - 2) * 15 + t, 'BT' || lpad(c.n::text, 4, '0') || lpad(t::text, 2, '0'),
       '基准县' || (c.n - 1) || '第' || t || '镇', 'TOWNSHIP', c.id, c.id
from b_county c cross join generate_series(1, 15) t where c.n > 1;

-- townships of each county, numbered 0.. within the county, and globally
create temp table b_township as
select c.n as county_n, c.id as county_id, r.id,
       (row_number() over (partition by c.n order by r.code) - 1)::int as t,
       count(*) over (partition by c.n) as t_count,
       (row_number() over (order by c.n, r.code) - 1)::int as g
from b_county c join region r on r.parent_id = c.id and r.level = 'TOWNSHIP';
create index on b_township (county_n, t);

-- ten enterprises per county: the parties that convert farmland and buy indicators
create temp table b_org as
select c.n as county_n, c.id as county_id, (select coalesce(max(id), 0) from organization) + (c.n - 1) * 10 + e + 1 as id, e
from b_county c cross join generate_series(0, 9) e;
insert into organization (id, name, kind, region_id, county_id, created_at)
select id, '基准企业' || county_n || '-' || e, 'ENTERPRISE', county_id, county_id, now() from b_org;

-- the lots: one row per lot with its history's parts
create temp table b_lot as
select l.*, l.a / 10 as r1, l.a / 5 as r2, l.a / 5 as r3, l.a / 10 as r4, l.a / 10 as f,
       case when l.k % 40 = 0 then 'DEDUCTED' when l.k % 20 = 0 then 'OPEN' else 'ORDINARY' end as history
from (
  select c.n as county_n, c.id as county_id, k, (c.n - 1) * :lots_per_county + k as i,
         200 + ((k * 7919 + c.n * 104729) % 4800) as a,
         2021 + k % 5 as vintage,
         make_timestamptz(2021 + k % 5, 1 + k % 12, 1 + k % 28, 8, 0, 0, 'Asia/Shanghai') as at
  from b_county c cross join generate_series(0, :lots_per_county - 1) k) l;
alter table b_lot add column township_id bigint, add column lot_id bigint, add column project_id bigint,
  add column hold0 bigint, add column app_id bigint, add column listing_lot_id bigint;
update b_lot l set township_id = t.id
from b_township t where t.county_n = l.county_n and t.t = l.k % t.t_count;
update b_lot set lot_id = (select coalesce(max(id), 0) from indicator_lot) + i + 1,
                 project_id = (select coalesce(max(id), 0) from inflow_project) + i + 1,
                 hold0 = (select coalesce(max(id), 0) from indicator_hold) + i * 5 + 1,
                 app_id = (select coalesce(max(id), 0) from outflow_application) + i / 5 + 1,
                 listing_lot_id = (select coalesce(max(id), 0) from listing_lot) + i + 1;

insert into indicator_lot (id, owner_region_id, county_id, quality_grade, paddy, vintage_year, source_project_id,
                           issued_m2, available_m2, reserved_m2, frozen_m2, consumed_m2, deducted_m2, created_at)
select lot_id, township_id, county_id, 10, false, vintage, project_id, a,
       a - r2 - r3 - r4 - case history when 'DEDUCTED' then f when 'OPEN' then f - f / 2 else 0 end,
       0, case when history = 'OPEN' then f - f / 2 else 0 end, r2 + r3 + r4,
       case when history = 'DEDUCTED' then f else 0 end, at
from b_lot;

insert into inflow_project (id, county_id, township_id, village, land_class_before, target_class, ownership,
       restoration_attr, slope_1_m2, slope_2_m2, slope_3_m2, slope_4_m2, slope_5_m2, area_m2, ecological_red_line,
       nature_reserve, water_source_level1, river_lake_forest_pastoral_desert, built_up_area, returned_farmland_forest,
       polluted_soil, illegal_deforestation, plan_year, status, quality_grade, lot_id, created_at, updated_at)
select project_id, county_id, township_id, '第' || (k % 50) || '村', '其他园地', '旱地', '集体', null,
       a, 0, 0, 0, 0, a, false, false, false, false, false, false, false, false, vintage, 'ACCEPTED', 10, lot_id, at, at
from b_lot;

-- holds: 0 expired order, 1 SELF coverage, 2 and 3 settled orders, 4 cancelled order or the violation's freeze
insert into indicator_hold (id, lot_id, kind, held_m2, remaining_m2, reference, created_at)
select hold0 + j, lot_id,
       case when j = 4 and history <> 'ORDINARY' then 'FREEZE' else 'RESERVATION' end,
       case j when 0 then r1 when 1 then r2 when 2 then r3 when 3 then r4 else f end,
       case when j = 4 and history = 'OPEN' then f - f / 2 else 0 end,
       'bench:' || lot_id || ':' || j, at + j * interval '10 days'
from b_lot cross join generate_series(0, 4) j;

insert into indicator_movement (lot_id, kind, area_m2, hold_id, reference, created_at)
select lot_id,
       case
         when s = 0 then 'ISSUE'
         when s % 2 = 1 and (s < 9 or history = 'ORDINARY') then 'RESERVE'
         when s = 9 then 'FREEZE'
         when s = 2 or s = 10 and history = 'ORDINARY' then 'RELEASE'
         when s = 10 and history = 'OPEN' then 'UNFREEZE'
         when s = 10 then 'DEDUCT'
         else 'CONSUME' end,
       case
         when s = 0 then a
         when s in (1, 2) then r1
         when s in (3, 4) then r2
         when s in (5, 6) then r3
         when s in (7, 8) then r4
         when s = 10 and history = 'OPEN' then f / 2
         else f end,
       case when s = 0 then null else hold0 + (s - 1) / 2 end,
       'bench:' || lot_id || ':' || s,
       at + s * interval '5 days'
from b_lot cross join generate_series(0, 10) s
order by at, lot_id, s;

-- violation cases: one per violation lot, frozen in the lot's own township
insert into violation_case (county_id, township_id, case_no, description, area_m2, unsecured_m2, status,
                            created_at, updated_at, repaid_m2)
select county_id, township_id, 'BENCH-' || lot_id, '基准违法用地', f, 0,
       case when history = 'DEDUCTED' then 'RESOLVED' else 'OPEN' end,
       at + interval '45 days', at + interval '50 days', 0
from b_lot where history <> 'ORDINARY';
insert into violation_freeze (case_id, hold_id, lot_id, region_id, area_m2, borrowed, unfrozen_m2, deducted_m2)
select c.id, l.hold0 + 4, l.lot_id, l.township_id, l.f, false,
       case when l.history = 'OPEN' then l.f / 2 else 0 end, case when l.history = 'DEDUCTED' then l.f else 0 end
from b_lot l join violation_case c on c.county_id = l.county_id and c.case_no = 'BENCH-' || l.lot_id;

-- outflow applications: five lots' consumptions each, plus 100 m² covered by the fee
create temp table b_app as
select app_id as id, county_n, county_id, min(township_id) filter (where k % 5 = 0) as township_id,
       min(k) as k0, sum(r2 + r3 + r4) + 100 as required, min(at) as at
from b_lot group by app_id, county_n, county_id;
insert into outflow_application (id, county_id, township_id, applicant_org_id, category, land_class_after,
       slope_1_m2, slope_2_m2, slope_3_m2, slope_4_m2, slope_5_m2, area_m2, quality_grade, paddy,
       permanent_basic_farmland, planned_construction_land, high_standard_farmland, supplement_plan,
       landscape_lake, turf, plan_year, status, required_m2, created_at, updated_at)
select a.id, a.county_id, a.township_id, o.id, 'GREENING', '乔木林地',
       a.required * 1000 / 1100, 0, 0, 0, 0, a.required * 1000 / 1100, 12, false,
       false, false, false, false, false, false, extract(year from a.at)::int, 'CLOSED', a.required, a.at, a.at
from b_app a join b_org o on o.county_n = a.county_n and o.e = (a.k0 / 5) % 10;

-- accounts: each township's fund, each county's payer and expense clearing accounts
insert into fund_account (kind, owner_region_id, county_id, balance_fen)
select 'TOWNSHIP_FUND', id, county_id, 0 from b_township
union all select 'PAYER_CLEARING', id, id, 0 from b_county
union all select 'EXPENSE_CLEARING', id, id, 0 from b_county
on conflict (kind, owner_region_id) do nothing;
create temp table b_account as
select a.kind, a.owner_region_id, a.id from fund_account a
where a.owner_region_id in (select id from b_township union all select id from b_county);
create index on b_account (kind, owner_region_id);

-- fees: 100 m² per application at 5万元/亩 = 750 000 fen, into the application's township fund
create temp table b_fee as
select a.*, (select coalesce(max(id), 0) from money_transfer) + row_number() over (order by a.id) as transfer_id
from b_app a;
insert into money_transfer (id, debit_account_id, credit_account_id, amount_fen, kind, reference, memo, created_at)
select f.transfer_id, p.id, t.id, 750000, 'FEE', 'BENCH-FEE-' || f.id, '基准缴费', f.at + interval '20 days'
from b_fee f join b_account p on p.kind = 'PAYER_CLEARING' and p.owner_region_id = f.county_id
join b_account t on t.kind = 'TOWNSHIP_FUND' and t.owner_region_id = f.township_id;
insert into fee_payment (application_id, area_m2, amount_fen, payment_reference, township_id, transfer_id,
                         created_at, duty_township_id)
select id, 100, 750000, 'BENCH-FEE-' || id, township_id, transfer_id, at + interval '20 days', township_id from b_fee;
select setval(pg_get_serial_sequence('money_transfer', 'id'), (select max(id) from money_transfer));

-- the market: one open listing per township, one listed part per lot, two settled orders per lot at 6万元/亩
insert into listing (id, county_id, township_id, price_per_mu_fen, listed_m2, status, created_at)
select (select coalesce(max(id), 0) from listing) + g + 1, county_id, id, 6000000, 1, 'OPEN', now()
from b_township;
create temp table b_listing as select l.township_id, l.id from listing l where l.township_id in (select id from b_township);
insert into listing_lot (id, listing_id, lot_id, listed_m2, remaining_m2)
select b.listing_lot_id, s.id, b.lot_id, b.r3 + b.r4, 0
from b_lot b join b_listing s on s.township_id = b.township_id;
update listing l set listed_m2 = x.listed from (
  select listing_id, sum(listed_m2) as listed from listing_lot group by listing_id) x
where x.listing_id = l.id and l.id in (select id from b_listing);

create temp table b_order as
select (select coalesce(max(id), 0) from market_order) + b.i * 2 + j + 1 as id, b.*, j,
       case j when 0 then b.r3 else b.r4 end as area,
       case j when 0 then b.r3 else b.r4 end * 9000 as amount,
       b.at + (5 + j * 2) * interval '5 days' as settled_at
from b_lot b cross join generate_series(0, 1) j;
insert into market_order (id, county_id, outflow_application_id, buyer_org_id, area_m2, amount_fen, status, expires_at,
                          payment_reference, created_at, settled_at)
select o.id, o.county_id, o.app_id, a.applicant_org_id, o.area, o.amount, 'SETTLED', o.settled_at,
       'BENCH-PAY-' || o.id, o.settled_at - interval '1 hour', o.settled_at
from b_order o join outflow_application a on a.id = o.app_id;
insert into order_allocation (order_id, listing_lot_id, lot_id, township_id, hold_id, area_m2, price_per_mu_fen,
                              amount_fen, quality_grade)
select o.id, o.listing_lot_id, o.lot_id, o.township_id,
       o.hold0 + 2 + o.j, o.area, 6000000, o.amount, 10
from b_order o;
insert into money_transfer (debit_account_id, credit_account_id, amount_fen, kind, reference, memo, created_at)
select p.id, t.id, o.amount, 'SALE', 'BENCH-PAY-' || o.id, '基准成交', o.settled_at
from b_order o join b_account p on p.kind = 'PAYER_CLEARING' and p.owner_region_id = o.county_id
join b_account t on t.kind = 'TOWNSHIP_FUND' and t.owner_region_id = o.township_id;

-- coverages: SELF from the lot's first consumption, PURCHASE per order, FEE per application
-- (each with the application's covered total after it, as the trigger that is off here would have kept it)
insert into outflow_coverage (application_id, kind, area_m2, ref, township_id, lot_id, quality_grade, amount_fen, created_at,
                              covered_after_m2)
select c.*, sum(c.area_m2) over (partition by c.app_id order by c.created_at, c.ref rows unbounded preceding)
from (select app_id, 'SELF' as kind, r2 as area_m2, 'bench:self:' || lot_id as ref, township_id, lot_id, 10 as quality_grade,
             null::bigint as amount_fen, at + interval '20 days' as created_at from b_lot
      union all
      select app_id, 'PURCHASE', area, 'order:' || id, township_id, lot_id, 10, amount, settled_at from b_order
      union all
      select f.id, 'FEE', 100, 'BENCH-FEE-' || f.id, f.township_id, null, null, 750000, f.at + interval '20 days' from b_fee f) c
order by c.app_id, c.created_at, c.ref;
update outflow_application a set covered_m2 = s.covered
from (select application_id, sum(area_m2) as covered from outflow_coverage group by application_id) s
where s.application_id = a.id and a.id in (select id from b_app);

-- expenses: each township spends a tenth of what it received each year, on restoration works
insert into money_transfer (debit_account_id, credit_account_id, amount_fen, kind, reference, memo, created_at)
select x.account_id, e.id, x.received / 10, 'EXPENSE', 'BENCH-EXP-' || x.account_id || '-' || x.y, '基准支出：复垦工程',
       make_timestamptz(x.y, 12, 20, 10, 0, 0, 'Asia/Shanghai')
from (select credit_account_id as account_id, extract(year from created_at at time zone 'Asia/Shanghai')::int as y,
             sum(amount_fen) as received
      from money_transfer where reference like 'BENCH-%' and kind in ('FEE', 'SALE') group by 1, 2) x
join fund_account a on a.id = x.account_id
join b_account e on e.kind = 'EXPENSE_CLEARING' and e.owner_region_id = a.county_id
where x.received >= 10;
-- each approved by the county and paid, as the approval rules ask (the demo county's admin stands in for every county's)
insert into fund_expense (county_id, township_id, amount_fen, category, payee_name, purpose, status, proposed_by,
                          proposed_at, decided_by, decided_at, bank_serial, paid_on, paid_by, paid_at, transfer_id)
select a.county_id, a.owner_region_id, t.amount_fen, 'RESTORATION_WORKS', '基准施工单位', '基准支出：复垦工程', 'PAID', u.id,
       t.created_at - interval '10 days', u.id, t.created_at - interval '5 days', t.reference,
       (t.created_at at time zone 'Asia/Shanghai')::date, u.id, t.created_at, t.id
from money_transfer t join fund_account a on a.id = t.debit_account_id
cross join (select min(id) as id from app_user where role = 'COUNTY_ADMIN') u
where t.kind = 'EXPENSE' and t.reference like 'BENCH-EXP-%';

update fund_account a set balance_fen = coalesce(c.v, 0) - coalesce(d.v, 0)
from b_account b
left join (select credit_account_id as id, sum(amount_fen) as v from money_transfer group by 1) c on c.id = b.id
left join (select debit_account_id as id, sum(amount_fen) as v from money_transfer group by 1) d on d.id = b.id
where a.id = b.id and a.kind not in ('PAYER_CLEARING', 'EXPENSE_CLEARING'); -- clearing accounts keep no balance (V14)

commit;
set session_replication_role = origin;

-- identities continue after the explicit ids
do $$
declare t text;
begin
  foreach t in array array['region', 'organization', 'indicator_lot', 'indicator_hold', 'indicator_movement',
      'inflow_project', 'outflow_application', 'outflow_coverage', 'fund_account', 'money_transfer', 'fee_payment',
      'listing', 'listing_lot', 'market_order', 'order_allocation', 'violation_case', 'violation_freeze'] loop
    execute format('select setval(pg_get_serial_sequence(%L, ''id''), greatest(1, (select max(id) from %I)))', t, t);
  end loop;
end $$;

vacuum analyze;

-- what was loaded, and the conservation laws on it
select (select count(*) from region where level = 'COUNTY') as counties,
       (select count(*) from region where level = 'TOWNSHIP') as townships,
       (select count(*) from indicator_lot) as lots,
       (select count(*) from indicator_movement) as movements,
       (select count(*) from outflow_application) as outflow_applications,
       (select count(*) from market_order) as orders,
       (select count(*) from money_transfer) as money_transfers,
       (select count(*) from violation_case) as violation_cases;
select count(*) as lots_not_conserved from indicator_lot
where issued_m2 <> available_m2 + reserved_m2 + frozen_m2 + consumed_m2 + deducted_m2
   or least(available_m2, reserved_m2, frozen_m2, consumed_m2, deducted_m2) < 0;
select count(*) as lots_disagreeing_with_movements from indicator_lot l join (
  select lot_id,
         sum(case kind when 'ISSUE' then area_m2 when 'RESERVE' then -area_m2 when 'RELEASE' then area_m2
                       when 'FREEZE' then -area_m2 when 'UNFREEZE' then area_m2 else 0 end) as available,
         sum(case kind when 'CONSUME' then area_m2 else 0 end) as consumed,
         sum(case kind when 'DEDUCT' then area_m2 else 0 end) as deducted
  from indicator_movement group by lot_id) m on m.lot_id = l.id
where m.available <> l.available_m2 or m.consumed <> l.consumed_m2 or m.deducted <> l.deducted_m2;
select count(*) as overdrawn_funds from fund_account where kind = 'TOWNSHIP_FUND' and balance_fen < 0;
select count(*) as over_covered_applications from outflow_application a
where a.required_m2 < (select sum(area_m2) from outflow_coverage c where c.application_id = a.id);
