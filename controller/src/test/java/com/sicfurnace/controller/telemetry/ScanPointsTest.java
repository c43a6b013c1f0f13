package com.sicfurnace.controller.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.app.ProfileLoader;
import com.sicfurnace.controller.core.FurnaceProfile;
import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.core.Quality;
import com.sicfurnace.controller.core.Signal;
import com.sicfurnace.controller.loop.FurnaceController;
import com.sicfurnace.controller.recipe.RecipeLoader;
import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScanPointsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final IoList signals = IoList.fromClasspath().forFurnace("6inch");
    private final ProcessImage in = new ProcessImage(signals);
    private final OutputImage out = new OutputImage();
    private final ScanView scan;

    ScanPointsTest() throws Exception {
        FurnaceProfile profile = ProfileLoader.shipped("6inch");
        FurnaceController controller = new FurnaceController(profile,
                RecipeLoader.load(Path.of("..", "docs", "recipes", "smoke.yaml"), profile.recipeLimits()));
        for (SignalSpec spec : signals.signals()) {
            Signal s = Signal.byIoName(spec.name());
            if (s.isInput()) {
                in.update(s, (spec.minimum() + spec.maximum()) / 2, Quality.GOOD);
            }
        }
        scan = new ScanView(in, out, controller);
    }

    private ScanPoints points(Decimation decimation) {
        return new ScanPoints(TelemetryFields.standard(signals), decimation, new RunTags("6inch", "run-42",
                "smoke test, v2"));
    }

    private static Instant at(double s) {
        return T0.plusNanos(Math.round(s * 1e9));
    }

    private static String line(List<String> lines, String measurement) {
        return lines.stream().filter(l -> l.startsWith(measurement + ",")).findFirst().orElse("");
    }

    @Test
    void theFirstScanCarriesEverySignalInItsSubsystemWithTagsAndNanosecondTime() {
        List<String> lines = points(Decimation.everyScan()).lines(scan, at(0.1));
        for (SignalSpec spec : signals.signals()) {
            String line = line(lines, TelemetryFields.subsystem(spec));
            assertTrue(line.contains(" " + spec.name() + "=") || line.contains("," + spec.name() + "="),
                    spec.name() + " in " + TelemetryFields.subsystem(spec) + ": " + line);
        }
        String heating = line(lines, "heating");
        assertTrue(heating.startsWith("heating,furnace=6inch,recipe=smoke\\ test\\,\\ v2,run_id=run-42 "), heating);
        assertTrue(heating.endsWith(" " + (T0.getEpochSecond() * 1_000_000_000L + 100_000_000L)), heating);
        assertTrue(line(lines, "run").contains("state=\"ready\""), line(lines, "run"));
        assertTrue(heating.contains("heater_enable=false"), "booleans as booleans: " + heating);
        assertTrue(line(lines, "system").contains("controller_heartbeat=0i"), "counters as integers");
    }

    @Test
    void analogValuesFollowTheirPeriodAndStatesGoOutOnChangeAndOnRefresh() {
        ScanPoints points = points(new Decimation(1.0, 5.0, Map.of("pyro_top_c", 0.0)));
        int pyroTop = 0;
        int pyroBottom = 0;
        int heaterEnable = 0;
        for (int scanNo = 0; scanNo < 100; scanNo++) { // 10 s of 100 ms scans
            if (scanNo == 33) {
                out.set(Signal.HEATER_ENABLE, true);
            }
            List<String> lines = points.lines(scan, at(scanNo * 0.1));
            String temperature = line(lines, "temperature");
            String heating = line(lines, "heating");
            pyroTop += temperature.contains("pyro_top_c=") ? 1 : 0;
            pyroBottom += temperature.contains("pyro_bottom_c=") ? 1 : 0;
            heaterEnable += heating.contains("heater_enable=") ? 1 : 0;
        }
        assertEquals(100, pyroTop, "its own period 0: every scan");
        assertEquals(10, pyroBottom, "the analog period of 1 s");
        // written at the start, at the change (3.3 s) and at the refresh in the next 5 s slot (5.0 s)
        assertEquals(3, heaterEnable);
    }

    @Test
    void aPeriodGivesOnePointPerPeriodWhateverTheSpacingOfTheScans() {
        ScanPoints points = points(new Decimation(1.0, 60, Map.of()));
        Random random = new Random(7);
        int written = 0;
        double t = 0;
        while (t < 1000) { // scans 0.05 to 0.65 s apart, as in a sped-up run
            written += line(points.lines(scan, at(t)), "temperature").contains("pyro_bottom_c=") ? 1 : 0;
            t += 0.05 + 0.6 * random.nextDouble();
        }
        assertEquals(1000, written, "one point in each second of the 1000 s");
    }

    @Test
    void selectedValuesAreTakenAtTheScanAndFormattedLater() {
        ScanPoints points = points(Decimation.everyScan());
        in.update(Signal.PYRO_TOP_C, 2100.5, Quality.GOOD);
        ScanLines selected = points.select(scan, at(0));
        in.update(Signal.PYRO_TOP_C, 2200.25, Quality.GOOD); // the next scan's value, before the writer formats
        String temperature = line(selected.lines(), "temperature");
        assertTrue(temperature.contains("pyro_top_c=2100.5"), temperature);
        assertEquals(selected.count(), selected.lines().size(), "count known before formatting");
    }

    @Test
    void aStaleInputHasNoValueButItsQualitySaysStale() {
        ScanPoints points = points(Decimation.everyScan());
        points.lines(scan, at(0));
        in.markStale(Signal.PYRO_TOP_C);
        String temperature = line(points.lines(scan, at(0.1)), "temperature");
        assertFalse(temperature.contains("pyro_top_c="), temperature);
        assertTrue(temperature.contains("pyro_top_c_quality=\"stale\""), temperature);
        assertTrue(temperature.contains("pyro_bottom_c="), temperature);
    }

    @Test
    void badDecimationIsRefusedNamingTheSetting() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Decimation(1.0, 60, Map.of("pyro_top_c", -1.0)));
        assertEquals("the period of field 'pyro_top_c' must be >= 0, not -1.0", e.getMessage());
    }
}
