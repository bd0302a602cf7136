package cn.landbalance.api.market;

import cn.landbalance.api.market.MarketModelParts.App;
import cn.landbalance.api.market.MarketModelParts.Listing;
import cn.landbalance.api.market.MarketModelParts.Lot;
import cn.landbalance.api.market.MarketModelParts.Notice;
import cn.landbalance.api.market.MarketModelParts.Order;
import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steps of {@link MarketInvariantTest}, each as a user takes it through the API: chosen at random, its outcome
 * predicted by the {@link MarketModel} (accepted, or refused with which code), sent, compared, and applied to the
 * model. Each returns its outcome ("order 2xx", "pay ORDER_EXPIRED"); {@link #doing()} says what the last one did.
 */
final class MarketSteps {
    static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    static final long GUIDE_PRICE_PER_MU_FEN = 4_000_000;

    /** A demo user: who it is, its token, its organisation and region (a township officer's township). */
    record User(String name, String token, long orgId, long regionId) {
        boolean countyAdmin() {
            return name.equals("county_admin");
        }
    }

    private final ApiClient api;
    private final MarketModel model;
    private final Map<String, User> users;
    private final Map<Long, User> applicantOf;
    private final List<Long> townships;
    private final List<User> officers;
    private final MarketRulesTest.TestClock clock;
    private final OrderExpiry expiry;
    private LocalDate today;
    private int serials;
    private String doing = "";

    /** {@code officers}: the township officers, one per township of {@code townships}, in the same order. */
    MarketSteps(ApiClient api, MarketModel model, Map<String, User> users, Map<Long, User> applicantOf, List<Long> townships,
                List<User> officers, MarketRulesTest.TestClock clock, OrderExpiry expiry) {
        this.api = api;
        this.model = model;
        this.users = users;
        this.applicantOf = applicantOf;
        this.townships = townships;
        this.officers = officers;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** What the last step did, for a failure's message. */
    String doing() {
        return doing;
    }

    /** One step, chosen at random: orders and payments most often, the clock and the expiry pass now and then. */
    String random(Random r) {
        doing = "";
        int dice = r.nextInt(100);
        if (dice < 24) {
            return order(r);
        } else if (dice < 42) {
            return pay(r);
        } else if (dice < 54) {
            return list(r);
        } else if (dice < 59) {
            return withdraw(r);
        } else if (dice < 65) {
            return cancel(r);
        } else if (dice < 72) {
            return selfRestore(r);
        } else if (dice < 76) {
            return freeze(r);
        } else if (dice < 79) {
            return restore(r);
        } else if (dice < 85) {
            return advance(r);
        } else if (dice < 87) {
            return withdrawApplication(r);
        }
        return expire();
    }

    private String list(Random r) {
        User officer = officer(pick(r, townships));
        long township = r.nextInt(12) == 0 ? otherTownship(r, officer.regionId()) : officer.regionId();
        long price = r.nextInt(10) == 0 ? GUIDE_PRICE_PER_MU_FEN - 1 - r.nextInt(500_000)
                : GUIDE_PRICE_PER_MU_FEN + r.nextInt(2_500_000);
        long unlisted = model.unlisted(township).values().stream().mapToLong(Long::longValue).sum();
        long area = r.nextInt(8) == 0 ? unlisted + 1 + r.nextInt(3_000) : upTo(r, Math.min(unlisted, 9_000));
        String refusal = township != officer.regionId() ? "TOWNSHIP_NOT_FOUND"
                : model.listRefusal(township, area, price, GUIDE_PRICE_PER_MU_FEN);
        doing = officer.name() + " lists " + area + " m² of township " + township + " at " + price + " fen/亩";
        Response listed = post(officer, "/api/listings",
                Json.object("townshipId", township, "areaM2", area, "pricePerMuFen", price));
        String outcome = outcome("list", refusal, listed);
        if (refusal == null) {
            model.listed(listed.number("id"), township, area, price);
        }
        return outcome;
    }

    private String withdraw(Random r) {
        List<Listing> open = model.listings.values().stream().filter(l -> l.open).toList();
        if (model.listings.isEmpty()) {
            return list(r);
        }
        Listing listing = !open.isEmpty() && r.nextInt(5) != 0 ? pick(r, open) : pick(r, List.copyOf(model.listings.values()));
        User officer = officer(r.nextInt(8) == 0 ? otherTownship(r, listing.townshipId) : listing.townshipId);
        String refusal = officer.regionId() != listing.townshipId ? "LISTING_NOT_FOUND" : model.withdrawRefusal(listing);
        doing = officer.name() + " withdraws listing " + listing.id;
        String outcome = outcome("withdraw", refusal, post(officer, "/api/listings/" + listing.id + "/withdraw", null));
        if (refusal == null) {
            model.withdrawn(listing);
        }
        return outcome;
    }

    /**
     * A buyer orders for an application, mostly one that something listed may serve: often all it may buy, sometimes
     * more than its obligation leaves or than is listed for it, sometimes as someone who is not its applicant.
     */
    private String order(Random r) {
        List<App> buyable = model.apps.values().stream()
                .filter(a -> !a.withdrawn && model.open(a) > 0 && model.eligibleM2(a) > 0).toList();
        App app = !buyable.isEmpty() && r.nextInt(5) != 0 ? pick(r, buyable)
                : application(r, List.copyOf(model.apps.values()));
        User buyer = r.nextInt(10) == 0 ? wrongParty(r, app.applicantOrgId) : applicantOf.get(app.id);
        long open = model.open(app);
        long listed = model.eligibleM2(app);
        int kind = r.nextInt(10);
        long area = kind == 0 ? Math.max(0, open) + 1 + r.nextInt(2_000)
                : kind == 1 ? listed + 1 + r.nextInt(2_000)
                : kind < 4 ? Math.max(1, Math.min(open, listed)) // all it may buy: often from several townships
                : upTo(r, Math.min(Math.min(open, listed), 4_000));
        String refusal = buyer.orgId() != app.applicantOrgId ? "OUTFLOW_APPLICATION_NOT_FOUND" : model.orderRefusal(app, area);
        List<MarketModelParts.Allocation> plan = refusal == null ? model.plan(app, area) : List.of();
        doing = buyer.name() + " orders " + area + " m² for application " + app.id + " (open " + open + ", listed " + listed
                + ", plan " + plan.stream().map(a -> a.areaM2() + " m² of lot " + a.offer().lot.id + " from listing "
                + a.offer().listing.id).toList() + ")";
        Response placed = post(buyer, "/api/orders", Enterprise.order(app.id, area));
        String outcome = outcome("order", refusal, placed);
        if (refusal == null) {
            Instant expiresAt = Instant.parse(placed.string("expiresAt"));
            Order order = model.placed(placed.number("id"), app, buyer.orgId(), plan, expiresAt);
            Map<Long, long[]> expected = MarketModel.noticesOf(plan);
            for (JsonNode n : placed.json().get("notices")) {
                long township = n.get("townshipId").asLong();
                long[] areaAndAmount = expected.getOrDefault(township, new long[]{-1, -1});
                LocalDate issuedOn = Instant.parse(n.get("issuedAt").asText()).atZone(COUNTY_ZONE).toLocalDate();
                LocalDate dueOn = LocalDate.parse(n.get("dueOn").asText());
                assertEquals(today, issuedOn, doing + ": the notice is issued today");
                assertTrue(dueOn.isAfter(today), doing + ": the notice is due after today: " + n);
                assertEquals(dueOn.plusDays(1).atStartOfDay(COUNTY_ZONE).toInstant(), expiresAt,
                        doing + ": the order lasts to the end of its notices' due date");
                order.notices.put(township, new Notice(n.get("id").asLong(), township, areaAndAmount[0], areaAndAmount[1],
                        issuedOn, dueOn));
            }
        }
        return outcome;
    }

    /**
     * The finance of a township confirms a notice: mostly an open one with the money received in time; sometimes
     * another township's finance, a fen too much or too little, a serial that paid something already, a day before
     * the notice or after its due date (refused once the order's time ran out), or the same confirmation again.
     */
    private String pay(Random r) {
        if (model.orders.isEmpty()) {
            return order(r);
        }
        List<Order> payable = model.orders.values().stream()
                .filter(o -> o.notices.values().stream().anyMatch(n -> n.status.equals("OPEN"))).toList();
        Order order = !payable.isEmpty() && r.nextInt(6) != 0 ? pick(r, payable) : pick(r, List.copyOf(model.orders.values()));
        List<Notice> open = order.notices.values().stream().filter(n -> n.status.equals("OPEN")).toList();
        Notice notice = !open.isEmpty() && r.nextInt(6) != 0 ? pick(r, open) : pick(r, List.copyOf(order.notices.values()));
        long officerTownship = r.nextInt(12) == 0 ? otherTownship(r, notice.townshipId) : notice.townshipId;
        long amount = notice.amountFen;
        LocalDate lastInTime = notice.dueOn.isBefore(today) ? notice.dueOn : today;
        LocalDate receivedOn = notice.issuedOn.plusDays(r.nextInt(1 + (int) Math.max(0,
                ChronoUnit.DAYS.between(notice.issuedOn, lastInTime))));
        if (!clock.instant().isBefore(order.expiresAt) && r.nextBoolean()) {
            receivedOn = notice.dueOn.plusDays(1 + r.nextInt((int) ChronoUnit.DAYS.between(notice.dueOn, today)));
        }
        String serial = "BANK-" + (++serials);
        switch (r.nextInt(14)) {
            case 0 -> amount += r.nextBoolean() ? 1 : -1;
            case 1 -> serial = model.usedSerials.isEmpty() ? serial : pick(r, model.usedSerials.stream().sorted().toList());
            case 2 -> receivedOn = notice.dueOn.plusDays(1);
            case 3 -> receivedOn = notice.issuedOn.minusDays(2);
            case 4 -> serial = notice.serial == null ? serial : notice.serial;
            default -> {
            }
        }
        boolean repeat = MarketModel.isRepeat(notice, officerTownship, amount, serial);
        String refusal = repeat ? null
                : model.payRefusal(order, notice, officerTownship, amount, receivedOn, serial, clock.instant(), today);
        doing = officer(officerTownship).name() + " confirms notice " + notice.id + " (" + notice.status + ") of order "
                + order.id + " (" + order.status + ", runs out " + order.expiresAt + "): " + amount + " fen received "
                + receivedOn + " (due " + notice.dueOn + "), serial " + serial;
        Response confirmed = post(officer(officerTownship), "/api/payment-notices/" + notice.id + "/confirm",
                Json.object("bankSerial", serial, "receivedOn", receivedOn, "amountFen", amount, "payerName", "模型缴款人"));
        String outcome = outcome("pay", refusal, confirmed);
        if (refusal == null) {
            assertEquals("PAID", confirmed.string("status"), doing);
            if (!repeat) {
                model.paid(order, notice, serial);
            }
        }
        return outcome;
    }

    private String cancel(Random r) {
        if (model.orders.isEmpty()) {
            return order(r);
        }
        List<Order> pending = model.orders.values().stream().filter(o -> o.status.equals(MarketModelParts.PENDING)).toList();
        Order order = !pending.isEmpty() && r.nextInt(5) != 0 ? pick(r, pending) : pick(r, List.copyOf(model.orders.values()));
        int who = r.nextInt(10);
        User actor = who < 7 ? applicantOf.get(order.app.id) : who < 9 ? users.get("county_admin")
                : wrongParty(r, order.buyerOrgId);
        String refusal = MarketModel.cancelRefusal(order, actor.orgId(), actor.countyAdmin());
        doing = actor.name() + " cancels order " + order.id + " (" + order.status + ")";
        String outcome = outcome("cancel", refusal, post(actor, "/api/orders/" + order.id + "/cancel", null));
        if (refusal == null) {
            model.released(order, "CANCELLED");
        }
        return outcome;
    }

    /** A township covers its own application from one of its lots (sometimes another township's, or too much). */
    private String selfRestore(Random r) {
        App app = application(r, model.apps.values().stream()
                .filter(a -> applicantOf.get(a.id).name().startsWith("officer_")).toList());
        Lot lot = r.nextInt(5) == 0 ? pick(r, List.copyOf(model.lots.values())) : pick(r, model.lotsOf(app.townshipId));
        long open = model.open(app);
        int kind = r.nextInt(8);
        long area = kind == 0 ? Math.max(0, open) + 1 + r.nextInt(1_000)
                : kind == 1 ? lot.availableM2 + 1 + r.nextInt(1_000)
                : upTo(r, Math.min(Math.min(open, lot.availableM2), 3_000));
        String refusal = model.selfRestoreRefusal(app, lot, area);
        User officer = applicantOf.get(app.id);
        doing = officer.name() + " self-restores " + area + " m² of lot " + lot.id + " (available " + lot.availableM2
                + ") for application " + app.id + " (open " + open + ")";
        String outcome = outcome("self-restore", refusal, post(officer, "/api/outflow-applications/" + app.id
                + "/self-restore", Json.object("lotId", lot.id, "areaM2", area)));
        if (refusal == null) {
            model.selfRestored(app, lot, area);
        }
        return outcome;
    }

    /**
     * An applicant withdraws its application, mostly one with something to undo (once two are withdrawn, one of those
     * again, refused): its waiting orders are cancelled, its coverage reversed.
     */
    private String withdrawApplication(Random r) {
        List<App> withdrawn = model.apps.values().stream().filter(a -> a.withdrawn).toList();
        List<App> started = model.apps.values().stream().filter(a -> !a.withdrawn && model.open(a) < a.requiredM2).toList();
        App app = pick(r, withdrawn.size() >= 2 ? withdrawn
                : !started.isEmpty() && r.nextInt(4) != 0 ? started : List.copyOf(model.apps.values()));
        User applicant = applicantOf.get(app.id);
        String refusal = MarketModel.withdrawApplicationRefusal(app);
        doing = applicant.name() + " withdraws application " + app.id + " (covered " + app.coveredM2 + ", open "
                + model.open(app) + ")";
        String outcome = outcome("withdraw-application", refusal, post(applicant, "/api/outflow-applications/" + app.id
                + "/withdraw", Json.object("reason", "项目取消")));
        if (refusal == null) {
            model.applicationWithdrawn(app);
        }
        return outcome;
    }

    /** The county opens a violation case against a township for no more than it has available. */
    private String freeze(Random r) {
        long township = pick(r, townships);
        long available = model.lotsOf(township).stream().mapToLong(l -> l.availableM2).sum();
        if (available == 0) {
            return list(r);
        }
        long area = upTo(r, Math.min(available, 6_000));
        doing = "the county freezes " + area + " m² of township " + township + " (available " + available + ")";
        Response opened = post(users.get("county_admin"), "/api/violations", Json.object("townshipId", township,
                "areaM2", area, "caseNo", "MODEL-" + (++serials), "description", "违法占用耕地"));
        String outcome = outcome("freeze", null, opened);
        model.frozen(opened.number("id"), township, area);
        assertEquals(area, opened.number("frozenM2"), doing + ": frozen within the township");
        return outcome;
    }

    /** The county restores all of a case's land. */
    private String restore(Random r) {
        if (model.openCases.isEmpty()) {
            return freeze(r);
        }
        MarketModelParts.Case c = pick(r, List.copyOf(model.openCases.values()));
        long area = c.frozen().values().stream().mapToLong(Long::longValue).sum();
        doing = "the county restores case " + c.id() + " (" + area + " m²)";
        String outcome = outcome("restore", null, post(users.get("county_admin"), "/api/violations/" + c.id() + "/restore",
                Json.object("areaM2", area, "reason", "拆除复垦已验收")));
        model.restored(c);
        return outcome;
    }

    /** A day later, or often the first day an order waiting for money has run out. */
    private String advance(Random r) {
        LocalDate next = today.plusDays(1);
        LocalDate firstRunOut = model.orders.values().stream().filter(o -> o.status.equals(MarketModelParts.PENDING))
                .map(o -> o.expiresAt.atZone(COUNTY_ZONE).toLocalDate()).min(LocalDate::compareTo).orElse(next);
        if (r.nextInt(10) < 7 && firstRunOut.isAfter(next) && !firstRunOut.isAfter(today.plusDays(8))) {
            next = firstRunOut;
        }
        doing = "the clock moves from " + today + " to " + next;
        moveClockTo(next);
        return "advance";
    }

    /** At the end: the clock passes the time of every order still waiting for money, and the expiry pass ends them. */
    String expireTheRest() {
        model.orders.values().stream().filter(o -> o.status.equals(MarketModelParts.PENDING))
                .map(o -> o.expiresAt.atZone(COUNTY_ZONE).toLocalDate()).max(LocalDate::compareTo)
                .filter(last -> last.isAfter(today)).ifPresent(this::moveClockTo);
        return expire();
    }

    /** The expiry pass runs, as its timer would run it. */
    private String expire() {
        int expected = model.expired(clock.instant());
        doing = "the expiry pass runs on " + today + " (" + expected + " orders ran out)";
        assertEquals(expected, expiry.expireDue(), doing);
        return expected > 0 ? "expire 2xx" : "expire none";
    }

    /** Moves the application's clock to noon of {@code day} in the county: no step comes near a day's end. */
    void moveClockTo(LocalDate day) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), day.atTime(12, 0).atZone(COUNTY_ZONE).toInstant()));
        today = day;
    }

    /** The system's answer is the model's: accepted when it predicts no refusal, else refused with its code. */
    private String outcome(String operation, String refusal, Response response) {
        if (refusal == null) {
            assertTrue(response.status() / 100 == 2, doing + ": the model accepts; the system answered " + response);
            return operation + " 2xx";
        }
        assertTrue(response.status() >= 400 && response.isProblem(), doing + ": the model refuses with " + refusal
                + "; the system answered " + response);
        assertEquals(refusal, response.string("code"), doing + ": " + response.body());
        return operation + " " + refusal;
    }

    Response post(User user, String path, Json body) {
        return api.send("POST", path, user.token(), body == null ? null : body.toString(),
                body == null ? null : "application/json");
    }

    private User officer(long township) {
        return officers.get(townships.indexOf(township));
    }

    /** A township officer or an enterprise that is not {@code orgId}. */
    private User wrongParty(Random r, long orgId) {
        return pick(r, users.values().stream().filter(u -> u.orgId() != orgId && !u.countyAdmin()).toList());
    }

    /** One of the applications, seldom a withdrawn one (refused: it takes no more coverage). */
    private static App application(Random r, List<App> apps) {
        List<App> live = apps.stream().filter(a -> !a.withdrawn).toList();
        return pick(r, live.isEmpty() || r.nextInt(10) == 0 ? apps : live);
    }

    private long otherTownship(Random r, long township) {
        return pick(r, townships.stream().filter(t -> t != township).toList());
    }

    /** 1 to {@code max} m², or 1 m² when nothing is left (the step still asks for something). */
    private static long upTo(Random r, long max) {
        return 1 + r.nextInt((int) Math.max(1, max));
    }

    static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
