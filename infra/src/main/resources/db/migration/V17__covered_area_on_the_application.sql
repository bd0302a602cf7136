-- An application keeps its covered area on its row, added to by the coverage trigger under the row's lock. The trigger,
-- an order placement and a purchase read it there instead of summing every coverage of the application again (a
-- project buying in many small orders made each of them sum a longer list). /api/audit/invariants checks that it
-- equals the sum of the coverages.
alter table outflow_application add column covered_m2 bigint not null default 0;
alter table outflow_application add constraint outflow_application_covered_ck check (covered_m2 >= 0);

-- [jooq ignore start]
update outflow_application a
set covered_m2 = coalesce((select sum(c.area_m2) from outflow_coverage c where c.application_id = a.id), 0);

-- No obligation is ever covered beyond what it requires, whatever the application code does.
create or replace function forbid_over_coverage() returns trigger language plpgsql as $$
declare
    required bigint;
    covered  bigint;
begin
    update outflow_application set covered_m2 = covered_m2 + new.area_m2 where id = new.application_id
    returning required_m2, covered_m2 into required, covered;
    if covered > required then
        raise exception 'obligation of application % over-covered (% > %)', new.application_id, covered, required;
    end if;
    return new;
end;
$$;
-- [jooq ignore stop]
