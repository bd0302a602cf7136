package cn.landbalance.settlement.notification;

import java.time.OffsetDateTime;
import java.util.List;

/** Port: the notification feed built from domain events. */
public interface Notifications {
    record Notification(String type, String messageZh, String messageEn, OffsetDateTime at) {
    }

    /** Newest first: what concerns an organisation, a township region, or (county roles) a whole county. */
    List<Notification> latest(Long orgId, Long regionId, Long countyId, int limit);
}
