package com.sicfurnace.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.hmi.app.HmiConfig;
import com.sicfurnace.hmi.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HmiConfigTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyFileTakesEveryDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("hmi.yaml"), "");
        HmiConfig config = HmiConfig.load(file);
        assertEquals("127.0.0.1", config.bind());
        assertEquals(8080, config.effectivePort());
        assertEquals(dir.resolve("var/hmi"), config.dataDir(), "relative to the file");
        assertEquals(Duration.ofMinutes(15), config.idleTimeout());
        assertEquals(Duration.ofHours(12), config.maxAge());
        assertEquals(Optional.empty(), config.tls().keystore());
        assertTrue(config.controllers().isEmpty());
    }

    @Test
    void everyKeyIsRead() throws Exception {
        Path token = Files.writeString(dir.resolve("f07.token"), "secret-token\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        Path file = Files.writeString(dir.resolve("hmi.yaml"), """
                bind: 127.0.0.1
                port: 9000
                data_dir: data
                session:
                  idle_timeout_min: 5
                  max_age_h: 8
                controllers:
                  - name: f07
                    url: http://127.0.0.1:9480
                    token_file: f07.token
                  - {name: f08, url: "https://furnace-08.plant:9480", token_file: f07.token}
                """);
        HmiConfig config = HmiConfig.load(file);
        assertEquals(9000, config.effectivePort());
        assertEquals(dir.resolve("data"), config.dataDir());
        assertEquals(Duration.ofMinutes(5), config.idleTimeout());
        assertEquals(Duration.ofHours(8), config.maxAge());
        assertEquals(2, config.controllers().size());
        assertEquals(new HmiConfig.ControllerLink("f07", URI.create("http://127.0.0.1:9480"), token),
                config.controllers().get(0));
    }

    @Test
    void badKeysAndValuesAreRefusedNamingFileKeyAndProblem() throws Exception {
        refused("bnd: 127.0.0.1\n", "bnd: unknown key; known here: bind, controllers, data_dir, port, session, tls");
        refused("session:\n  idle_timeout: 5\n", "session.idle_timeout: unknown key; known here: "
                + "idle_timeout_min, max_age_h");
        refused("session:\n  idle_timeout_min: 0\n", "session.idle_timeout_min: must be a whole number of minutes "
                + "from 1 to 1440, not 0");
        refused("session:\n  idle_timeout_min: 60\n  max_age_h: 0.5\n", "session.max_age_h: must not be shorter "
                + "than session.idle_timeout_min (60 min)");
        refused("port: eighty\n", "port: must be a whole number from 0 to 65535, not \"eighty\"");
        refused("port: 70000\n", "port: must be a whole number from 0 to 65535, not 70000");
        refused("tls:\n  keystore: none.p12\n", "tls.keystore_password_file: is required with tls.keystore");
        refused("tls: yes please\n", "tls: must be a mapping");
        refused("controllers:\n  - {name: f07, url: 'http://10.1.2.3:9480', token_file: t}\n",
                "controllers[0].url: 'http://10.1.2.3:9480' must be https: beyond loopback a controller's API "
                        + "requires TLS");
        refused("controllers:\n  - {name: f07, url: 'http://127.0.0.1:9480', token_file: missing.token}\n",
                "controllers[0].token_file: secret file " + dir.resolve("missing.token") + " does not exist");
        refused("controllers:\n  - {name: f07, url: 'http://127.0.0.1:9480', token: x}\n",
                "controllers[0].token: unknown key; known here: name, token_file, url");
        refused("port: 1\nport: 2\n", "not a valid YAML file: Duplicate field 'port'");
        refused("- just\n- a list\n", "an HMI configuration is a YAML mapping of keys to values");
    }

    @Test
    void theCommandLineExitsWith2AndNamesFileAndKey() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "session:\n  max_age: 3\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("serve", "--config", file.toString());
        assertEquals(2, exit);
        assertEquals("configuration " + file + ": session.max_age: unknown key; known here: idle_timeout_min, "
                + "max_age_h", err.toString().strip());

        StringWriter err2 = new StringWriter();
        CommandLine cli2 = Main.commandLine();
        cli2.setErr(new PrintWriter(err2));
        assertEquals(2, cli2.execute("serve", "--config", dir.resolve("none.yaml").toString()));
        assertTrue(err2.toString().contains("none.yaml: no such file"), err2.toString());
        assertEquals(2, Main.commandLine().execute("serve"), "--config is required");
    }

    private void refused(String yaml, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("hmi.yaml"), yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HmiConfig.load(file), yaml);
        assertTrue(e.getMessage().startsWith(file + ": " + expected), "for\n" + yaml + "got: " + e.getMessage());
    }
}
