package cn.landbalance.settlement.event;

import cn.landbalance.ledger.indicator.Movement;
import cn.landbalance.ledger.indicator.MovementKind;
import cn.landbalance.settlement.outflow.OutflowStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The event names live in EventType and in docs/events alike; payloads are the records' components, in order. */
class EventTypesTest {

    @Test
    void everyTypeIsDocumentedAndEveryDocumentedTypeExists() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "events", "README.md"));
        Set<String> documented = new TreeSet<>();
        for (String line : doc.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher name = Pattern.compile("`([a-z_]+\\.[a-z_]+)`").matcher(line.split("\\|")[1]);
            while (name.find()) {
                documented.add(name.group(1));
            }
        }
        Set<String> published = Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(published, documented, "docs/events/README.md's table and EventType");
    }

    @Test
    void wireNamesAreUniqueAndReadBack() {
        assertEquals(EventType.values().length, Arrays.stream(EventType.values()).map(EventType::wireName).distinct().count());
        for (EventType t : EventType.values()) {
            assertEquals(t, EventType.ofWireName(t.wireName()).orElseThrow());
        }
        assertEquals(java.util.Optional.empty(), EventType.ofWireName("order.teleported"));
    }

    @Test
    void aMovementIsNamedByItsKindAndItsPayloadKeepsTheDocumentedOrder() {
        Set<EventType> named = EnumSet.noneOf(EventType.class);
        for (MovementKind kind : MovementKind.values()) {
            IndicatorEvent.Moved e = IndicatorEvent.Moved.of(new Movement(7, 8, 3, kind, 300, 11L, "order-of-application:21"));
            named.add(e.type());
            assertEquals("indicator-lot", e.aggregateType());
            assertEquals(7, e.aggregateId());
            assertEquals(8L, e.regionId());
            assertEquals(3L, e.countyId());
        }
        assertEquals(MovementKind.values().length, named.size(), "one name per kind of movement");
        Map<String, Object> payload = Payload.of(IndicatorEvent.Moved.of(new Movement(7, 8, 3, MovementKind.FREEZE, 500, 12L,
                "violation:3")));
        assertEquals(List.of("lotId", "townshipId", "areaM2", "holdId", "reference"), List.copyOf(payload.keySet()));
        assertEquals(500L, payload.get("areaM2"));
    }

    @Test
    void envelopeComponentsStayOutOfThePayloadAndValuesAreWrittenAsOnTheWire() {
        PlanEvent.PlanStep step = new PlanEvent.PlanStep(EventType.PLAN_APPROVED, 3L, 2022, "APPROVED", LocalDate.of(2022, 3, 31),
                LocalDate.of(2022, 10, 31), LocalDate.of(2022, 12, 31), LocalDate.of(2023, 10, 31), LocalDate.of(2022, 3, 10),
                LocalDate.of(2022, 3, 28), "陇政发〔2022〕18号", null, null, null, null);
        Map<String, Object> payload = Payload.of(step);
        assertEquals("countyId", payload.keySet().iterator().next(), "the county is part of a plan's payload");
        assertEquals("2022-03-31", payload.get("approvalDue"));
        assertEquals(32_022, step.aggregateId(), "county × 10 000 + year");
        assertEquals("plan.approved", step.type().wireName());

        OutflowEvent.StatusChanged approved = new OutflowEvent.StatusChanged(3L, 21, 6, 8, OutflowStatus.APPROVED, 1000, 1100);
        assertEquals(EventType.OUTFLOW_APPROVED, approved.type());
        assertEquals("APPROVED", Payload.of(approved).get("status"));
        assertEquals(List.of("applicationId", "applicantOrgId", "townshipId", "status", "areaM2", "requiredM2"),
                List.copyOf(Payload.of(approved).keySet()));

        SpatialEvent.ParcelsChecked checked = new SpatialEvent.ParcelsChecked(3L, "INFLOW", 5, 4, 9, "SUBMIT", true, null, 5000,
                5000, List.of(new SpatialEvent.Finding(1, "ECOLOGICAL_RED_LINE", 2, 0, "")), List.of(), 6);
        assertEquals("inflow-project", checked.aggregateType());
        assertEquals(5, checked.aggregateId());
        Map<String, Object> body = Payload.of(checked);
        assertEquals(List.of("checkId", "parcelSetId", "stage", "passed", "refusal", "parcelAreaM2", "declaredAreaM2", "findings",
                "notLoaded", "userId"), List.copyOf(body.keySet()));
        assertEquals(List.of(Map.of("layerId", 1L, "kind", "ECOLOGICAL_RED_LINE", "version", 2, "overlapM2", 0L, "refusal", "")),
                body.get("findings"));
    }

    @Test
    void aRecordCarryingOneOfSeveralTypesRefusesAnother() {
        assertThrows(IllegalArgumentException.class, () -> new ViolationEvent.Decided(EventType.ORDER_PAID, 3L, 8L, 1, "x", 2, 3,
                "r"));
        assertThrows(IllegalArgumentException.class, () -> new MarketEvent.OrderChanged(EventType.ORDER_PLACED, 3L, 1, 2, 3,
                cn.landbalance.settlement.market.Order.Status.PENDING_PAYMENT, 1, 1, null, List.of()));
    }
}
