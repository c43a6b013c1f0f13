package com.sicfurnace.controller.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sicfurnace.controller.audit.AuditEntry;
import com.sicfurnace.controller.audit.Outcome;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.command.CommandEvent;
import com.sicfurnace.controller.control.LoopId;
import com.sicfurnace.controller.tuning.TuningEvent;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tuning commands and the relay test's own end as audit records: named for the trail, the loop and the test's
 * settings among the values (decimals as text, as the trail takes them: a number that is not whole once stopped the
 * scan loop), the gains before and after, and a refusal without values after.
 */
class TuningRecordsTest {
    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private static final Actor ERIN = new Actor("erin", Role.ENGINEER);
    private final CommandRecords records = new CommandRecords("f01", "run-1");

    private AuditEntry entry(Command command, boolean accepted, Map<String, String> before, Map<String, String> after) {
        return records.entry(new CommandEvent(7, T, ERIN, "commissioning", command, accepted, "detail", before, after,
                ""));
    }

    @Test
    void aRelayTestsStartIsAuditedWithItsSettings() {
        AuditEntry e = entry(new Command.StartAutoTune(LoopId.SEED, 1.5, 10.0, 0.5, 3, 7200.0), true,
                Map.of("auto_tune", "idle", "kp", "0.300000"), Map.of("auto_tune", "running", "kp", "0.300000"));
        assertEquals("auto_tune_start", e.action());
        assertEquals("seed", e.before().get("loop"));
        assertEquals("1.5", e.before().get("amplitude_kw"));
        assertEquals("10.0", e.before().get("band_k"));
        assertEquals("0.5", e.before().get("hysteresis_k"));
        assertEquals(3L, ((Number) e.before().get("cycles")).longValue());
        assertEquals("7200.0", e.before().get("max_s"));
        assertEquals("running", e.after().get("auto_tune"));
        assertEquals(Outcome.DONE, e.outcome());
    }

    @Test
    void acceptingAndRejectingAProposalAreAuditedWithTheGainsBeforeAndAfter() {
        AuditEntry accept = entry(new Command.AcceptTuning(LoopId.SEED), true,
                Map.of("kp", "0.300000", "proposed_kp", "0.360000"), Map.of("kp", "0.360000"));
        assertEquals("tuning_accept", accept.action());
        assertEquals("0.300000", accept.before().get("kp"));
        assertEquals("0.360000", accept.before().get("proposed_kp"));
        assertEquals("0.360000", accept.after().get("kp"));
        AuditEntry reject = entry(new Command.RejectTuning(LoopId.SEED), false, Map.of("kp", "0.300000"),
                Map.of("kp", "0.300000"));
        assertEquals("tuning_reject", reject.action());
        assertEquals(Outcome.REFUSED, reject.outcome());
        assertNull(reject.after(), "a refusal changed nothing");
        assertEquals("auto_tune_abort", entry(new Command.AbortAutoTune(LoopId.SEED), true, Map.of(), Map.of())
                .action());
    }

    @Test
    void aTestThatEndsByItselfIsTheControllersOwnRecord() {
        AuditEntry e = records.entry(new TuningEvent(9, T, TuningEvent.Type.ABORTED, LoopId.SEED,
                "the temperature left the band"));
        assertEquals("auto_tune_aborted", e.action());
        assertEquals("auto-tune", e.user());
        assertEquals("system", e.role());
        assertEquals("the temperature left the band", e.detail());
        assertEquals("seed", e.after().get("loop"));
    }
}
