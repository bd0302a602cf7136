package cn.landbalance.api.ops;

import cn.landbalance.infra.report.ReportsDatabase;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Health of the databases, replacing Micronaut's JDBC indicator (endpoints.health.jdbc.enabled: false), which would
 * mark the whole application DOWN when only the reporting replica is away: a load balancer would then take every
 * replica out because reports lag. The primary decides the status; the reports database is shown in the details.
 */
@Singleton
public class DatabaseHealth implements HealthIndicator {
    private static final int TIMEOUT_SECONDS = 3;

    private final DataSource primary;
    private final DataSource reports;
    private final ExecutorService blocking;

    public DatabaseHealth(@Named("default") DataSource primary, @Named(ReportsDatabase.NAME) DataSource reports,
                          DataSourceResolver resolver, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.primary = resolver.resolve(primary);
        this.reports = resolver.resolve(reports);
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(this::check, blocking));
    }

    private HealthResult check() {
        String primaryState = probe(primary);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("primary", primaryState);
        details.put("reports", probe(reports));
        return HealthResult.builder("database", "UP".equals(primaryState) ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build();
    }

    private static String probe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) ? "UP" : "DOWN: no answer within " + TIMEOUT_SECONDS + " s";
        } catch (SQLException e) {
            return "DOWN: " + e.getClass().getSimpleName();
        }
    }
}
