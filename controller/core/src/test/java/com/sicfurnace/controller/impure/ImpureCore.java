package com.sicfurnace.controller.impure;

import com.sicfurnace.controller.impurecycle.Other;
import com.sicfurnace.iolist.IoList;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assertions;

/**
 * Everything the core must not do, in one class (and a package cycle with {@link Other}), for the purity rules'
 * own test to catch. Never run.
 */
public final class ImpureCore {
    private ImpureCore() {
    }

    static Object everythingForbidden() throws IOException {
        Instant now = Instant.now();
        long millis = System.currentTimeMillis() + System.nanoTime();
        String home = System.getenv("HOME") + System.getenv() + System.getProperty("user.home");
        Clock clock = Clock.systemUTC();
        new Thread(() -> { }).start();
        Executors.newSingleThreadExecutor().shutdown();
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(1);
        }
        byte[] bytes = Files.readAllBytes(Path.of(home));
        IoList list = IoList.fromClasspath();
        if (millis < 0) {
            System.exit(1);
        }
        Assertions.assertNotNull(list);
        return new Object[] {now, clock, bytes, new Random(), Other.BACK};
    }
}
