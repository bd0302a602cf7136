package cn.landbalance.infra.identity;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.OffsetDateTime;

@MappedEntity("app_user")
public record UserRow(@Id @GeneratedValue Long id, String username, String passwordHash, String role, Long orgId,
                      boolean enabled, OffsetDateTime createdAt, int sessionVersion) {
    @Override
    public String toString() {
        return "UserRow[id=" + id + ", username=" + username + ", role=" + role + "]";
    }
}
