package cn.landbalance.settlement.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: payment notices and the township funds' bank accounts they name. Row locks last until the transaction ends. */
public interface PaymentNotices {
    /**
     * Stores a new notice (its id, code and status are ignored): it is numbered, given the remittance code of its number
     * and year of issue, stored OPEN and announced. Returns it as stored.
     */
    PaymentNotice issue(PaymentNotice notice);

    Optional<PaymentNotice> find(long noticeId);

    /** The notice, row-locked. */
    Optional<PaymentNotice> lock(long noticeId);

    /** These notices, row-locked in ascending id. */
    List<PaymentNotice> lockAll(java.util.Collection<Long> noticeIds);

    /** The notices with these codes (not locked). */
    List<PaymentNotice> findByCodes(java.util.Collection<String> remittanceCodes);

    /** An order's notices, one per township it buys from, in township order. */
    default List<PaymentNotice> ofOrder(long orderId) {
        return ofOrders(List.of(orderId)).getOrDefault(orderId, List.of());
    }

    /** The notices of several orders (a page of an order list) in one read, by order, each in township order. */
    java.util.Map<Long, List<PaymentNotice>> ofOrders(java.util.Collection<Long> orderIds);

    /** Stores a notice moved by the domain ({@code after} = {@code before.to(…)}) and announces it. */
    void save(PaymentNotice before, PaymentNotice after);

    /** Saves many notices paid at once (each from its state as locked), as {@link #save} does one. */
    void savePaid(List<PaymentNotice> before, List<PaymentNotice> paid);

    /**
     * Area of the application's obligation spoken for but not yet paid: OPEN fee notices, and the allocations of pending
     * orders whose township's notice is still OPEN.
     */
    long pendingAreaFor(long applicationId);

    /** Ids of OPEN fee notices due before {@code today}, oldest first. */
    List<Long> dueFeeNotices(LocalDate today, int limit);

    /** A page of the notices the query selects, newest first, and how many there are. */
    List<PaymentNotice> list(NoticeQuery query, int offset, int limit);

    long count(NoticeQuery query);

    /** The township fund's bank account as set, if it was. */
    Optional<PaymentNotice.Payee> payeeOf(long townshipId);

    void savePayee(long townshipId, PaymentNotice.Payee payee, long userId);
}
