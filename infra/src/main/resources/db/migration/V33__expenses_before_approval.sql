-- Expenses recorded before expenses needed the county's approval (an officer's expense moved the money at once) stay as
-- they were; they are marked, so that the audit does not count them as unapproved and the spending report names them.
create table legacy_expense (
    transfer_id bigint primary key references money_transfer (id)
);

-- [jooq ignore start]
insert into legacy_expense (transfer_id)
select t.id
from money_transfer t join fund_account a on a.id = t.debit_account_id
where a.kind = 'TOWNSHIP_FUND' and t.kind = 'EXPENSE'
  and not exists (select 1 from fund_expense e where e.transfer_id = t.id)
  and not exists (select 1 from bank_line b where b.transfer_id = t.id);
-- [jooq ignore stop]
