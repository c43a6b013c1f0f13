package com.sicfurnace.simulator.logging;

import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test when a stack trace was logged by the libraries {@link StackTraceRecorder} watches (the OPC UA stack)
 * while it ran: {@code @ExtendWith(NoStackTracesLogged.class)} on the test class. Checked after each test (after its
 * {@code @AfterEach} methods, so a server closed there counts) and after the class; a trace found before a test
 * began is reported by that test, naming where it came from.
 */
public final class NoStackTracesLogged
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LoggerFactory.getILoggerFactory(); // logback configures itself, and so the recorder, on first use
        if (!StackTraceRecorder.attached()) {
            fail("StackTraceRecorder is not attached to logback: add it to logback-test.xml, or this guard checks "
                    + "nothing");
        }
        check("before " + context.getDisplayName() + " started (left by an earlier test class)");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check("before " + context.getDisplayName() + " started (left by the test before it)");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        StackTraceRecorder.withdrawExpectations();
        check("while " + context.getDisplayName() + " ran");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check("after the tests of " + context.getDisplayName() + " ended");
    }

    private static void check(String when) {
        List<ILoggingEvent> events = StackTraceRecorder.drain();
        if (!events.isEmpty()) {
            fail(events.size() + " stack trace(s) logged " + when + ":\n" + StackTraceRecorder.describe(events));
        }
    }
}
