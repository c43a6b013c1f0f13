package com.sicfurnace.controller.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.alarm.AlarmId;
import com.sicfurnace.controller.alarm.ShelveMode;
import com.sicfurnace.controller.command.Command;
import com.sicfurnace.controller.recipe.HeaterMode;
import com.sicfurnace.controller.safety.InterlockId;
import com.sicfurnace.controller.scan.CoreRig;
import com.sicfurnace.controller.scan.HealthyFurnace;
import com.sicfurnace.controller.scan.RunCheckpoint;
import com.sicfurnace.controller.scan.TestRecipes;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.user.Actor;
import com.sicfurnace.controller.user.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run journal on disk: what is written reads back equal, with its header; the file and its directory are the
 * owner's alone; a temp file left by a write cut short is ignored; a journal cut short, altered, or of another format
 * is refused naming the file and what is wrong; a finished run leaves none.
 */
class JournalFileTest {
    private static final Instant WRITTEN = Instant.parse("2026-03-01T10:00:00Z");
    private static final RunJournal.Identity RUN = new RunJournal.Identity("f07-2026-03-01T08:00:00Z", "f07",
            "journal-soak", "/recipes/journal-soak.yaml", "ab".repeat(32), Instant.parse("2026-03-01T08:00:00Z"), 1.0);

    @TempDir
    Path dir;

    /**
     * A checkpoint with NaN setpoints, a bypass, a latched row, an alarm not acknowledged and one shelved: every part
     * filled.
     */
    private static RunCheckpoint checkpoint() {
        CoreRig rig = new CoreRig("6inch", TestRecipes.rampFromCold("6inch"));
        rig.startRun();
        rig.scans(20);
        rig.apply(new Command.Bypass(InterlockId.CHILLER_STOPPED, Duration.ofMinutes(5)),
                new Actor("erik", Role.ENGINEER), "service");
        assertTrue(rig.apply(new Command.Shelve(AlarmId.CHILLER_FAULT, ShelveMode.TIMED, Duration.ofMinutes(30)),
                CoreRig.OPERATOR, "chiller service"));
        HealthyFurnace.set(rig.in, Signal.ESTOP_ACTIVE, 1.0);
        rig.scans(3);
        return rig.checkpoint();
    }

    private RunCheckpoint written(RunCheckpoint checkpoint) throws Exception {
        try (RunJournal journal = RunJournal.start(dir, RUN, Clock.fixed(WRITTEN, ZoneOffset.UTC), Duration.ZERO)) {
            journal.offer(checkpoint);
        }
        return checkpoint;
    }

    @Test
    void aCheckpointReadsBackEqualWithItsHeader() throws Exception {
        RunCheckpoint saved = written(checkpoint());
        assertTrue(saved.interlocks().active().contains(InterlockId.EMERGENCY_STOP), "a latched row in it");
        assertTrue(Double.isNaN(saved.program().working().seedC()), "no seed setpoint yet: NaN goes through");
        assertTrue(saved.alarms().entry(AlarmId.INTERLOCK_EMERGENCY_STOP).orElseThrow().latched().unacknowledged(),
                "an alarm awaiting acknowledgement in it");
        assertEquals(ShelveMode.TIMED, saved.alarms().entry(AlarmId.CHILLER_FAULT).orElseThrow().shelve().mode(),
                "a shelve in it");
        RunJournal.Journaled read = RunJournal.read(dir).orElseThrow();
        assertEquals(saved, read.checkpoint());
        assertEquals(RUN.runId(), read.header().runId());
        assertEquals(RUN.recipeSha256(), read.header().recipeSha256());
        assertEquals(saved.time(), read.header().furnaceTime());
        assertEquals(WRITTEN, read.header().writtenAt());
        assertEquals(RunJournal.FORMAT, read.header().format());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(read.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void theNewestCheckpointReplacesTheOneBefore() throws Exception {
        RunCheckpoint first = checkpoint();
        CoreRig rig = new CoreRig("6inch", TestRecipes.hot("6inch", HeaterMode.POWER));
        rig.startRun();
        rig.scans(50);
        RunCheckpoint second = rig.checkpoint();
        try (RunJournal journal = RunJournal.start(dir, RUN, Clock.systemUTC(), Duration.ZERO)) {
            journal.offer(first);
            journal.offer(second);
        }
        assertEquals(second, RunJournal.read(dir).orElseThrow().checkpoint());
    }

    @Test
    void aTempFileLeftByAWriteCutShortIsIgnored() throws Exception {
        RunCheckpoint saved = written(checkpoint());
        Path temp = dir.resolve(RunJournal.TEMP);
        Files.writeString(temp, "{\"format\":1,\"run_id\":\"torn");
        assertEquals(saved, RunJournal.read(dir).orElseThrow().checkpoint());
    }

    @Test
    void aTempFileWithoutAJournalIsNoJournal() throws Exception {
        Files.writeString(dir.resolve(RunJournal.TEMP), "{\"format\":1");
        assertEquals(Optional.empty(), RunJournal.read(dir));
    }

    @Test
    void anAlteredBodyIsRefusedNamingTheFileAndBothChecksums() throws Exception {
        written(checkpoint());
        Path file = dir.resolve(RunJournal.FILE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replaceFirst("\"step_index\":0", "\"step_index\":1"), StandardCharsets.UTF_8);
        RunJournal.Unreadable e = assertThrows(RunJournal.Unreadable.class, () -> RunJournal.read(dir));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("damaged or altered") && e.getMessage().contains("SHA-256"),
                e.getMessage());
    }

    @Test
    void aJournalCutShortIsRefused() throws Exception {
        written(checkpoint());
        Path file = dir.resolve(RunJournal.FILE);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        RunJournal.Unreadable e = assertThrows(RunJournal.Unreadable.class, () -> RunJournal.read(dir));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void anotherFormatIsRefused() throws Exception {
        written(checkpoint());
        Path file = dir.resolve(RunJournal.FILE);
        Files.writeString(file, Files.readString(file).replaceFirst("\"format\":1", "\"format\":2"));
        RunJournal.Unreadable e = assertThrows(RunJournal.Unreadable.class, () -> RunJournal.read(dir));
        assertTrue(e.getMessage().contains("format 2"), e.getMessage());
    }

    @Test
    void aBodyWithAFieldMissingIsRefusedNamingTheField() throws Exception {
        written(checkpoint());
        Path file = dir.resolve(RunJournal.FILE);
        String[] lines = Files.readString(file).split("\n");
        String body = lines[1].replaceFirst("\"heater_split\":[^,]*,", "");
        String header = lines[0].replaceFirst("\"body_sha256\":\"[0-9a-f]+\"", "\"body_sha256\":\""
                + com.sicfurnace.controller.audit.AuditRecord.sha256(body.getBytes(StandardCharsets.UTF_8)) + "\"");
        Files.writeString(file, header + "\n" + body + "\n");
        RunJournal.Unreadable e = assertThrows(RunJournal.Unreadable.class, () -> RunJournal.read(dir));
        assertTrue(e.getMessage().contains("heater_split is missing"), e.getMessage());
    }

    @Test
    void aFinishedRunLeavesNoJournal() throws Exception {
        RunJournal journal = RunJournal.start(dir, RUN, Clock.systemUTC(), Duration.ZERO);
        journal.offer(checkpoint());
        journal.finish();
        assertEquals(Optional.empty(), RunJournal.read(dir));
    }

    @Test
    void aDiscardedJournalIsKeptAsideAndNoLongerFound() throws Exception {
        written(checkpoint());
        Path kept = RunJournal.discard(dir, WRITTEN);
        assertTrue(Files.exists(kept) && kept.startsWith(dir.resolve(RunJournal.DISCARDED)), kept.toString());
        assertEquals(Optional.empty(), RunJournal.read(dir));
    }
}
