package com.sicfurnace.controller.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A built jar run in its own JVM, as an operator runs it; its output goes to a file. */
final class JarProcess implements AutoCloseable {
    private static final int KILLED_BY_SIGKILL = 128 + 9;
    private final Process process;
    private final Path output;
    private final long startedNanos = System.nanoTime();

    private JarProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static JarProcess start(Path jar, Path output, List<String> args) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: the end-to-end tests run after the package phase");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", jar.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new JarProcess(process, output);
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> outputLines() throws IOException {
        return Files.exists(output) ? Files.readAllLines(output) : List.of();
    }

    /** SIGKILL: no shutdown hook, no last write; fails unless the process died of it. */
    void killHard() throws IOException, InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != KILLED_BY_SIGKILL) {
            throw new AssertionError("not killed by SIGKILL: " + String.join("\n", outputLines()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
