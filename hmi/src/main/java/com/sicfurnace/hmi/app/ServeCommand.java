package com.sicfurnace.hmi.app;

import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Serves the HMI until Ctrl-C or SIGTERM. Exit codes: 0 stopped on request, 1 the server failed (port taken), 2 the
 * configuration or the data directory cannot be used (the message names the file, the key and what is wrong).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HMI as the configuration file says, until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "HMI configuration (YAML)")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        HmiConfig config;
        try {
            config = HmiConfig.load(configFile);
        } catch (NoSuchFileException e) {
            err.println("configuration " + configFile + ": no such file");
            return Main.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("configuration " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        HmiServer server;
        try {
            server = HmiServer.start(config, HmiServer.Options.system());
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("not started: " + e.getMessage());
            return Main.INVALID_INPUT;
        } catch (JavalinBindException e) {
            err.println("not started: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            LOG.error("the HMI did not start", e);
            err.println("not started: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping the HMI");
            server.close();
            stopped.countDown();
        }, "hmi-shutdown"));
        stopped.await();
        return 0;
    }
}
