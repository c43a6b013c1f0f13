package com.sicfurnace.simulator.logging;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The guard itself: test classes run through JUnit's test kit, so that a guarded failure can be observed. */
class NoStackTracesLoggedTest {
    private static final Logger MILO = LoggerFactory.getLogger("org.eclipse.milo.guardtest.Server");
    private static final Logger OTHER = LoggerFactory.getLogger("guardtest.OtherLibrary");
    private static volatile boolean runByGuardTest;

    @BeforeEach
    void markRun() {
        runByGuardTest = true;
    }

    @AfterEach
    void unmarkRun() {
        runByGuardTest = false;
    }

    static boolean runByGuardTest() {
        return runByGuardTest;
    }

    @Test
    void aWarningWithAStackTraceFromTheStackFailsTheTestThatLoggedIt() {
        Events tests = run(LogsAStackTrace.class);
        tests.assertStatistics(s -> s.started(1).failed(1));
        tests.assertThatEvents().haveExactly(1, event(test("logsOne"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(m -> m.contains("1 stack trace(s) logged while logsOne() ran")
                        && m.contains("WARN org.eclipse.milo.guardtest.Server")
                        && m.contains("Uncaught Throwable during Task execution.")
                        && m.contains("java.lang.IllegalStateException: because node is null")))));
    }

    @Test
    void warningsWithoutATraceInfoWithATraceAndOtherLibrariesPass() {
        run(LogsWhatTheGuardIgnores.class).assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void anExpectedTraceIsAllowedInItsOwnTestOnly() {
        Events tests = run(ExpectsATrace.class);
        tests.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        tests.assertThatEvents().haveExactly(1, event(test("laterTestLogsTheSameTrace"), finishedWithFailure(
                message(m -> m.contains("refused on purpose")))));
    }

    @Test
    void aTraceLoggedAfterTheLastTestFailsTheClass() {
        Events all = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LogsInAfterAll.class)).execute()
                .allEvents();
        all.assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("after the tests of") && m.contains("LogsInAfterAll ended")))));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    // The classes below are run only through the test kit above (surefire leaves nested classes out, and the
    // condition keeps an IDE from running them on their own): they fail on purpose.

    @ExtendWith(NoStackTracesLogged.class)
    @EnabledIf("com.sicfurnace.simulator.logging.NoStackTracesLoggedTest#runByGuardTest")
    static class LogsAStackTrace {
        @Test
        void logsOne() {
            MILO.warn("Uncaught Throwable during Task execution.", new IllegalStateException("because node is null"));
        }
    }

    @ExtendWith(NoStackTracesLogged.class)
    @EnabledIf("com.sicfurnace.simulator.logging.NoStackTracesLoggedTest#runByGuardTest")
    static class LogsWhatTheGuardIgnores {
        @Test
        void logsNothingThatCounts() {
            MILO.warn("a warning without a stack trace");
            MILO.info("an info line with one", new IOException("informational"));
            OTHER.error("another library's trace", new IllegalStateException("not the OPC UA stack"));
        }
    }

    @ExtendWith(NoStackTracesLogged.class)
    @EnabledIf("com.sicfurnace.simulator.logging.NoStackTracesLoggedTest#runByGuardTest")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ExpectsATrace {
        @Test
        @Order(1)
        void provokesATraceOnPurpose() throws InterruptedException {
            var refused = StackTraceRecorder.expect(e -> e.getFormattedMessage().contains("refused on purpose"));
            MILO.error("channel refused on purpose", new IOException("untrusted"));
            if (!refused.awaitOne(java.time.Duration.ofSeconds(1))) {
                throw new AssertionError("the expected trace was not counted");
            }
        }

        @Test
        @Order(2)
        void laterTestLogsTheSameTrace() {
            MILO.error("channel refused on purpose", new IOException("untrusted"));
        }
    }

    @ExtendWith(NoStackTracesLogged.class)
    @EnabledIf("com.sicfurnace.simulator.logging.NoStackTracesLoggedTest#runByGuardTest")
    static class LogsInAfterAll {
        @Test
        void passes() {
            MILO.warn("no trace here");
        }

        @org.junit.jupiter.api.AfterAll
        static void stopsSomethingNoisily() {
            MILO.warn("late trace", new IllegalStateException("during teardown"));
        }
    }
}
