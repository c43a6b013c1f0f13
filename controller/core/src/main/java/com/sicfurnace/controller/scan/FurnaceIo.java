package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.signal.OutputImage;
import com.sicfurnace.controller.signal.ProcessImage;

/**
 * The core's port to the furnace. Adapters (OPC UA, Modbus, the in-process simulator binding) read every input
 * into the process image with its quality and write the outputs; the scan cycle calls both once per scan.
 */
public interface FurnaceIo extends AutoCloseable {
    void readInputs(ProcessImage image);

    void writeOutputs(OutputImage outputs);

    @Override
    void close();
}
