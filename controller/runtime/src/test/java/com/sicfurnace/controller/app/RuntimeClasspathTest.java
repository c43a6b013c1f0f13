package com.sicfurnace.controller.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The production controller's runtime classpath (what the jar's manifest lists, as the build wrote it to
 * target/runtime-classpath.txt): no simulator class, no OPC UA server, no fault-injection API. Virtual-time runs,
 * which need them, are the controller-virtual artifact's.
 */
class RuntimeClasspathTest {
    private static final Path LISTING = Path.of("target", "runtime-classpath.txt");
    /** Packages that only a simulated furnace has; their classes must not be loadable by the controller. */
    private static final List<String> FORBIDDEN = List.of("com/sicfurnace/simulator/", "org/eclipse/milo/opcua/sdk/server/",
            "com/sicfurnace/controller/virtual/", "com/sicfurnace/controller/io/inprocess/");

    private static List<Path> classpath() throws IOException {
        String listed = Files.readString(LISTING).trim();
        return Arrays.stream(listed.split(java.io.File.pathSeparator)).map(Path::of).toList();
    }

    @Test
    void theRuntimeClasspathHoldsTheClientsButNeitherTheSimulatorNorAnOpcUaServer() throws IOException {
        List<Path> jars = classpath();
        List<String> names = jars.stream().map(p -> p.getFileName().toString()).toList();
        for (String needed : List.of("controller-core", "recipe-language", "iolist", "milo-sdk-client", "j2mod",
                "influxdb-client-java", "micrometer-registry-prometheus")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(needed)), needed + " on " + names);
        }
        for (String banned : Set.of("simulator", "milo-sdk-server", "controller-virtual")) {
            assertFalse(names.stream().anyMatch(n -> n.startsWith(banned)), banned + " on the runtime classpath");
        }
    }

    @Test
    void noJarOnItCarriesASimulatorOrServerClass() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path entry : classpath()) {
            if (Files.isDirectory(entry)) {
                try (var files = Files.walk(entry)) {
                    files.map(f -> entry.relativize(f).toString().replace('\\', '/')).filter(RuntimeClasspathTest::forbidden)
                            .forEach(f -> found.add(entry + "!" + f));
                }
                continue;
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                jar.stream().map(JarEntry::getName).filter(RuntimeClasspathTest::forbidden)
                        .forEach(f -> found.add(entry.getFileName() + "!" + f));
            }
        }
        assertTrue(found.isEmpty(), "forbidden classes on the runtime classpath: " + found);
        assertTrue(classpath().size() > 10, "the listing is real: " + classpath());
    }

    @Test
    void theControllerItselfHasNoVirtualRunOrSimulatorBinding() throws IOException {
        Path classes = Path.of("target", "classes");
        try (var files = Files.walk(classes)) {
            List<String> forbidden = files.map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .filter(RuntimeClasspathTest::forbidden).toList();
            assertTrue(forbidden.isEmpty(), forbidden.toString());
        }
    }

    private static boolean forbidden(String entry) {
        return entry.endsWith(".class") && FORBIDDEN.stream().anyMatch(entry::startsWith);
    }
}
