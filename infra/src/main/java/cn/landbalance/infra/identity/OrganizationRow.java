package cn.landbalance.infra.identity;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.OffsetDateTime;

@MappedEntity("organization")
public record OrganizationRow(@Id @GeneratedValue Long id, String name, String kind, Long regionId, Long countyId,
                              OffsetDateTime createdAt) {
}
