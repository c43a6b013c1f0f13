package com.sicfurnace.controller.scan;

import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.List;

/**
 * The core's port to its readers: after every scan the scan cycle hands over the scan's snapshot and the events
 * of the scan and the commands before it, on the scan's thread. The adapter behind it makes them available to any
 * number of readers on any thread; it must return quickly.
 */
@FunctionalInterface
public interface ScanPublisher {
    void publish(ScanSnapshot snapshot, List<FurnaceEvent> events);
}
