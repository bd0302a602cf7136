-- The code that adds coverage writes the application's covered area and each coverage's total after it, in the one
-- statement that inserts the coverage (a bank statement settling thousands of orders inserts them all in one); the
-- database only guards. The row trigger that added to the application's covered area row by row (V17, V18, V26) is
-- replaced by a check once per statement: for every application the statement covered, the covered area equals the sum
-- of its coverages and lies within its obligation, and every new coverage's total after it is that sum up to it. A
-- reversal still undoes exactly one coverage of the same application (checked per reversing row).

-- [jooq ignore start]
drop trigger outflow_coverage_within_obligation on outflow_coverage;
drop function forbid_over_coverage();

create function guard_reversal() returns trigger language plpgsql as $$
declare
    original outflow_coverage%rowtype;
begin
    select * into original from outflow_coverage where id = new.reverses_id;
    if original.id is null or original.application_id <> new.application_id or original.reverses_id is not null
            or original.area_m2 <> -new.area_m2 or original.kind <> new.kind then
        raise exception 'coverage % does not reverse coverage % of application %', new.id, new.reverses_id,
            new.application_id;
    end if;
    return new;
end;
$$;
create trigger outflow_coverage_reverses_one before insert on outflow_coverage
    for each row when (new.reverses_id is not null) execute function guard_reversal();

create function guard_coverage_totals() returns trigger language plpgsql as $$
declare
    bad record;
begin
    select a.id, a.covered_m2, a.required_m2, s.total into bad
    from (select distinct application_id from new_rows) n
    join outflow_application a on a.id = n.application_id
    cross join lateral (select coalesce(sum(c.area_m2), 0) as total from outflow_coverage c
                        where c.application_id = a.id) s
    where a.covered_m2 <> s.total or a.covered_m2 > a.required_m2 or a.covered_m2 < 0
    limit 1;
    if found then
        if bad.covered_m2 <> bad.total then
            raise exception 'application % covers % m² but its coverages sum to % m²', bad.id, bad.covered_m2, bad.total;
        end if;
        raise exception 'obligation of application % over-covered (% > %)', bad.id, bad.covered_m2, bad.required_m2;
    end if;
    select r.id, r.application_id, r.covered_after_m2, r.running into bad
    from (select c.id, c.application_id, c.covered_after_m2,
                 sum(c.area_m2) over (partition by c.application_id order by c.id) as running
          from outflow_coverage c where c.application_id in (select application_id from new_rows)) r
    where r.id in (select id from new_rows) and r.covered_after_m2 <> r.running
    limit 1;
    if found then
        raise exception 'coverage % of application % says % m² covered after it, the coverages sum to % m²', bad.id,
            bad.application_id, bad.covered_after_m2, bad.running;
    end if;
    return null;
end;
$$;
create trigger outflow_coverage_totals after insert on outflow_coverage
    referencing new table as new_rows for each statement execute function guard_coverage_totals();
-- [jooq ignore stop]
