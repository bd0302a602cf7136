-- Cancelling an approved expense no longer overwrites its approval: the cancellation has its own who, when and why,
-- so the expense's commitment can be read as of any moment (approved from decided_at until cancelled_at).
alter table fund_expense add column cancelled_by bigint references app_user (id);
alter table fund_expense add column cancelled_at timestamp with time zone;
alter table fund_expense add column cancel_reason varchar(500);

-- [jooq ignore start]
-- expenses cancelled before: their decision fields held the cancellation; the approval is found again in its event
-- (when and with what note) and who approved it in the audit log's entry for that event (by user name; unknown if none)
update fund_expense e set cancelled_by = e.decided_by, cancelled_at = e.decided_at, cancel_reason = e.decision_note,
  decided_by = (select u.id from audit_entry au join app_user u on u.username = au.actor
                where au.action = 'expense.approved' and au.aggregate_type = 'expense' and au.aggregate_id = e.id
                order by au.id limit 1),
  decided_at = coalesce(a.occurred_at, e.decided_at),
  decision_note = case when a.occurred_at is null then null else (a.payload::jsonb ->> 'note') end
from fund_expense x left join lateral (
  select o.occurred_at, o.payload from outbox_event o
  where o.type = 'expense.approved' and o.aggregate_type = 'expense' and o.aggregate_id = x.id
  order by o.id limit 1) a on true
where x.id = e.id and e.status = 'CANCELLED';

alter table fund_expense add constraint fund_expense_cancelled_ck check (
    (status = 'CANCELLED') = (cancelled_at is not null and cancel_reason is not null));
-- [jooq ignore stop]
