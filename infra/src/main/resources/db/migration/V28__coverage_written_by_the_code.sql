-- The code that adds coverage writes the application's covered area and each coverage's total after it, in the one
-- statement that inserts the coverage (a bank statement settling thousands of orders inserts them all in one); the
-- database only guards. The row trigger that added to the application's covered area row by row (V17, V18, V26) is
-- replaced by a check once per statement: for every application the statement covered, each new coverage's total after it
-- is the total before it plus its area, the last one's is the application's covered area, and that lies within the
-- obligation. A
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

-- Each check costs a lookup per application the statement covered, however many coverages it already has: the new
-- rows of an application chain from the total after its last earlier coverage, each adding its area, to the covered
-- area on the application row (so by induction the covered area is the sum of all its coverages).
create index outflow_coverage_application_order_idx on outflow_coverage (application_id, id) include (covered_after_m2);

create function guard_coverage_totals() returns trigger language plpgsql as $$
declare
    bad record;
begin
    select r.id, r.application_id, r.covered_after_m2, a.covered_m2, a.required_m2, r.before, r.expected_before,
           r.i, r.k into bad
    from (select n.id, n.application_id, n.area_m2, n.covered_after_m2,
                 n.covered_after_m2 - n.area_m2 as before,
                 coalesce(lag(n.covered_after_m2) over w,
                          (select c.covered_after_m2 from outflow_coverage c
                           where c.application_id = n.application_id and c.id < n.id
                           order by c.id desc limit 1), 0) as expected_before,
                 row_number() over w as i,
                 count(*) over (partition by n.application_id) as k
          from new_rows n
          window w as (partition by n.application_id order by n.id)) r
    join outflow_application a on a.id = r.application_id
    where r.before <> r.expected_before or (r.i = r.k and r.covered_after_m2 <> a.covered_m2)
       or a.covered_m2 > a.required_m2 or a.covered_m2 < 0
    order by r.application_id, r.id
    limit 1;
    if found then
        if bad.covered_m2 > bad.required_m2 then
            raise exception 'obligation of application % over-covered (% > %)', bad.application_id, bad.covered_m2,
                bad.required_m2;
        end if;
        if bad.before <> bad.expected_before then
            raise exception 'coverage % of application % says % m² covered after it, the coverages before it and it sum to % m²',
                bad.id, bad.application_id, bad.covered_after_m2, bad.expected_before + bad.covered_after_m2 - bad.before;
        end if;
        raise exception 'application % covers % m² but its coverages sum to % m²', bad.application_id, bad.covered_m2,
            bad.covered_after_m2;
    end if;
    return null;
end;
$$;
create trigger outflow_coverage_totals after insert on outflow_coverage
    referencing new table as new_rows for each statement execute function guard_coverage_totals();
-- [jooq ignore stop]
