package com.sicfurnace.controller.io;

import com.sicfurnace.controller.scan.FurnaceIo;
import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;
import java.util.List;

/** The furnace as several adapters together (the PLC over OPC UA, the field devices over Modbus). */
public final class CompositeFurnaceIo implements FurnaceIo {
    private final List<FurnaceIo> parts;

    public CompositeFurnaceIo(List<FurnaceIo> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public void readInputs(ProcessImage image) {
        for (FurnaceIo part : parts) {
            part.readInputs(image);
        }
    }

    @Override
    public void writeOutputs(OutputImage outputs) {
        for (FurnaceIo part : parts) {
            part.writeOutputs(outputs);
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (FurnaceIo part : parts) {
            try {
                part.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
