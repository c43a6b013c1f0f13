package com.sicfurnace.controller.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.controller.audit.AuditVerifier;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.controller.audit.TrailRecords;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.program.RunState;
import com.sicfurnace.controller.recipe.Recipe;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.runtime.CommandQueue;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.scan.CoreRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core driven scan by scan (the core's own test rig) with the run's audit following its event stream: every
 * command the core applied or refused becomes a record with who, what, why, before and after, stamped with its scan's
 * time; the services' reports to the core do not.
 */
class AuditRunTest {
    private static final Path SMOKE = Path.of("..", "..", "docs", "recipes", "smoke.yaml");

    @TempDir
    Path dir;

    @Test
    void everyCommandAppliedOrRefusedIsRecordedWithItsValuesBeforeAndAfter() throws Exception {
        FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
        Recipe smoke = RecipeLoader.load(SMOKE, profile.recipeLimits());
        CommandQueue operators = new CommandQueue();
        ScanFeed feed = new ScanFeed();
        CoreRig rig = new CoreRig("6inch", smoke, operators, feed);
        RunAudit audit = RunAudit.open(dir, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                new CommandRecords("f07", "f07-run"), feed.events().reader(true));
        feed.listen(audit);
        try {
            operators.submit(new Command.Start(), "anna");
            rig.scans(5);
            assertEquals(RunState.RUNNING, rig.last().run().state());
            operators.submit(new Command.Hold(), "bob");
            rig.scans(1);
            operators.submit(new Command.Resume(), "bob");
            rig.scans(1);
            operators.submit(new Command.Resume(), "carl");
            rig.scans(1);
            operators.submit(new Command.ReportCondition(AlarmId.TELEMETRY_BACKLOG, true, "backlog"), "telemetry");
            rig.scans(1);
            operators.submit(new Command.Acknowledge(AlarmId.TELEMETRY_BACKLOG), "anna");
            rig.scans(1);
            operators.submit(new Command.Abort("crucible cracked"), "anna");
            rig.scans(1);
            assertEquals(RunState.ABORTED, rig.last().run().state());
            operators.submit(new Command.ResetInterlocks(), "bob");
            rig.scans(1);
        } finally {
            audit.close();
        }

        AuditVerifier.Result verdict = AuditVerifier.verify(dir);
        assertTrue(verdict.intact(), String.valueOf(verdict.problem()));
        assertEquals(audit.head(), verdict.head(), "the audit's head is the trail's");
        List<AuditRecord> records = TrailRecords.read(dir);
        assertEquals(List.of("start", "hold", "resume", "resume", "alarm_acknowledge", "abort", "trip_reset"),
                TrailRecords.actions(records), "the service's report is no audited action");
        assertEquals(List.of("anna", "bob", "bob", "carl", "anna", "anna", "bob"),
                records.stream().map(r -> r.entry().user()).toList());
        assertEquals(Instant.parse("2026-01-01T00:00:00.100Z"), records.get(0).entry().time(),
                "a command carries the time of the scan it preceded");

        AuditRecord hold = records.get(1);
        assertEquals(Map.of("state", "running", "hold_reason", "none", "step", 1L), hold.entry().before());
        assertEquals(Map.of("state", "held", "hold_reason", "operator", "step", 1L), hold.entry().after());
        assertEquals(Outcome.DONE, hold.entry().outcome());
        assertEquals("f07", hold.entry().furnace());
        assertEquals("f07-run", hold.entry().runId());

        AuditRecord refused = records.get(3);
        assertEquals(Outcome.REFUSED, refused.entry().outcome());
        assertEquals("nothing to resume: the run is running", refused.entry().detail());
        assertEquals("running", refused.entry().before().get("state"));
        assertNull(refused.entry().after(), "a refusal changed nothing");

        AuditRecord ack = records.get(4);
        assertEquals(Map.of("alarm", "TELEMETRY_BACKLOG", "alarm_state", "unacknowledged"), ack.entry().before());
        assertEquals(Map.of("alarm", "TELEMETRY_BACKLOG", "alarm_state", "acknowledged"), ack.entry().after());

        AuditRecord abort = records.get(5);
        assertEquals("crucible cracked", abort.entry().reason());
        assertEquals("aborted", abort.entry().after().get("state"));
        assertEquals(Map.of("latched_trips", List.of()), records.get(6).entry().before());
    }
}
