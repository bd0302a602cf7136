package cn.landbalance.api.notification;

import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.notification.Notifications;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;

/** The user's notification feed: an enterprise sees its orders settled, a township officer a new freeze, and so on. */
@Tag(name = "notifications")
@Controller("/api/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SerdeImport(Notifications.Notification.class)
public class NotificationController {
    private final Notifications notifications;

    public NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Get
    @ReadOnly
    public List<Notifications.Notification> latest(Actor actor, @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit) {
        Long region = actor.role() == Role.TOWNSHIP_OFFICER ? actor.regionId() : null;
        Long county = actor.isCountyRole() ? actor.countyId() : null;
        return notifications.latest(actor.orgId(), region, county, limit);
    }
}
