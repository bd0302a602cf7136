-- A lot's buckets as the sums of its movements recorded before a moment, written once: the conservation audit compares
-- them (at infinity) with the lots' own columns, and the reports and inventories as of a moment read them.
-- [jooq ignore start]
create function lot_buckets_before(county bigint, t timestamptz)
returns table (lot_id bigint, available bigint, reserved bigint, frozen bigint, consumed bigint, deducted bigint,
               revoked bigint, issued bigint)
language sql stable as $$
  select m.lot_id,
    sum(case when m.kind in ('ISSUE', 'RELEASE', 'UNFREEZE', 'RETURN') then m.area_m2
             when m.kind in ('RESERVE', 'FREEZE', 'REVOKE') then -m.area_m2 else 0 end)::bigint,
    sum(case when m.kind = 'RESERVE' then m.area_m2 when m.kind in ('RELEASE', 'CONSUME') then -m.area_m2 else 0 end)::bigint,
    sum(case when m.kind = 'FREEZE' then m.area_m2 when m.kind in ('UNFREEZE', 'DEDUCT') then -m.area_m2 else 0 end)::bigint,
    sum(case when m.kind = 'CONSUME' then m.area_m2 when m.kind = 'RETURN' then -m.area_m2 else 0 end)::bigint,
    sum(case when m.kind = 'DEDUCT' then m.area_m2 else 0 end)::bigint,
    sum(case when m.kind = 'REVOKE' then m.area_m2 else 0 end)::bigint,
    sum(case when m.kind = 'ISSUE' then m.area_m2 else 0 end)::bigint
  from indicator_movement m join indicator_lot l on l.id = m.lot_id
  where l.county_id = county and m.created_at < t
  group by m.lot_id
$$;
-- [jooq ignore stop]
