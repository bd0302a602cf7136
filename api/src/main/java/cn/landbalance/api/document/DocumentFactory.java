package cn.landbalance.api.document;

import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.document.DocumentContents;
import cn.landbalance.settlement.document.DocumentService;
import cn.landbalance.settlement.document.IssuedDocuments;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.violation.Violations;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

@Factory
public class DocumentFactory {
    @Singleton
    DocumentContents documentContents(PaymentNotices notices, OutflowApplications applications, Violations violations,
                                      Regions regions, Organizations organizations, Clock clock) {
        return new DocumentContents(notices, applications, violations, regions, organizations, clock);
    }

    @Singleton
    DocumentService documentService(IssuedDocuments documents, DocumentContents contents, Clock clock) {
        return new DocumentService(documents, contents, clock);
    }
}
