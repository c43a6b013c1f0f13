package com.sicfurnace.hmi.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.secret.SecretFiles;
import com.sicfurnace.hmi.data.DataFiles;
import com.sicfurnace.hmi.recipe.RecipeVersion;
import com.sicfurnace.hmi.refusal.Refused;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dry runs of recipe versions: each runs the controller's own virtual-time path against the simulator
 * ({@code virtual-run}, the same code as {@code scripts/virtual-run}) in a child JVM of this classpath, one at a time,
 * so that a run's hundreds of thousands of scans a second never share the HMI's heap or threads and a run that never
 * ends is stopped. Each has a directory {@code <dir>/<id>/}: the text that ran, {@code dry-run.json} (who, when,
 * state), the run's log and its report ({@code summary.json}, {@code trend.csv}), all owner-only. A dry run that was
 * under way when the HMI stopped is marked failed when it starts again.
 */
public final class DryRuns implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DryRuns.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String VIRTUAL_MAIN = "com.sicfurnace.controller.virtual.VirtualMain";
    static final String META = "dry-run.json";
    static final String LOG_FILE = "run.log";
    /** A 141-hour recipe takes about 15 s; anything near this is a run that does not end. */
    static final Duration LONGEST = Duration.ofMinutes(10);
    /** Queued and running together: more are refused rather than left to wait for many minutes. */
    static final int MOST_WAITING = 4;

    private final Path dir;
    private final Clock clock;
    private final Map<String, DryRun> runs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dry-run");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Process running;

    private DryRuns(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Opens (or creates, owner-only) the dry runs' directory; runs a stopped HMI left unfinished are marked failed. */
    public static DryRuns open(Path dir, Clock clock) throws IOException {
        SecretFiles.ownerOnlyDirectory(dir);
        DryRuns dryRuns = new DryRuns(dir, clock);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path run : entries.filter(p -> Files.exists(p.resolve(META))).sorted().toList()) {
                DryRun read = read(run.resolve(META));
                if (read.state() == DryRun.State.QUEUED || read.state() == DryRun.State.RUNNING) {
                    read = read.failed(clock.instant(), "the HMI stopped before the dry run ended");
                    dryRuns.persist(read);
                }
                dryRuns.runs.put(read.id(), read);
            }
        }
        return dryRuns;
    }

    /**
     * Queues a dry run of {@code version} for {@code user}.
     *
     * @throws Refused 409 {@code busy} while {@link #MOST_WAITING} dry runs are queued or running
     */
    public synchronized DryRun request(RecipeVersion version, String user) throws IOException {
        long waiting = runs.values().stream().filter(r -> r.state() == DryRun.State.QUEUED
                || r.state() == DryRun.State.RUNNING).count();
        if (waiting >= MOST_WAITING) {
            throw new Refused(409, "busy", waiting + " dry runs are queued or running already; try again when "
                    + "one has ended");
        }
        String prefix = version.recipe() + "-v" + version.number() + "-";
        long earlier = runs.keySet().stream().filter(id -> id.startsWith(prefix)).count();
        String id = prefix + String.format(Locale.ROOT, "%03d", earlier + 1);
        DryRun run = new DryRun(id, version.recipe(), version.number(), version.sha256(), user, clock.instant(),
                DryRun.State.QUEUED, Optional.empty(), 0.0, false, "");
        Path runDir = dir.resolve(id);
        SecretFiles.ownerOnlyDirectory(runDir);
        DataFiles.writeAtomically(recipeFile(runDir, run), version.yaml().getBytes(StandardCharsets.UTF_8));
        persist(run);
        runs.put(id, run);
        worker.submit(() -> execute(run));
        LOG.info("dry run {} of {} v{} queued by {}", id, version.recipe(), version.number(), user);
        return run;
    }

    public synchronized Optional<DryRun> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** The dry runs of a recipe, newest first. */
    public synchronized List<DryRun> of(String recipe) {
        List<DryRun> found = new ArrayList<>(runs.values().stream().filter(r -> r.recipe().equals(recipe)).toList());
        found.sort(Comparator.comparing(DryRun::requested).thenComparing(DryRun::id).reversed());
        return found;
    }

    /** The directory with a finished run's report ({@code summary.json}, {@code trend.csv}). */
    public Optional<Path> report(String id) {
        return get(id).filter(r -> r.state() == DryRun.State.FINISHED).map(r -> dir.resolve(r.id()));
    }

    private void execute(DryRun queued) {
        DryRun run = queued.running();
        update(run);
        Path runDir = dir.resolve(run.id());
        long started = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command(recipeFile(runDir, run), runDir))
                    .redirectErrorStream(true).redirectOutput(runDir.resolve(LOG_FILE).toFile()).start();
            running = process;
            if (!process.waitFor(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                update(run.failed(clock.instant(), "stopped after " + LONGEST.toMinutes() + " minutes without "
                        + "reaching the recipe's end"));
                return;
            }
            double wallS = (System.nanoTime() - started) / 1e9;
            int exit = process.exitValue();
            if ((exit == 0 || exit == 1) && Files.exists(runDir.resolve("summary.json"))) {
                update(run.finished(clock.instant(), wallS, exit == 0));
            } else {
                update(run.failed(clock.instant(), "the virtual run ended with status " + exit + ": "
                        + lastLines(runDir.resolve(LOG_FILE))));
            }
        } catch (IOException e) {
            LOG.error("dry run {} could not be started", run.id(), e);
            update(run.failed(clock.instant(), "could not be started: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            update(run.failed(clock.instant(), "the HMI stopped before the dry run ended"));
        } finally {
            running = null;
        }
    }

    /** The controller's virtual-run in a JVM of this one's classpath (which carries the controller-virtual module). */
    private static List<String> command(Path recipeFile, Path reportDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), VIRTUAL_MAIN, "virtual-run",
                recipeFile.toString(), reportDir.toString());
    }

    private static Path recipeFile(Path runDir, DryRun run) {
        return runDir.resolve(run.recipe() + ".yaml");
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(its log could not be read: " + e.getMessage() + ")";
        }
    }

    private synchronized void update(DryRun run) {
        runs.put(run.id(), run);
        try {
            persist(run);
        } catch (IOException e) {
            LOG.error("dry run {}: its state {} could not be written", run.id(), run.state().label(), e);
        }
    }

    private void persist(DryRun run) throws IOException {
        DataFiles.writeAtomically(dir.resolve(run.id()).resolve(META), JSON.writeValueAsBytes(run.fields()));
    }

    private static DryRun read(Path file) throws IOException {
        JsonNode o = JSON.readTree(file.toFile());
        try {
            return new DryRun(o.path("id").asText(), o.path("recipe").asText(), o.path("version").asInt(),
                    o.path("sha256").asText(), o.path("user").asText(), Instant.parse(o.path("requested").asText()),
                    DryRun.State.valueOf(o.path("state").asText().toUpperCase(Locale.ROOT)),
                    o.hasNonNull("ended") ? Optional.of(Instant.parse(o.path("ended").asText())) : Optional.empty(),
                    o.path("wall_s").asDouble(), o.path("completed").asBoolean(), o.path("problem").asText());
        } catch (RuntimeException e) {
            throw new IOException("dry run file " + file + " is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        Process process = running;
        if (process != null) {
            process.destroyForcibly();
        }
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the dry run worker did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
