package com.sicfurnace.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test class path run in its own JVM: for tests that kill -9 a writer, stop a run as Ctrl-C
 * would, or time how long a command takes to exit.
 */
public final class ChildJvm implements AutoCloseable {
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code main} with a small heap; its standard output and error go to {@code output}. */
    public static ChildJvm start(Class<?> main, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildJvm(process, output);
    }

    /** SIGTERM, as Ctrl-C or a service manager would stop it: the JVM runs its shutdown hooks. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the child to end by itself and returns its exit status; fails if it has not within the time. */
    public int awaitExit(Duration timeout) throws IOException, InterruptedException {
        assertTrue(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS), "still running after "
                + timeout.toSeconds() + " s: " + String.join("\n", outputLines()));
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> outputLines() throws IOException {
        return Files.exists(output) ? Files.readAllLines(output) : List.of();
    }

    /** SIGKILL, and asserts that the child died of it rather than ended by itself. */
    public void killHard() throws IOException, InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the child did not die: " + output);
        assertEquals(KILLED_BY_SIGKILL, process.exitValue(), "killed by SIGKILL, not ended by itself: "
                + String.join("\n", outputLines()));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
