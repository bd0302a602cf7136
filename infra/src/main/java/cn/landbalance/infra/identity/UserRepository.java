package cn.landbalance.infra.identity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends CrudRepository<UserRow, Long> {
    Optional<UserRow> findByUsername(String username);

    boolean existsByUsername(String username);
}
