package com.sicfurnace.controller.purity;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.impure.ImpureCore;
import com.sicfurnace.controller.impurecycle.Other;
import com.sicfurnace.controller.scan.ScanCycle;
import com.sicfurnace.iolist.IoList;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build-time rule that keeps the control core pure: none of its classes opens a socket, starts a thread or an
 * executor, reads a clock, touches a file, or depends on anything but the JDK's plain types and the I/O list; and
 * its packages form no cycle. A class that breaks a rule fails the build, named with the line that does it.
 */
class CorePurityTest {
    private static final String CORE = "com.sicfurnace.controller";
    /** The core module's own classes, wherever they lie (classes folder or jar), and nothing else. */
    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .importLocations(Set.of(Location.of(ScanCycle.class.getProtectionDomain().getCodeSource().getLocation())));

    static Stream<ArchRule> rules() {
        return Stream.of(
                noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.io..",
                                "java.nio.file..", "java.nio.channels..", "java.util.concurrent..", "java.lang.reflect..",
                                "java.util.logging..", "java.sql..")
                        .because("the core never touches a socket, a file, a thread pool or a lock"),
                noClasses().should().dependOnClassesThat().belongToAnyOf(Thread.class, ThreadGroup.class,
                                Runtime.class, ProcessBuilder.class, Clock.class, java.util.Timer.class,
                                java.util.Random.class)
                        .because("the core starts no thread and reads no clock; time comes with each scan"),
                noClasses().should().callMethod(System.class, "currentTimeMillis")
                        .orShould().callMethod(System.class, "nanoTime")
                        .orShould().callMethod(System.class, "getenv")
                        .orShould().callMethod(System.class, "getenv", String.class)
                        .orShould().callMethod(System.class, "getProperty", String.class)
                        .orShould().callMethod(System.class, "exit", int.class)
                        .because("the core reads neither the wall clock nor its environment"),
                noClasses().should().callMethodWhere(target(name("now")).and(target(owner(assignableTo(Temporal.class)))))
                        .because("the core reads no clock: Instant.now() and its kin are the drivers' business"),
                noClasses().should().callMethod(IoList.class, "fromClasspath")
                        .because("the core is given its I/O list; it reads no resource"),
                classes().should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..",
                                "java.time..", "java.math..", CORE + "..", "com.sicfurnace.iolist..")
                        .because("the core depends on the JDK's plain types and the I/O list only"),
                slices().matching(CORE + ".(*)..").should().beFreeOfCycles()
                        .because("each package of the core builds on the ones below it"));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theCoreKeepsTheRule(ArchRule rule) {
        rule.check(CORE_CLASSES);
    }

    /** The rules are not vacuous: the core's classes are all there to be checked. */
    @Test
    void theRulesSeeTheWholeCore() {
        for (String pkg : List.of("scan", "snapshot", "event", "command", "program", "recipe", "control", "vacuum",
                "safety", "alarm", "signal", "profile")) {
            assertTrue(CORE_CLASSES.stream().anyMatch(c -> c.getPackageName().equals(CORE + "." + pkg)),
                    "no classes of " + pkg + " imported");
        }
    }

    /** Each rule catches what it is for: a class that breaks all of them fails each one. */
    @ParameterizedTest
    @MethodSource("rules")
    void eachRuleFailsAClassThatBreaksIt(ArchRule rule) {
        JavaClasses impure = new ClassFileImporter().importClasses(ImpureCore.class, Other.class);
        EvaluationResult result = rule.allowEmptyShould(true).evaluate(impure);
        assertTrue(result.hasViolation(), rule.getDescription() + " let ImpureCore through");
        assertFalse(result.getFailureReport().getDetails().isEmpty());
    }
}
