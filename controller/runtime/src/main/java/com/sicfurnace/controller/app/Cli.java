package com.sicfurnace.controller.app;

import com.sicfurnace.controller.recipe.language.RecipeException;
import com.sicfurnace.controller.recipe.language.RecipeFiles;
import com.sicfurnace.controller.report.ReportFiles;
import com.sicfurnace.controller.report.RunSummary;
import com.sicfurnace.controller.report.StepSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/**
 * What the controller's command lines share: how a command ends, and how a run's summary is printed. Exit codes:
 * 0 the run completed, 1 it did not, 2 the input was invalid (or the run could not start: no audit trail).
 */
public final class Cli {
    public static final int NOT_COMPLETED = 1;
    public static final int INVALID_INPUT = 2;
    /** How long Ctrl-C waits for a run to end its loop and write its report. */
    private static final long SHUTDOWN_WAIT_MS = 10_000;
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int STOPPING = 2;

    private Cli() {
    }

    /**
     * Runs the command and exits with its code. Ctrl-C (or SIGTERM) interrupts the command, so that a run ends its
     * loop and writes its report, and lets the JVM go down when it has; a command that has finished exits at once.
     * Exactly one of the two wins: the command finishing or the signal arriving.
     */
    public static void main(CommandLine commandLine, String[] args) {
        Thread main = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (state.compareAndSet(RUNNING, STOPPING)) {
                main.interrupt();
                try {
                    main.join(SHUTDOWN_WAIT_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "shutdown"));
        int exit = commandLine.execute(args);
        // during a shutdown System.exit would wait for the hook, which waits for this thread: just return then
        if (state.compareAndSet(RUNNING, FINISHED)) {
            System.exit(exit);
        }
    }

    /** Loads a recipe with its furnace profile, or says on {@code err} why not (naming the file) and returns null. */
    public static RecipeFiles.Loaded loadRecipe(Path recipeFile, PrintWriter err) {
        try {
            return RecipeFiles.load(recipeFile);
        } catch (RecipeException e) {
            err.println("recipe " + shown(recipeFile) + " cannot run:");
            err.println(e.getMessage());
            return null;
        }
    }

    /** A path as the user reads it best: without {@code ..} and {@code .} segments. */
    public static Path shown(Path path) {
        return path.normalize();
    }

    public static void printSummary(PrintWriter out, RunSummary s, Path reportDir) {
        out.printf(Locale.ROOT, "%s on %s: %s after %.1f furnace hours in %.1f s; boule %s mm; %d interlock trips, "
                        + "%d alarms%n", s.recipe(), s.furnace(), s.finalState(), s.furnaceHours(), s.wallSeconds(),
                s.bouleLengthMm() == null ? "-" : String.format(Locale.ROOT, "%.1f", s.bouleLengthMm()),
                s.interlockTrips(), s.alarms().size());
        for (StepSummary step : s.steps()) {
            out.printf(Locale.ROOT, "  %-18s %-10s %7.2f h  seed p99 %s K  pressure p99 %s %%  holdback %.2f h%n",
                    step.name(), step.type(), step.durationH(), figure(step.temperatureErrorP99K()),
                    figure(step.pressureErrorP99Pct()), step.holdbackHours());
        }
        Path shown = shown(reportDir);
        out.println("report: " + shown.resolve(ReportFiles.SUMMARY) + ", "
                + shown.resolve(ReportFiles.TREND));
    }

    private static String figure(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
