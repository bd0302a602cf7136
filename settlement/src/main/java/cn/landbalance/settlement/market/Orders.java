package cn.landbalance.settlement.market;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the orders and their allocations. Row locks last until the caller's transaction ends. */
public interface Orders {
    /**
     * Stores a new order ({@code order} as placed, PENDING_PAYMENT, its id and its allocations' ids not yet given) with
     * its allocations, naming the rules version its prices were checked under; returns it as stored.
     */
    Order insertOrder(Order order, Long rulesVersionId);

    Optional<Order> lockOrder(long orderId);

    Optional<Order> findOrder(long orderId);

    /** Reads and row-locks these orders with their allocations, in ascending id (the global lock order of orders). */
    List<Order> lockOrders(java.util.Collection<Long> orderIds);

    /** A page of the orders the query selects, newest first, with their allocations. */
    List<Order> orders(OrderQuery query, int offset, int limit);

    /** How many orders the query selects. */
    long countOrders(OrderQuery query);

    /**
     * Stores an order moved by {@code action} ({@code after} = {@code before.after(action, …)}, decided by the domain;
     * {@code before} was read under its row lock) and announces it with the action's events.
     */
    void saveTransition(Order before, Order after, Order.Action action, Instant at);

    /** An order before and after one action, among many saved at once. */
    record Transition(Order before, Order after) {
    }

    /** Saves many orders' transitions by the same action at once, as {@link #saveTransition} does one. */
    void saveTransitions(List<Transition> transitions, Order.Action action, Instant at);

    /** Ids of pending orders whose time ran out before {@code now}, oldest first. */
    List<Long> due(Instant now, int limit);
}
