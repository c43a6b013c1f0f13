package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.net.AbstractModbusListener;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accept loop ({@link #run()}) and the connections it serves, one handler thread each from a bounded pool.
 * Extends j2mod's listener only so that j2mod's read requests find the unit images through
 * {@link #getProcessImage}; j2mod's own TCP listener and slave registry are not used (see
 * {@link ModbusDeviceServer}).
 */
final class DeviceListener extends AbstractModbusListener {
    private static final Logger log = LoggerFactory.getLogger(DeviceListener.class);
    private static final long ACCEPT_RETRY_MILLIS = 100;

    private final ServerSocket serverSocket;
    private final InetSocketAddress localAddress;
    private final Map<Integer, UnitImage> images;
    private final RequestHandler handler;
    private final IntFunction<UnitMode> modes;
    private final ModbusServerOptions options;
    private final ThreadPoolExecutor pool;
    private final Queue<Thread> handlerThreads = new ConcurrentLinkedQueue<>();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    DeviceListener(InetAddress bind, int port, Map<Integer, UnitImage> images, IntFunction<UnitMode> modes,
                   ModbusServerOptions options) throws IOException {
        setAddress(bind);
        setPort(port);
        setTimeout(options.idleTimeoutMillis());
        setThreadName("modbus-" + port + "-accept");
        this.images = Map.copyOf(images);
        this.handler = new RequestHandler(this.images, this);
        this.modes = modes;
        this.options = options;
        this.serverSocket = bind(bind, port);
        this.localAddress = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        // No queue: a connection beyond the limit is refused at once rather than served late with stale requests.
        this.pool = new ThreadPoolExecutor(options.maxConnections(), options.maxConnections(), 10, TimeUnit.SECONDS,
                new SynchronousQueue<>(), this::newHandlerThread);
        pool.allowCoreThreadTimeOut(true);
    }

    private static ServerSocket bind(InetAddress bind, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            // A restarted server must get its port back although the last connections are still in TIME_WAIT.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bind, port), 50);
            return socket;
        } catch (IOException e) {
            socket.close();
            BindException failure = new BindException("cannot listen on " + bind.getHostAddress() + ":" + port
                    + ": " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    private Thread newHandlerThread(Runnable task) {
        Thread thread = new Thread(task, "modbus-" + localAddress.getPort() + "-conn-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        handlerThreads.removeIf(old -> old.getState() == Thread.State.TERMINATED);
        handlerThreads.add(thread);
        return thread;
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public ProcessImage getProcessImage(int unitId) {
        return images.get(unitId);
    }

    @Override
    public void run() {
        listening = true;
        while (!stopped) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (stopped) {
                    break;
                }
                if (serverSocket.isClosed()) {
                    log.error("the server socket {} closed unexpectedly; no longer accepting", localAddress(), e);
                    break;
                }
                log.error("accepting a connection on {} failed; retrying in {} ms", localAddress(),
                        ACCEPT_RETRY_MILLIS, e);
                pause();
                continue;
            }
            admit(socket);
        }
        listening = false;
    }

    private void admit(Socket socket) {
        ClientConnection connection;
        try {
            connection = new ClientConnection(socket, options.idleTimeoutMillis(), handler, modes,
                    connections::remove);
        } catch (IOException | RuntimeException e) {
            log.warn("{}: cannot set up the connection: {}", socket.getRemoteSocketAddress(), e.toString());
            closeRefused(socket);
            return;
        }
        connections.add(connection);   // before execute: the handler removes it when it ends
        try {
            pool.execute(connection);
            log.info("{}: connected to {} ({} open)", connection.peer(), localAddress(), connections.size());
        } catch (RejectedExecutionException e) {
            connections.remove(connection);
            String reason = stopped ? "the server is stopping"
                    : "all " + options.maxConnections() + " connections are in use";
            log.warn("{}: connection refused: {}", connection.peer(), reason);
            connection.close(reason);
        }
    }

    private static void closeRefused(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.warn("{}: closing a refused socket failed", socket.getRemoteSocketAddress(), e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Closes every open connection; the listener keeps accepting new ones. Returns how many were closed. */
    int dropConnections(String reason) {
        List<ClientConnection> open = List.copyOf(connections);
        open.forEach(connection -> connection.close(reason));
        return open.size();
    }

    int connectionCount() {
        return connections.size();
    }

    /** Stops accepting and closes every connection; {@link #awaitTermination} waits for the handler threads. */
    @Override
    public void stop() {
        stopped = true;
        listening = false;
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.warn("closing the server socket {} failed", localAddress(), e);
        }
        pool.shutdown();
        dropConnections("the server is stopping");
    }

    /** Waits for the pool and then for its threads: a terminated pool's last worker may still be exiting. */
    boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!pool.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (Thread thread : handlerThreads) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            thread.join(Math.max(1, leftMillis));
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
