package com.sicfurnace.hmi.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The HMI's command line: {@code java -jar hmi.jar serve --config FILE}. */
@Command(name = "hmi", mixinStandardHelpOptions = true, subcommands = ServeCommand.class,
        description = "The web HMI of the SiC furnace controllers: users, roles, sessions, and (later) the screens.")
public final class Main {
    /** The configuration or the data directory cannot be used. */
    public static final int INVALID_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its exit codes: 2 for bad usage as for a bad configuration. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        // bad usage (an unknown option, a missing --config) is invalid input too: exit 2 as for a bad file
        commandLine.setExitCodeExceptionMapper(e -> INVALID_INPUT);
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return INVALID_INPUT;
        });
        return commandLine;
    }
}
