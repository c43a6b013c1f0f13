package com.sicfurnace.controller.app;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.run.RunAudit;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import com.sicfurnace.controller.run.ControllerRecords;
import com.sicfurnace.controller.run.JournalHeader;
import com.sicfurnace.controller.run.RunJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The production controller's command line: runs one furnace, real or simulated, over OPC UA and Modbus TCP.
 * Virtual-time runs against the in-process simulator are the controller-virtual artifact's.
 */
@Command(name = "controller", mixinStandardHelpOptions = true,
        subcommands = {Main.RunCommand.class, AuditCommand.class},
        description = "Control software for SiC PVT growth furnaces.")
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Cli.main(commandLine(), args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    /**
     * What to do about the run journal: resume a journal of this recipe and furnace, discard one on request, start
     * afresh without one. Returns null after saying on {@code err} why the run cannot start (a journal of another
     * recipe or furnace).
     */
    static JournalDecision journalDecision(RunConfig config, FurnaceProfile profile, String discardReason,
                                           PrintWriter err) throws RunJournal.Unreadable, java.io.IOException {
        Path file = config.journalDir().resolve(RunJournal.FILE);
        if (discardReason != null) {
            if (!Files.exists(file)) {
                err.println("no run journal to discard in " + Cli.shown(config.journalDir()) + "; a new run starts");
                return JournalDecision.fresh();
            }
            try {
                return new JournalDecision.Discard(file, RunJournal.read(config.journalDir()), "", discardReason);
            } catch (RunJournal.Unreadable e) {
                return new JournalDecision.Discard(file, Optional.empty(), e.getMessage(), discardReason);
            }
        }
        Optional<RunJournal.Journaled> found = RunJournal.read(config.journalDir());
        if (found.isEmpty()) {
            return JournalDecision.fresh();
        }
        JournalHeader header = found.get().header();
        String sha = ControllerRecords.RecipeFile.read("", config.recipe()).sha256();
        String furnace = config.metrics().furnace().orElse(profile.furnace());
        if (!header.recipeSha256().equals(sha) || !header.furnace().equals(furnace)) {
            err.println("not started: the run journal " + Cli.shown(found.get().file()) + " belongs to run "
                    + header.runId() + " of recipe '" + header.recipe() + "' (" + header.recipeFile() + ", sha256 "
                    + header.recipeSha256() + ") on furnace " + header.furnace() + ", not to "
                    + Cli.shown(config.recipe()) + " (sha256 " + sha + ") on furnace " + furnace + ". Resume that run"
                    + " with the recipe file it ran, or discard its journal with --discard-journal REASON (audited).");
            return null;
        }
        return new JournalDecision.Resume(found.get());
    }

    /**
     * The recipe file a journaled run follows when it is not the configured one (an operator loaded it through the
     * API before the start) and the file is still there with the journaled content; empty otherwise, and when the
     * journal cannot be read (the journal decision says why).
     */
    static Optional<Path> journaledRecipe(RunConfig config) throws java.io.IOException {
        Optional<RunJournal.Journaled> found;
        try {
            found = RunJournal.read(config.journalDir());
        } catch (RunJournal.Unreadable e) {
            return Optional.empty();
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JournalHeader header = found.get().header();
        Path file = Path.of(header.recipeFile());
        if (file.toAbsolutePath().normalize().equals(config.recipe().toAbsolutePath().normalize())
                || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String sha = ControllerRecords.RecipeFile.read("", file).sha256();
        return sha.equals(header.recipeSha256()) ? Optional.of(file) : Optional.empty();
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a furnace (real or simulated) over OPC UA and Modbus TCP as the configuration file "
                    + "says, until the recipe ends or Ctrl-C; then write the report.")
    static final class RunCommand implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "run configuration (YAML)")
        Path configFile;

        @Option(names = "--recipe", description = "recipe instead of the configuration's")
        Path recipe;

        @Option(names = "--report-dir", description = "report directory instead of the configuration's")
        Path reportDir;

        @Option(names = "--speed", description = "furnace seconds per wall second instead of the configuration's")
        Double speed;

        @Option(names = "--audit-dir", description = "audit trail directory instead of the configuration's")
        Path auditDir;

        @Option(names = "--discard-journal", paramLabel = "REASON", description = "move the run journal of an "
                + "unfinished run aside (into <journal_dir>/discarded, audited with this reason) and start a new run")
        String discardJournal;

        @Option(names = "--wait-for-start", description = "connect and scan, but leave the start to an operator "
                + "through the northbound API (needs an api: section in the configuration)")
        boolean waitForStart;

        @Option(names = "--status-every", description = "furnace seconds between status lines "
                + "(default ${DEFAULT-VALUE})")
        double statusEvery = 600.0;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            RunConfig config;
            FurnaceProfile profile;
            RecipeFiles.Loaded loaded;
            try {
                RunConfig.Overrides overrides = new RunConfig.Overrides(Optional.ofNullable(recipe),
                        Optional.ofNullable(reportDir), Optional.ofNullable(speed), Optional.ofNullable(auditDir));
                RunConfig peek = RunConfig.load(configFile, 0.1, System.getenv(), overrides);
                if (discardJournal == null && recipe == null) {
                    Optional<Path> journaled = journaledRecipe(peek);
                    if (journaled.isPresent()) {
                        err.println("the run journal names the recipe " + Cli.shown(journaled.get()) + ", loaded "
                                + "by an operator before the start, not " + Cli.shown(peek.recipe()) + ": it is "
                                + "taken up");
                        overrides = new RunConfig.Overrides(journaled, overrides.reportDir(), overrides.speed(),
                                overrides.auditDir());
                        peek = RunConfig.load(configFile, 0.1, System.getenv(), overrides);
                    }
                }
                loaded = Cli.loadRecipe(peek.recipe(), err);
                if (loaded == null) {
                    return Cli.INVALID_INPUT;
                }
                profile = loaded.profile();
                config = RunConfig.load(configFile, profile.scanPeriodS(), System.getenv(), overrides);
            } catch (IllegalArgumentException | NoSuchFileException e) {
                err.println("configuration " + Cli.shown(configFile) + ": " + e.getMessage());
                return Cli.INVALID_INPUT;
            }
            JournalDecision decision;
            long readingNanos = System.nanoTime();
            try {
                decision = journalDecision(config, profile, discardJournal, err);
            } catch (RunJournal.Unreadable e) {
                err.println("not started: " + e.getMessage() + ". It is not guessed at: move it aside for the "
                        + "investigation, or discard it with --discard-journal REASON (audited), and start again.");
                return Cli.INVALID_INPUT;
            }
            if (decision == null) {
                return Cli.INVALID_INPUT;
            }
            if (waitForStart && !config.api().enabled()) {
                err.println("configuration " + Cli.shown(configFile) + ": --wait-for-start needs the northbound API "
                        + "(an api: section), or nobody could start the run");
                return Cli.INVALID_INPUT;
            }
            if (decision instanceof JournalDecision.Resume resume) {
                LOG.info("run journal {} read and checked in {} ms", resume.journaled().file(),
                        (System.nanoTime() - readingNanos) / 1_000_000);
            }
            RunSummary summary;
            LiveRun started;
            try {
                started = LiveRun.start(config, profile, loaded.recipe(), statusEvery, decision, !waitForStart);
            } catch (RunAudit.Unavailable e) {
                err.println("not started: " + e.getMessage());
                return Cli.INVALID_INPUT;
            }
            try (LiveRun run = started) {
                try {
                    while (!run.awaitEnd(Duration.ofSeconds(1))) {
                        // keeps waiting until the recipe ends; Ctrl-C interrupts
                    }
                } catch (InterruptedException e) {
                    err.println("stopping on request at furnace time "
                            + String.format(Locale.ROOT, "%.2f h", run.furnaceSeconds() / 3600));
                }
                summary = run.finish();
            }
            Thread.interrupted(); // acted upon above; the report must still be written
            if (started.resumed()) {
                err.println("the run was taken up again from its journal: this report covers the run from the restart"
                        + " on; the part before is in the run history beside it");
            }
            Optional<Path> written = started.writeReport(summary, config.reportDir());
            if (written.isPresent()) {
                Cli.printSummary(spec.commandLine().getOut(), summary, written.get());
            } else {
                err.println("no report: the run was never started");
            }
            return summary.completed() ? 0 : Cli.NOT_COMPLETED;
        }
    }
}
