package cn.landbalance.ledger.money;

/**
 * One immutable, balanced money movement: {@code amountFen} leaves {@code debitAccountId} and enters
 * {@code creditAccountId}. Every posting of the money ledger is such a pair, so all balances sum to zero.
 */
public record Transfer(long id, long debitAccountId, long creditAccountId, long amountFen, TransferKind kind,
                       String reference, String memo) {
}
