package com.sicfurnace.controller.telemetry;

import com.sicfurnace.controller.core.OutputImage;
import com.sicfurnace.controller.core.ProcessImage;
import com.sicfurnace.controller.loop.FurnaceController;

/** What one scan saw and did: its inputs, its outputs and the controller's state after it. */
public record ScanView(ProcessImage in, OutputImage out, FurnaceController controller) {
}
