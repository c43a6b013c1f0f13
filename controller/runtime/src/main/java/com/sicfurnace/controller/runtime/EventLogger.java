package com.sicfurnace.controller.runtime;

import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.program.ProgramEvent;
import com.sicfurnace.controller.safety.InterlockEvent;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.controller.tuning.TuningEvent;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the events an operator reading the log must see: holds, resumes and the end of the run, every change of
 * the interlock matrix, every relay test's end, and every command with who asked and what came of it. Follows the
 * event stream with its own reader, on the scan thread, so the log reads in the order things happened.
 */
public final class EventLogger implements ScanFeed.ScanListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventLogger.class);
    private final EventStream.Reader events;

    public EventLogger(EventStream.Reader events) {
        this.events = events;
    }

    @Override
    public void onScan(ScanSnapshot snapshot) {
        for (FurnaceEvent event : events.poll()) {
            log(event);
        }
    }

    private static void log(FurnaceEvent event) {
        if (event instanceof ProgramEvent e && e.type() != ProgramEvent.Type.STEP_FINISHED) {
            LOG.info("run event={} step={} name={} detail={}", e.type().name().toLowerCase(Locale.ROOT),
                    e.step(), e.stepName(), e.detail());
        } else if (event instanceof InterlockEvent e) {
            LOG.warn("interlock row={} change={} first_out={} detail={}", e.interlock().label(),
                    e.change().name().toLowerCase(Locale.ROOT), e.firstOut(), e.detail());
        } else if (event instanceof TuningEvent e) {
            LOG.info("tuning event={} loop={} detail={}", e.type().label(), e.loop().label(), e.detail());
        } else if (event instanceof CommandEvent e) {
            String outcome = e.accepted() ? "done" : "refused";
            if (e.accepted()) {
                LOG.info("command={} by={} role={} reason='{}' outcome={} detail={}", e.command().action(),
                        e.actor().user(), e.actor().role().label(), e.reason(), outcome, e.detail());
            } else {
                LOG.warn("command={} by={} role={} reason='{}' outcome={} detail={}", e.command().action(),
                        e.actor().user(), e.actor().role().label(), e.reason(), outcome, e.detail());
            }
        }
    }
}
