package cn.landbalance.api.market;

import cn.landbalance.settlement.market.MarketService;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;

/** Releases the reservations of unpaid orders whose time has run out; no one has to call anything. */
@Singleton
public class OrderExpiry {
    private static final Logger LOG = LoggerFactory.getLogger(OrderExpiry.class);
    private final MarketService market;
    private final TransactionOperations<Connection> tx;

    public OrderExpiry(MarketService market, TransactionOperations<Connection> tx) {
        this.market = market;
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

    /** Expires every order due now, each in its own transaction; returns how many were expired. */
    public int expireDue() {
        int expired = 0;
        List<Long> due = tx.executeRead(status -> market.dueOrders(200));
        for (Long id : due) {
            if (Boolean.TRUE.equals(tx.executeWrite(status -> market.expire(id)))) {
                expired++;
            }
        }
        if (expired > 0) {
            LOG.info("expired {} unpaid orders", expired);
        }
        return expired;
    }
}
