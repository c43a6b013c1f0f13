package com.sicfurnace.controller.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trend written by {@link ReportFiles} reads back as written, and decimates to min, max and last per bucket. */
class TrendFileTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenTrendReadsBackAndDecimatesToLeastGreatestAndLast() throws Exception {
        List<TrendRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new TrendRow(i / 60.0, i < 5 ? "heat, \"fast\"" : "soak", "running",
                    new double[] {i % 3 == 0 ? 100 + i : 200 - i, i == 7 ? Double.NaN : i}));
        }
        ReportFiles.write(dir, null, List.of("a_c", "b_mbar"), rows);
        TrendFile trend = TrendFile.read(dir.resolve(ReportFiles.TREND));
        assertEquals(List.of("a_c", "b_mbar"), trend.columns());
        assertEquals(10, trend.rows());
        assertEquals("heat, \"fast\"", trend.step()[0], "a quoted step name with a comma");
        assertTrue(Double.isNaN(trend.values()[1][7]), "an empty field is no value");

        TrendFile.Decimated d = trend.decimate(3);
        assertEquals(4, d.rowsPerBucket());
        assertArrayEquals(new double[] {0, 4 / 60.0, 8 / 60.0}, d.timeH(), 1e-4);
        // a: 100 199 198 103 | 196 195 106 193 | 192 109
        assertArrayEquals(new double[] {100, 106, 109}, d.min()[0], 1e-9);
        assertArrayEquals(new double[] {199, 196, 192}, d.max()[0], 1e-9);
        assertArrayEquals(new double[] {103, 193, 109}, d.last()[0], 1e-9);
        assertArrayEquals(new double[] {3, 6, 9}, d.last()[1], 1e-9, "the last value there is: row 7 has none");
        assertEquals(10, trend.decimate(50).timeH().length, "a width beyond the rows keeps them");
    }
}
