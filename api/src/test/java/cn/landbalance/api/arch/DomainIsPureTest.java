package cn.landbalance.api.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain modules import no framework or persistence, and dependencies point inward only. */
class DomainIsPureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.landbalance");

    @Test
    void ledgerAndSettlementImportNoMicronautJdbcOrJooq() {
        noClasses().that().resideInAnyPackage("cn.landbalance.ledger..", "cn.landbalance.settlement..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "java.sql..", "javax.sql..", "org.jooq..", "jakarta.persistence..",
                        "jakarta.inject..", "jakarta.transaction..", "com.fasterxml.jackson..", "org.apache.pulsar..")
                .check(CLASSES);
    }

    @Test
    void theLedgerDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("cn.landbalance.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cn.landbalance.settlement..", "cn.landbalance.infra..", "cn.landbalance.api..")
                .check(CLASSES);
    }

    @Test
    void settlementDependsOnlyOnTheLedger() {
        noClasses().that().resideInAPackage("cn.landbalance.settlement..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.landbalance.infra..", "cn.landbalance.api..")
                .check(CLASSES);
    }

    @Test
    void infraDoesNotReachIntoTheApi() {
        noClasses().that().resideInAPackage("cn.landbalance.infra..")
                .should().dependOnClassesThat().resideInAPackage("cn.landbalance.api..")
                .check(CLASSES);
    }

    /**
     * The HTTP layer reaches infra only where it must: the composition root (the application, its boot settings, the
     * health of the databases), the audit log it verifies, and the reports' read models in infra.report. Everything
     * else goes through settlement's use cases and ports.
     */
    @Test
    void onlyTheCompositionRootTheAuditAndTheReportsTouchInfra() {
        noClasses().that().resideInAPackage("cn.landbalance.api..")
                .and().resideOutsideOfPackages("cn.landbalance.api", "cn.landbalance.api.boot", "cn.landbalance.api.ops",
                        "cn.landbalance.api.audit", "cn.landbalance.api.report")
                .should().dependOnClassesThat().resideInAPackage("cn.landbalance.infra..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("cn.landbalance.api.report..")
                .should().dependOnClassesThat(resideInAPackage("cn.landbalance.infra..")
                        .and(not(resideInAPackage("cn.landbalance.infra.report.."))))
                .check(CLASSES);
        noClasses().that().resideInAPackage("cn.landbalance.api.audit..")
                .should().dependOnClassesThat(resideInAPackage("cn.landbalance.infra..")
                        .and(not(resideInAPackage("cn.landbalance.infra.audit.."))))
                .check(CLASSES);
    }
}
