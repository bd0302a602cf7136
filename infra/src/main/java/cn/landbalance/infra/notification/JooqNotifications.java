package cn.landbalance.infra.notification;

import cn.landbalance.settlement.notification.Notifications;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;

import static cn.landbalance.infra.jooq.Tables.NOTIFICATION;

@Singleton
public class JooqNotifications implements Notifications {
    private final DSLContext db;

    public JooqNotifications(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Notification> latest(Long orgId, Long regionId, Long countyId, int limit) {
        Condition who = DSL.falseCondition();
        if (orgId != null) {
            who = who.or(NOTIFICATION.ORG_ID.eq(orgId));
        }
        if (regionId != null) {
            who = who.or(NOTIFICATION.REGION_ID.eq(regionId));
        }
        if (countyId != null) {
            who = who.or(NOTIFICATION.COUNTY_ID.eq(countyId));
        }
        return db.selectFrom(NOTIFICATION).where(who).orderBy(NOTIFICATION.CREATED_AT.desc()).limit(limit)
                .fetch(r -> new Notification(r.getType(), r.getMessageZh(), r.getMessageEn(), r.getCreatedAt()));
    }
}
