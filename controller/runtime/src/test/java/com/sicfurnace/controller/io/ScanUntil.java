package com.sicfurnace.controller.io;

import com.sicfurnace.controller.Await;
import com.sicfurnace.controller.scan.FurnaceIo;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Scans an adapter as the scan loop would (hand the outputs over, take the inputs) until a condition holds. */
public final class ScanUntil {
    private ScanUntil() {
    }

    public static void holds(FurnaceIo io, ProcessImage in, OutputImage out, BooleanSupplier condition,
                             Duration timeout, String what) throws InterruptedException {
        Await.until(() -> {
            io.writeOutputs(out);
            io.readInputs(in);
            return condition.getAsBoolean();
        }, timeout, what);
    }

    /** {@code n} scans 10 ms apart, whatever happens in them. */
    public static void scans(FurnaceIo io, ProcessImage in, OutputImage out, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            io.writeOutputs(out);
            io.readInputs(in);
            Thread.sleep(10);
        }
    }
}
