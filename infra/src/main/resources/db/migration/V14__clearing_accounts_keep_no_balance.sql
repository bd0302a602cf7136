-- The county's clearing accounts (payers in, expenses out) stand for the world outside the funds. They no longer keep a
-- balance on their row: every payment in a county locked and updated that one row, so payments queued on it. Their
-- balance is the sum of their transfers (see the money invariants); the column stays 0 for them.
update fund_account set balance_fen = 0 where kind in ('PAYER_CLEARING', 'EXPENSE_CLEARING');
alter table fund_account add constraint fund_account_clearing_keeps_no_balance_ck
    check (kind not in ('PAYER_CLEARING', 'EXPENSE_CLEARING') or balance_fen = 0);
