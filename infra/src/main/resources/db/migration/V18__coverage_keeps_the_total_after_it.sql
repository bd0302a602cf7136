-- Each coverage keeps the application's covered area just after it was added, set by the coverage trigger under the
-- application's row lock. Whoever adds a coverage learns the new total from its own insert (to announce a covered
-- obligation) instead of reading the application again. Earlier coverages get the running sum in the order they were
-- added (ids are assigned under the application's lock).
alter table outflow_coverage add column covered_after_m2 bigint;

-- [jooq ignore start]
alter table outflow_coverage disable trigger outflow_coverage_immutable;
update outflow_coverage c set covered_after_m2 = s.running
from (select id, sum(area_m2) over (partition by application_id order by id) as running from outflow_coverage) s
where s.id = c.id;
alter table outflow_coverage enable trigger outflow_coverage_immutable;

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
    new.covered_after_m2 := covered;
    return new;
end;
$$;
-- [jooq ignore stop]

alter table outflow_coverage alter column covered_after_m2 set not null;
