package com.sicfurnace.controller.virtual;

import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import com.sicfurnace.controller.audit.AuditHead;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.run.CommandRecords;
import com.sicfurnace.controller.run.ControllerRecords;
import com.sicfurnace.controller.run.RunAudit;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.runtime.VirtualClock;
import com.sicfurnace.controller.telemetry.RunTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A virtual run's audit trail, when it has one ({@link VirtualRun.Audit}): the run's start, its recipe, the commands
 * the core saw and its stop, stamped with furnace (virtual) time. Without one every call does nothing and the head is
 * null, so the run's summary says it had no trail.
 */
final class VirtualAudit implements AutoCloseable {
    /** Who runs a virtual run, in the core's journal and the trail. */
    static final Actor USER = new Actor("virtual-run", Role.OPERATOR);

    private final RunAudit audit;
    private final ControllerRecords records;
    private final ControllerRecords.RecipeFile recipeFile;
    private final VirtualClock clock;
    private boolean stopped;

    private VirtualAudit(RunAudit audit, ControllerRecords records, ControllerRecords.RecipeFile recipeFile,
                         VirtualClock clock) {
        this.audit = audit;
        this.records = records;
        this.recipeFile = recipeFile;
        this.clock = clock;
    }

    static VirtualAudit open(Optional<VirtualRun.Audit> settings, Recipe recipe, String furnace, String runId,
                             VirtualClock clock, ScanFeed feed) {
        if (settings.isEmpty()) {
            return new VirtualAudit(null, null, null, clock);
        }
        ControllerRecords.RecipeFile recipeFile;
        try {
            recipeFile = ControllerRecords.RecipeFile.read(recipe.name(), settings.get().recipeFile());
        } catch (IOException e) {
            throw new UncheckedIOException("the recipe " + settings.get().recipeFile() + " cannot be read", e);
        }
        ControllerRecords records = new ControllerRecords(USER.user(), furnace, runId);
        RunAudit audit = RunAudit.open(settings.get().directory(), clock, new CommandRecords(furnace, runId),
                feed.events().reader(true));
        audit.record(records.start(clock.instant(), recipeFile, Map.of("mode", "virtual"), audit.lastAtOpen()));
        audit.record(records.recipeLoad(clock.instant(), recipeFile));
        return new VirtualAudit(audit, records, recipeFile, clock);
    }

    /** Follows the run's commands from now on. */
    void follow(ScanFeed feed) {
        if (audit != null) {
            feed.listen(audit);
        }
    }

    /** Sends each new head to the run's telemetry. */
    void onHead(RunTelemetry telemetry) {
        if (audit != null) {
            audit.onHead(head -> telemetry.auditHead(head.seq(), head.hash(), head.entry().time()));
        }
    }

    /** Records the stop and closes the trail; its final head, or null without a trail. */
    AuditHead stop(Instant time, String finalState, double furnaceHours) {
        if (audit == null) {
            return null;
        }
        stopped = true;
        audit.record(records.stop(time, recipeFile, finalState, furnaceHours, "the virtual run ended: "
                + finalState));
        audit.close();
        return audit.head();
    }

    @Override
    public void close() {
        if (audit != null && !stopped) {
            stop(clock.instant(), "failed", 0.0);
        }
    }
}
