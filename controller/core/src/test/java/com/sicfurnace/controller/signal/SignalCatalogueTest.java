package com.sicfurnace.controller.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.iolist.IoList;
import com.sicfurnace.iolist.SignalSpec;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The controller reads and writes exactly the signals of docs/io-list.csv, in the same direction and unit. */
class SignalCatalogueTest {
    private final IoList list = IoList.fromClasspath();

    @Test
    void catalogueEqualsTheIoList() {
        Set<String> known = Arrays.stream(Signal.values()).map(Signal::ioName).collect(Collectors.toSet());
        assertEquals(list.names(), known);
    }

    @Test
    void directionsAndUnitsAgree() {
        for (SignalSpec spec : list.signals()) {
            Signal signal = Signal.byIoName(spec.name());
            assertEquals(spec.direction(), signal.direction(), spec.name());
            assertEquals(spec.unit(), signal.unit(), spec.name());
        }
    }

    @Test
    void processImageKnowsTheRangesAndVariants() {
        ProcessImage six = new ProcessImage(list.forFurnace("6inch"));
        assertTrue(six.present(Signal.COIL_POSITION_MM));
        assertTrue(!six.present(Signal.PS2_POWER_KW));
        six.update(Signal.PYRO_TOP_C, 1000.0, Quality.GOOD);
        assertEquals(Quality.LIMIT_LOW, six.quality(Signal.PYRO_TOP_C), "a pyrometer at its floor is below range");
        six.update(Signal.PYRO_TOP_C, 2350.0, Quality.GOOD);
        assertEquals(Quality.GOOD, six.quality(Signal.PYRO_TOP_C));
        six.update(Signal.PYRO_TOP_C, 2350.0, Quality.BAD);
        assertEquals(Quality.BAD, six.quality(Signal.PYRO_TOP_C));
        six.update(Signal.LID_CLOSED, 0.0, Quality.GOOD);
        assertEquals(Quality.GOOD, six.quality(Signal.LID_CLOSED), "booleans have no range to fall out of");
    }

    @Test
    void unknownNameIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Signal.byIoName("pyro_middle_c"));
        assertEquals("unknown signal 'pyro_middle_c': the controller has no such signal", e.getMessage());
    }
}
