package com.sicfurnace.controller.runtime;

import com.sicfurnace.controller.event.FurnaceEvent;
import com.sicfurnace.controller.scan.ScanPublisher;
import com.sicfurnace.controller.snapshot.ScanSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the core publishes, for its readers: the latest snapshot (one volatile write per scan, read from any
 * thread) and the event stream. Readers that need every scan (the run report, telemetry) register a
 * {@link ScanListener}, called on the scan thread right after the scan: they must be quick.
 */
public final class ScanFeed implements ScanPublisher {
    /** Events kept for readers that lag: about a week of a busy run's events. */
    private static final int EVENTS_KEPT = 1 << 16;

    private final EventStream events = new EventStream(EVENTS_KEPT);
    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ScanSnapshot latest;

    /** Sees every scan's snapshot, on the scan thread. */
    @FunctionalInterface
    public interface ScanListener {
        void onScan(ScanSnapshot snapshot);
    }

    /** Registers a listener; listeners are called in the order they were added. */
    public void listen(ScanListener listener) {
        listeners.add(listener);
    }

    @Override
    public void publish(ScanSnapshot snapshot, List<FurnaceEvent> scanEvents) {
        events.append(scanEvents);
        latest = snapshot;
        for (ScanListener listener : listeners) {
            listener.onScan(snapshot);
        }
    }

    /** The snapshot of the last scan; empty before the first. */
    public Optional<ScanSnapshot> latest() {
        return Optional.ofNullable(latest);
    }

    public EventStream events() {
        return events;
    }
}
