package cn.landbalance.api.error;

import cn.landbalance.api.ops.DatabaseOutage;
import cn.landbalance.ledger.common.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Anything that escapes as an unexpected exception: when the database cannot be reached the client gets
 * 503 (try again), otherwise a 500 with no internals; the cause is logged, never returned.
 */
@Produces
@Singleton
public class DataAccessProblemHandler implements ExceptionHandler<RuntimeException, MutableHttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(DataAccessProblemHandler.class);
    /** Deadlock detected, serialization failure, unique violation. */
    private static final Set<String> CONCURRENT_STATES = Set.of("40P01", "40001", "23505");
    private final DatabaseOutage outage;

    public DataAccessProblemHandler(DatabaseOutage outage) {
        this.outage = outage;
    }

    @Override
    public MutableHttpResponse<Problem> handle(HttpRequest request, RuntimeException exception) {
        if (concurrentUpdate(exception)) {
            LOG.info("concurrent update on {} {}: {}", request.getMethod(), request.getPath(), exception.toString());
            return Problems.response(ErrorCode.CONCURRENT_UPDATE, null).header("Retry-After", "1");
        }
        if (databaseUnreachable(exception)) {
            outage.noticed();
            LOG.warn("database unavailable on {} {}: {}", request.getMethod(), request.getPath(), exception.toString());
            return Problems.response(ErrorCode.SERVICE_UNAVAILABLE, null).header("Retry-After", "5");
        }
        LOG.error("unexpected error on {} {}", request.getMethod(), request.getPath(), exception);
        return Problems.response(ErrorCode.INTERNAL_ERROR, null);
    }

    /**
     * A deadlock or serialization failure, or a uniqueness the checks could not see coming because a concurrent
     * transaction had not yet committed (two payments with one reference at once): the database rolled the transaction
     * back; a retry sees the other's outcome and gets its proper answer.
     */
    static boolean concurrentUpdate(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && CONCURRENT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The database cannot be reached, is shutting down or starting, or closed the connection under us. */
    public static boolean databaseUnreachable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof io.micronaut.data.connection.exceptions.ConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exceptions; the server shutting down or not yet accepting connections
            }
            if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                return true; // a pooled connection the server closed under us
            }
        }
        return false;
    }
}
