package com.sicfurnace.controller.io.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sicfurnace.controller.signal.ProcessImage;
import com.sicfurnace.controller.signal.Quality;
import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.DataType;
import com.sicfurnace.iolist.IoList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

class LiveValuesTest {
    private final LiveValues live = new LiveValues(List.of(
            new NodeBinding(Signal.ESTOP_ACTIVE, NodeId.parse("ns=2;s=EStop"), DataType.BOOLEAN),
            new NodeBinding(Signal.PYRO_TOP_C, NodeId.parse("ns=2;s=Top"), DataType.DOUBLE)));
    private final ProcessImage image = new ProcessImage(IoList.fromClasspath().forFurnace("6inch"));

    @Test
    void anInputThatHasNotArrivedIsStaleNotBadWhileTheOthersFlow() {
        live.publish(1, new DataValue(new Variant(1500.0)));
        live.drainInto(image, true);
        assertEquals(Quality.GOOD, image.quality(Signal.PYRO_TOP_C));
        assertEquals(1500.0, image.value(Signal.PYRO_TOP_C));
        assertEquals(Quality.STALE, image.quality(Signal.ESTOP_ACTIVE), "no value yet: not an open e-stop circuit");
        live.publish(0, new DataValue(new Variant(false)));
        live.drainInto(image, true);
        assertEquals(Quality.GOOD, image.quality(Signal.ESTOP_ACTIVE));
        live.drainInto(image, false);
        assertEquals(Quality.STALE, image.quality(Signal.PYRO_TOP_C), "no data flowing");
    }
}
