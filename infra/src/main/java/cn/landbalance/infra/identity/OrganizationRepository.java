package cn.landbalance.infra.identity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrganizationRepository extends CrudRepository<OrganizationRow, Long> {
    boolean existsByNameAndRegionId(String name, Long regionId);
}
