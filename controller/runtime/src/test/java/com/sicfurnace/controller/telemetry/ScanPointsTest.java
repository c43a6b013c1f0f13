package com.sicfurnace.controller.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.controller.profile.FurnaceProfile;
import com.sicfurnace.controller.profiles.ProfileLoader;
import com.sicfurnace.controller.recipe.language.RecipeLoader;
import com.sicfurnace.controller.scan.CoreRig;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.snapshot.CatalogueItem;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import com.sicfurnace.iolist.IoList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Telemetry points from real snapshots of the core, scanning a healthy furnace that waits for its recipe. */
class ScanPointsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final Catalogue catalogue = Catalogue.of(IoList.fromClasspath().forFurnace("6inch"));
    private final CoreRig rig;

    ScanPointsTest() {
        FurnaceProfile profile = ProfileLoader.shipped("6inch", FurnaceProfile.class);
        rig = new CoreRig("6inch",
                RecipeLoader.load(Path.of("..", "..", "docs", "recipes", "smoke.yaml"), profile.recipeLimits()));
    }

    private ScanPoints points(Decimation decimation) {
        return new ScanPoints(TelemetryFields.standard(catalogue), decimation, new RunTags("6inch", "run-42",
                "smoke test, v2"));
    }

    private ScanSnapshot scanAt(double s) {
        return rig.scanAt(T0.plusNanos(Math.round(s * 1e9)));
    }

    private static String line(List<String> lines, String measurement) {
        return lines.stream().filter(l -> l.startsWith(measurement + ",")).findFirst().orElse("");
    }

    @Test
    void theFirstScanCarriesEverySignalInItsSubsystemWithTagsAndNanosecondTime() {
        List<String> lines = points(Decimation.everyScan()).lines(scanAt(0.1));
        for (CatalogueItem item : catalogue.items()) {
            if (item.signal().isEmpty()) {
                continue;
            }
            String line = line(lines, item.group());
            assertTrue(line.contains(" " + item.name() + "=") || line.contains("," + item.name() + "="),
                    item.name() + " in " + item.group() + ": " + line);
        }
        String heating = line(lines, "heating");
        assertTrue(heating.startsWith("heating,furnace=6inch,recipe=smoke\\ test\\,\\ v2,run_id=run-42 "), heating);
        assertTrue(heating.endsWith(" " + (T0.getEpochSecond() * 1_000_000_000L + 100_000_000L)), heating);
        assertTrue(line(lines, "run").contains("state=\"ready\""), line(lines, "run"));
        assertTrue(line(lines, "run").contains("step_number=0i"), "counts as integers: " + line(lines, "run"));
        assertTrue(heating.contains("heater_enable=false"), "booleans as booleans: " + heating);
        assertTrue(line(lines, "system").contains("controller_heartbeat=0i"), "counters as integers");
        assertFalse(line(lines, "control").contains("seed_sp_c="), "no setpoint yet, nothing written: "
                + line(lines, "control"));
    }

    @Test
    void analogValuesFollowTheirPeriodAndStatesGoOutOnChangeAndOnRefresh() {
        ScanPoints points = points(new Decimation(1.0, 5.0, Map.of("pyro_top_c", 0.0)));
        int pyroTop = 0;
        int pyroBottom = 0;
        int lidClosed = 0;
        for (int scanNo = 0; scanNo < 100; scanNo++) { // 10 s of 100 ms scans
            if (scanNo == 33) {
                rig.in.update(Signal.LID_CLOSED, 0.0, Quality.GOOD);
            }
            List<String> lines = points.lines(scanAt(scanNo * 0.1));
            String temperature = line(lines, "temperature");
            String safety = line(lines, "safety");
            pyroTop += temperature.contains("pyro_top_c=") ? 1 : 0;
            pyroBottom += temperature.contains("pyro_bottom_c=") ? 1 : 0;
            lidClosed += safety.contains("lid_closed=") ? 1 : 0;
        }
        assertEquals(100, pyroTop, "its own period 0: every scan");
        assertEquals(10, pyroBottom, "the analog period of 1 s");
        // written at the start, at the change (3.3 s) and at the refresh in the next 5 s slot (5.0 s)
        assertEquals(3, lidClosed);
    }

    @Test
    void aPeriodGivesOnePointPerPeriodWhateverTheSpacingOfTheScans() {
        ScanPoints points = points(new Decimation(1.0, 60, Map.of()));
        Random random = new Random(7);
        int written = 0;
        double t = 0;
        while (t < 1000) { // scans 0.05 to 0.65 s apart, as in a sped-up run
            written += line(points.lines(scanAt(t)), "temperature").contains("pyro_bottom_c=") ? 1 : 0;
            t += 0.05 + 0.6 * random.nextDouble();
        }
        assertEquals(1000, written, "one point in each second of the 1000 s");
    }

    @Test
    void selectedValuesAreTakenAtTheScanAndFormattedLater() {
        ScanPoints points = points(Decimation.everyScan());
        rig.in.update(Signal.PYRO_TOP_C, 2100.5, Quality.GOOD);
        ScanLines selected = points.select(scanAt(0));
        rig.in.update(Signal.PYRO_TOP_C, 2200.25, Quality.GOOD);
        scanAt(0.1); // the next scan, before the writer formats
        String temperature = line(selected.lines(), "temperature");
        assertTrue(temperature.contains("pyro_top_c=2100.5"), temperature);
        assertEquals(selected.count(), selected.lines().size(), "count known before formatting");
    }

    @Test
    void aStaleInputHasNoValueButItsQualitySaysStale() {
        ScanPoints points = points(Decimation.everyScan());
        points.lines(scanAt(0));
        rig.in.markStale(Signal.PYRO_TOP_C);
        String temperature = line(points.lines(scanAt(0.1)), "temperature");
        assertFalse(temperature.contains("pyro_top_c="), temperature);
        assertTrue(temperature.contains("pyro_top_c_quality=\"stale\""), temperature);
        assertTrue(temperature.contains("pyro_bottom_c="), temperature);
    }

    @Test
    void theSuppliesResistanceIsWrittenOnlyWhileCurrentFlows() {
        ScanPoints points = points(Decimation.everyScan());
        rig.in.update(Signal.PS1_DC_VOLTAGE_V, 400.0, Quality.GOOD);
        rig.in.update(Signal.PS1_DC_CURRENT_A, 0.0, Quality.GOOD);
        assertFalse(line(points.lines(scanAt(0)), "heating").contains("ps1_dc_resistance_ohm="));
        rig.in.update(Signal.PS1_DC_CURRENT_A, 50.0, Quality.GOOD);
        assertTrue(line(points.lines(scanAt(0.1)), "heating").contains("ps1_dc_resistance_ohm=8.0"));
    }

    @Test
    void badDecimationIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Decimation(1.0, 60, Map.of("pyro_top_c", -1.0)));
        assertEquals("the period of field 'pyro_top_c' must be >= 0, not -1.0", e.getMessage());
    }
}
