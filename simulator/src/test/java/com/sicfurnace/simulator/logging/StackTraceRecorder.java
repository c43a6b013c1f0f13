package com.sicfurnace.simulator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Logback appender for tests: records every WARN or ERROR event that carries a throwable and comes from a logger
 * under {@code loggerPrefix} (default {@code org.eclipse.milo}), so that {@link NoStackTracesLogged} can fail the
 * test that caused it. Register it in {@code logback-test.xml} and attach it to the root logger:
 *
 * <pre>
 * &lt;appender name="stackTraces" class="com.sicfurnace.simulator.logging.StackTraceRecorder"&gt;
 *   &lt;loggerPrefix&gt;org.eclipse.milo&lt;/loggerPrefix&gt;
 * &lt;/appender&gt;
 * </pre>
 *
 * Only events that reach the appender are seen: no logger under the prefix may be set above WARN. Recordings are
 * JVM-wide, so tests that use the guard must not run in parallel.
 */
public final class StackTraceRecorder extends AppenderBase<ILoggingEvent> {
    private static final Queue<ILoggingEvent> RECORDED = new ConcurrentLinkedQueue<>();
    private static final List<Expectation> EXPECTED = new CopyOnWriteArrayList<>();
    private static volatile boolean attached;

    private String loggerPrefix = "org.eclipse.milo";

    public void setLoggerPrefix(String loggerPrefix) {
        this.loggerPrefix = loggerPrefix;
    }

    @Override
    public void start() {
        super.start();
        attached = true;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String logger = event.getLoggerName();
        boolean underPrefix = logger.equals(loggerPrefix) || logger.startsWith(loggerPrefix + ".");
        if (!underPrefix || !event.getLevel().isGreaterOrEqual(Level.WARN) || event.getThrowableProxy() == null) {
            return;
        }
        for (Expectation expectation : EXPECTED) {
            if (expectation.matches(event)) {
                return;
            }
        }
        event.prepareForDeferredProcessing(); // read on the test's thread, maybe after the logging thread moved on
        RECORDED.add(event);
    }

    /** Whether a running test declared that it provokes this stack trace (without counting it as seen). */
    static boolean isExpected(ILoggingEvent event) {
        for (Expectation expectation : EXPECTED) {
            if (expectation.matcher.test(event)) {
                return true;
            }
        }
        return false;
    }

    /** Whether logback configured an instance: a guard without its recorder would pass everything. */
    static boolean attached() {
        return attached;
    }

    /** The events recorded since the last call, oldest first; the record is empty afterwards. */
    public static List<ILoggingEvent> drain() {
        List<ILoggingEvent> events = new ArrayList<>();
        for (ILoggingEvent event = RECORDED.poll(); event != null; event = RECORDED.poll()) {
            events.add(event);
        }
        return events;
    }

    /**
     * Lets the running test log stack traces that match {@code matcher} (a failure it provokes on purpose) and
     * counts them; {@link NoStackTracesLogged} withdraws the expectation when the test ends.
     */
    public static Expectation expect(Predicate<ILoggingEvent> matcher) {
        Expectation expectation = new Expectation(matcher);
        EXPECTED.add(expectation);
        return expectation;
    }

    static void withdrawExpectations() {
        EXPECTED.clear();
    }

    /** One line per event with its full stack trace, for an assertion message. */
    static String describe(List<ILoggingEvent> events) {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : events) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" [")
                    .append(event.getThreadName()).append("] ").append(event.getFormattedMessage()).append('\n')
                    .append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
        }
        return text.toString();
    }

    /** Stack traces a test provokes on purpose, and how many arrived. */
    public static final class Expectation {
        private final Predicate<ILoggingEvent> matcher;
        private final AtomicInteger seen = new AtomicInteger();

        private Expectation(Predicate<ILoggingEvent> matcher) {
            this.matcher = matcher;
        }

        private boolean matches(ILoggingEvent event) {
            if (!matcher.test(event)) {
                return false;
            }
            seen.incrementAndGet();
            return true;
        }

        /** Waits until at least one matching event arrived (they may be logged after the client saw the error). */
        public boolean awaitOne(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen.get() == 0) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(5);
            }
            return true;
        }
    }
}
