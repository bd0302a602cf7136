package cn.landbalance.settlement.event;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's payload as ordered JSON-ready values: the record's components in declaration order (envelope ones left
 * out), enums by name, dates as yyyy-MM-dd, nested records as objects.
 */
public final class Payload {
    private Payload() {
    }

    public static Map<String, Object> of(DomainEvent event) {
        return fields((Record) event);
    }

    /** A record inside a payload (a finding, an allocation) as it appears there. */
    public static Map<String, Object> ofPart(Record part) {
        return fields(part);
    }

    private static Map<String, Object> fields(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.isAnnotationPresent(Envelope.class)) {
                continue;
            }
            try {
                out.put(c.getName(), value(c.getAccessor().invoke(record)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("the component " + c.getName() + " of " + record.getClass().getSimpleName()
                        + " cannot be read", e);
            }
        }
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Record r) {
            return fields(r);
        }
        if (v instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(i -> out.add(value(i)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k, value(x)));
            return out;
        }
        return v;
    }
}
