package cn.landbalance.api.audit;

import cn.landbalance.infra.audit.AuditChain;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jooq.DSLContext;

import java.sql.SQLException;

/**
 * Verifies the audit log's hash chain (every sealed entry, in seal order) and names the first broken link; the same
 * check as the operators' command {@code bin/audit-verify}, which needs no running application.
 */
@Tag(name = "audit")
@Controller("/api/audit/chain")
@Secured("COUNTY_ADMIN")
@SerdeImport(AuditChain.Verification.class)
public class AuditChainController {
    private final DSLContext db;

    public AuditChainController(DSLContext db) {
        this.db = db;
    }

    @Get
    @ReadOnly
    public AuditChain.Verification verify() {
        return db.connectionResult(c -> {
            try {
                return AuditChain.verify(c);
            } catch (SQLException e) {
                throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "暂时无法读取审计链", "audit chain could not be read");
            }
        });
    }
}
