package com.sicfurnace.controller.app;

import com.sicfurnace.controller.audit.AuditVerifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code controller audit}: the audit trail's commands. Without a subcommand it is a usage error (exit 2). */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditCommand.VerifyCommand.class,
        description = "The audit trail of the controller's actions.")
final class AuditCommand {
    /** Exit code of a trail that does not verify. */
    static final int NOT_INTACT = 1;

    private AuditCommand() {
    }

    /**
     * {@code controller audit verify DIR}: exit 0 for an intact trail (printing the record count and the head), 1 for
     * one with a record altered, removed, inserted or torn (naming the first bad one) or without the heads given by
     * {@code --expect-head}, 2 for bad usage (no such directory).
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify an audit trail directory: every record's hash, seq without gaps, prev links. "
                    + "Exit 0 intact, 1 not intact (the first bad record is named), 2 bad usage.")
    static final class VerifyCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "the audit trail directory")
        Path dir;

        @Option(names = "--expect-head", paramLabel = "HASH",
                description = "a head hash kept elsewhere (summary.json's audit.head_hash, the telemetry's "
                        + "audit.head_hash) that must be a record of the trail; may be repeated")
        List<String> expectedHeads = List.of();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isDirectory(dir)) {
                spec.commandLine().getErr().println("audit trail " + Cli.shown(dir) + ": no such directory");
                return Cli.INVALID_INPUT;
            }
            AuditVerifier.Result result = AuditVerifier.verify(dir, expectedHeads);
            result.notes().forEach(note -> out.println("note: " + note));
            if (result.problem().isPresent()) {
                out.println("NOT INTACT: " + result.problem().get());
                out.println("the " + result.records() + " records before it verify; their head: seq "
                        + result.head().seq() + " " + result.head().hash());
                return NOT_INTACT;
            }
            for (String missing : result.missingHeads()) {
                out.println("NOT INTACT: head " + missing + " kept elsewhere is no record of this trail: it was "
                        + "rewritten or cut back");
            }
            if (!result.missingHeads().isEmpty()) {
                return NOT_INTACT;
            }
            out.println("intact: " + result.records() + " records in " + result.files() + " files; head seq "
                    + result.head().seq() + " " + result.head().hash());
            return 0;
        }
    }
}
