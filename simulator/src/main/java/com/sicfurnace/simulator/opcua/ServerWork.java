package com.sicfurnace.simulator.opcua;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.slf4j.LoggerFactory;

/**
 * One PLC server's own worker pool, in place of Milo's JVM-wide {@link Stack#sharedExecutor()}: Milo runs every
 * service request of the server on it, and the server's session-listener queue (each session's diagnostics nodes
 * are built and deleted there). It counts the tasks submitted and not yet finished, so that the server can wait
 * until it has done all the work its clients gave it. A task submits the tasks it causes before it finishes (Milo's
 * task queue runs queued tasks inline or submits the next one), so once no new work comes in from outside (no
 * connection left to read a request from, no session left whose timers fire) an idle pool stays idle.
 */
final class ServerWork extends ThreadPoolExecutor {
    private final Object lock = new Object();
    private int outstanding;

    ServerWork(String name) {
        // sized like Milo's shared pool: a thread per concurrent task, kept a while for the next request
        super(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemonThreads(name));
    }

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            outstanding++;
        }
        try {
            super.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    // as Milo's shared pool does: logged by the stack, and the thread lives on
                    LoggerFactory.getLogger(Stack.class).error("Uncaught Throwable on the PLC server's executor", t);
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException e) {
            finished();
            throw e;
        }
    }

    /** Waits until no submitted task is still queued or running; false if that took longer than the timeout. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (outstanding > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    int outstanding() {
        synchronized (lock) {
            return outstanding;
        }
    }

    private void finished() {
        synchronized (lock) {
            if (--outstanding == 0) {
                lock.notifyAll();
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + number.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
