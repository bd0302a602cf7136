package cn.landbalance.ledger.money;

import cn.landbalance.ledger.indicator.InvariantCheck;

import java.time.OffsetDateTime;
import java.util.List;

/** Port: read models over the money ledger. */
public interface MoneyQueries {
    /** A township fund: balance, all received, all spent (zero when it has never moved). */
    record AccountSummary(long balanceFen, long receivedFen, long spentFen) {
    }

    /** One line of a statement: signed amount (+ in, − out), what it was and its reference. */
    record StatementLine(OffsetDateTime at, long amountFen, TransferKind kind, String reference, String memo,
                         long balanceAfterFen) {
    }

    record Statement(long openingFen, long closingFen, long inFen, long outFen, List<StatementLine> lines) {
    }

    AccountSummary townshipAccount(long townshipId);

    /** Movements of a township fund in [from, to), with the balance before and after the period. */
    Statement statement(long townshipId, OffsetDateTime from, OffsetDateTime to);

    /** Money conservation (DOMAIN.md §9): transfers balance, balances match transfers, no fund below zero. */
    List<InvariantCheck> audit(long countyId);
}
