package com.sicfurnace.hmi.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.audit.AuditRecord;
import com.sicfurnace.hmi.refusal.Refused;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions are immutable and numbered, approvals need a second person, bad input is refused naming what is wrong,
 * a version whose text was altered is refused, and a save cut short by killing the process loses nothing saved.
 */
class RecipeStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String YAML = "recipe: smoke\nfurnace: 6inch\nsteps: []\n";
    private static final Path SMOKE = Path.of("..", "docs", "recipes", "smoke.yaml");

    @TempDir
    Path dir;

    private RecipeStore store() throws IOException {
        return RecipeStore.open(dir.resolve("recipes"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everySaveIsANewVersionWithItsAuthorTimeCommentAndHash() throws Exception {
        RecipeStore store = store();
        RecipeVersion first = store.save("smoke", YAML, "erika", "first cut");
        RecipeVersion second = store.save("smoke", YAML.replace("[]", "[a]"), "erika", "a step");
        store.save("pvt-6inch", YAML, "jonas", "imported");
        assertEquals(1, first.number());
        assertEquals(2, second.number());
        List<RecipeVersion> versions = store().versions("smoke");
        assertEquals(List.of(first, second), versions, "read back as saved, also by a store opened afresh");
        assertEquals(AuditRecord.sha256(YAML), versions.get(0).sha256());
        assertEquals(NOW, versions.get(0).time());
        assertEquals("first cut", versions.get(0).comment());
        assertEquals(List.of("pvt-6inch", "smoke"), store.recipes());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("recipes").resolve("smoke").resolve("000001.json"))));
    }

    @Test
    void theAuthorMayNotApproveTheirVersionAnotherMayOnce() throws Exception {
        RecipeStore store = store();
        store.save("smoke", Files.readString(SMOKE), "erika", "first cut");
        Refused own = assertThrows(Refused.class, () -> store.approve("smoke", 1, "erika", "fine"));
        assertEquals(403, own.status());
        assertEquals("four_eyes", own.code());
        assertTrue(store.approval("smoke", 1).isEmpty());
        RecipeApproval approval = store.approve("smoke", 1, "jonas", "checked against the process brief");
        assertEquals("jonas", store.approval("smoke", 1).orElseThrow().approver());
        assertEquals(approval, store().approval("smoke", 1).orElseThrow());
        assertEquals(409, assertThrows(Refused.class, () -> store.approve("smoke", 1, "anna", "again"))
                .status());
        assertEquals(404, assertThrows(Refused.class, () -> store.approve("smoke", 2, "jonas", "x")).status());
        assertEquals(400, assertThrows(Refused.class, () -> {
            store.save("smoke", Files.readString(SMOKE), "erika", "second");
            store.approve("smoke", 2, "jonas", " ");
        }).status(), "an approval says why");
    }

    @Test
    void aDraftTheControllersValidatorRefusesIsSavedButNeverApproved() throws Exception {
        RecipeStore store = store();
        String draft = Files.readString(SMOKE).replace("ar_sccm: 3000", "ar_sccm: -5");
        store.save("smoke", draft, "erika", "work in progress");
        Refused refused = assertThrows(Refused.class, () -> store.approve("smoke", 1, "jonas", "ok"));
        assertEquals(409, refused.status());
        assertEquals("invalid_recipe", refused.code());
        assertTrue(refused.getMessage().matches("version 1 of 'smoke' would not run: smoke\\.yaml:\\d+: .*ar_sccm.*"),
                refused.getMessage());
        assertTrue(store.approval("smoke", 1).isEmpty());
    }

    @Test
    void badNamesTextsAndCommentsAreRefusedNamingWhatIsWrong() throws Exception {
        RecipeStore store = store();
        for (String name : new String[] {"../etc", "Smoke", "", "-x", "a/b"}) {
            Refused refused = assertThrows(Refused.class, () -> store.save(name, YAML, "erika", "c"));
            assertEquals(400, refused.status(), name);
            assertTrue(refused.getMessage().contains("'" + name + "'"), refused.getMessage());
        }
        assertTrue(assertThrows(Refused.class, () -> store.save("smoke", " \n", "erika", "c")).getMessage()
                .contains("empty"));
        assertTrue(assertThrows(Refused.class, () -> store.save("smoke", YAML, "erika", "")).getMessage()
                .contains("comment"));
        assertEquals(List.of(), store.recipes(), "nothing was saved");
    }

    @Test
    void aVersionWhoseTextWasAlteredIsRefusedNamingTheFile() throws Exception {
        RecipeStore store = store();
        store.save("smoke", YAML, "erika", "first cut");
        Path file = dir.resolve("recipes").resolve("smoke").resolve("000001.json");
        Files.writeString(file, Files.readString(file).replace("6inch", "8inch"));
        IOException e = assertThrows(IOException.class, () -> store.versions("smoke"));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void killingTheProcessDuringSavesLeavesEverySavedVersionIntactAndNoHalfOne() throws Exception {
        Path recipes = dir.resolve("recipes");
        Process saver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RecipeSaver.class.getName(), recipes.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // each number the saver printed was saved: its save had returned
        AtomicInteger reported = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(saver.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    reported.set(Integer.parseInt(line.strip()));
                }
            } catch (IOException e) {
                // the stream closes when the saver is killed: what was read is what counts
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (reported.get() < 40 && saver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int lastReported = reported.get();
        saver.destroyForcibly(); // SIGKILL, most likely in the middle of the next save
        assertTrue(saver.waitFor(20, TimeUnit.SECONDS));
        reader.join(5000);
        assertTrue(lastReported >= 40, "the saver saved 40 versions before it was killed: " + lastReported);
        lastReported = Math.max(lastReported, reported.get());
        RecipeStore reopened = RecipeStore.open(recipes, Clock.systemUTC());
        List<RecipeVersion> versions = reopened.versions("crash");
        assertTrue(versions.size() >= lastReported, versions.size() + " versions, " + lastReported + " reported saved");
        for (int i = 0; i < versions.size(); i++) {
            RecipeVersion v = versions.get(i);
            assertEquals(i + 1, v.number(), "numbered without a gap");
            assertTrue(v.yaml().contains("# save " + v.number() + "\n"), "version " + v.number() + "'s own text");
            assertEquals("save " + v.number(), v.comment());
        }
        try (Stream<Path> files = Files.list(recipes.resolve("crash"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")),
                    "a save cut short left no temporary file once the store was opened again");
        }
        assertEquals(versions.size() + 1, reopened.save("crash", YAML, "erika", "after the crash").number());
    }
}
