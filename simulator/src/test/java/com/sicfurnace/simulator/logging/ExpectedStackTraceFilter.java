package com.sicfurnace.simulator.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the stack traces a test provokes on purpose ({@link StackTraceRecorder#expect}) off the console, so that the
 * build's log shows only traces that mean something; every other event passes. The recorder still sees them all.
 */
public final class ExpectedStackTraceFilter extends Filter<ILoggingEvent> {
    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getThrowableProxy() != null && StackTraceRecorder.isExpected(event) ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }
}
