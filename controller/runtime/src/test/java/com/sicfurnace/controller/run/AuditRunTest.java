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
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
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
    private static final Actor ANNA = new Actor("anna", Role.OPERATOR);
    private static final Actor BOB = new Actor("bob", Role.ENGINEER);
    private static final Actor CARL = new Actor("carl", Role.OPERATOR);
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
            operators.submit(new Command.Start(), ANNA, "");
            rig.scans(5);
            assertEquals(RunState.RUNNING, rig.last().run().state());
            operators.submit(new Command.Hold(), BOB, "seed pyrometer window check");
            rig.scans(1);
            operators.submit(new Command.Resume(), BOB, "");
            rig.scans(1);
            operators.submit(new Command.Resume(), CARL, "");
            rig.scans(1);
            operators.submit(new Command.ReportCondition(AlarmId.TELEMETRY_BACKLOG, true, "backlog"),
                    Actor.system("telemetry"), "");
            rig.scans(1);
            operators.submit(new Command.ReportCondition(AlarmId.TELEMETRY_BACKLOG, false, "forged"), CARL, "");
            rig.scans(1);
            operators.submit(new Command.Acknowledge(AlarmId.TELEMETRY_BACKLOG), ANNA, "");
            rig.scans(1);
            operators.submit(new Command.Abort(), ANNA, "crucible cracked");
            rig.scans(1);
            assertEquals(RunState.ABORTED, rig.last().run().state());
            operators.submit(new Command.ResetInterlocks(), BOB, "");
            rig.scans(1);
        } finally {
            audit.close();
        }

        AuditVerifier.Result verdict = AuditVerifier.verify(dir);
        assertTrue(verdict.intact(), String.valueOf(verdict.problem()));
        assertEquals(audit.head(), verdict.head(), "the audit's head is the trail's");
        List<AuditRecord> records = TrailRecords.read(dir);
        assertEquals(List.of("start", "hold", "resume", "resume", "report_condition", "alarm_acknowledge", "abort",
                "trip_reset"), TrailRecords.actions(records), "the service's own report is no audited action");
        assertEquals(List.of("anna", "bob", "bob", "carl", "carl", "anna", "anna", "bob"),
                records.stream().map(r -> r.entry().user()).toList());
        assertEquals("operator", records.get(0).entry().role());
        assertEquals("engineer", records.get(1).entry().role());
        assertEquals("seed pyrometer window check", records.get(1).entry().reason());
        AuditRecord forged = records.get(4);
        assertEquals(Outcome.REFUSED, forged.entry().outcome(), "a person may not report for a service");
        assertEquals("an operator may not report condition", forged.entry().detail());
        assertEquals(Instant.parse("2026-01-01T00:00:00.100Z"), records.get(0).entry().time(),
                "a command carries the time of the scan it preceded");

        AuditRecord hold = records.get(1);
        assertEquals(Map.of("run_state", "running", "hold_reason", "none"), hold.entry().before());
        assertEquals(Map.of("run_state", "held", "hold_reason", "operator"), hold.entry().after());
        assertEquals(Outcome.DONE, hold.entry().outcome());
        assertEquals("f07", hold.entry().furnace());
        assertEquals("f07-run", hold.entry().runId());

        AuditRecord refused = records.get(3);
        assertEquals(Outcome.REFUSED, refused.entry().outcome());
        assertEquals("nothing to resume: the run is running", refused.entry().detail());
        assertEquals("running", refused.entry().before().get("run_state"));
        assertNull(refused.entry().after(), "a refusal changed nothing");

        AuditRecord ack = records.get(5);
        assertEquals(Map.of("alarm", "TELEMETRY_BACKLOG", "alarm_state", "unack_active"), ack.entry().before());
        assertEquals(Map.of("alarm", "TELEMETRY_BACKLOG", "alarm_state", "ack_active"), ack.entry().after());

        AuditRecord abort = records.get(6);
        assertEquals("crucible cracked", abort.entry().reason());
        assertEquals("aborted", abort.entry().after().get("run_state"));
        assertEquals(Map.of("interlocks_active", "[]"), records.get(7).entry().before());
    }
}
