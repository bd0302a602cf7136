package cn.landbalance.api.market;

import cn.landbalance.settlement.market.MarketService;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;

/**
 * Releases the reservations of unpaid orders whose notices ran out, and expires fee notices past their due date; no one
 * has to call anything.
 */
@Singleton
public class OrderExpiry {
    private static final Logger LOG = LoggerFactory.getLogger(OrderExpiry.class);
    private final MarketService market;
    private final TransactionOperations<Connection> tx;
    private final cn.landbalance.settlement.payment.PaymentService payments;

    public OrderExpiry(MarketService market, cn.landbalance.settlement.payment.PaymentService payments,
                       TransactionOperations<Connection> tx) {
        this.market = market;
        this.payments = payments;
        this.tx = tx;
    }

    @Scheduled(fixedDelay = "${landbalance.market.expiry-interval:15s}", initialDelay = "5s")
    public void run() {
        try {
            expireDue();
        } catch (RuntimeException e) {
            LOG.warn("order expiry pass failed, will retry: {}", e.toString());
        }
    }

    /** Expires every order and fee notice due now, each in its own transaction; returns how many were expired. */
    public int expireDue() {
        int expired = 0;
        List<Long> due = tx.executeRead(status -> market.dueOrders(200));
        for (Long id : due) {
            if (Boolean.TRUE.equals(tx.executeWrite(status -> market.expire(id)))) {
                expired++;
            }
        }
        List<Long> dueFees = tx.executeRead(status -> payments.dueFeeNotices(200));
        for (Long id : dueFees) {
            if (Boolean.TRUE.equals(tx.executeWrite(status -> payments.expireFee(id)))) {
                expired++;
            }
        }
        if (expired > 0) {
            LOG.info("expired {} unpaid orders and fee notices", expired);
        }
        return expired;
    }
}
