package com.sicfurnace.controller.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.run.RunAudit;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The audit format, its writer and its verifier depend on nothing of the controller but its owner-only file helper:
 * the HMI writes logins and user administration in the same format, and must not need the control core for it.
 */
class AuditPackageTest {
    private static final ArchRule SELF_CONTAINED = classes().should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", "com.fasterxml.jackson..", "org.slf4j..", "com.sicfurnace.controller.audit..",
            "com.sicfurnace.controller.secret..");

    @Test
    void theAuditPackageNeedsNoControllerCore() {
        JavaClasses audit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.sicfurnace.controller.audit");
        assertTrue(audit.contain(AuditTrail.class), "the rule sees the package");
        SELF_CONTAINED.check(audit);
    }

    /** The rule can fail: the controller's own audit wiring, which reads the core's events, breaks it. */
    @Test
    void theRuleCatchesADependencyOnTheCore() {
        JavaClasses wiring = new ClassFileImporter().importClasses(RunAudit.class);
        assertFalse(SELF_CONTAINED.evaluate(wiring).getFailureReport().isEmpty(), "RunAudit reads the core");
    }
}
