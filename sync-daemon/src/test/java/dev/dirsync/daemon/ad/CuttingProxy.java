package dev.dirsync.daemon.ad;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback in front of one server that plays the server dying: once it has passed
 * {@code cutAfter} bytes from the server, it resets every connection and stops accepting new ones.
 */
final class CuttingProxy implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final long cutAfter;
    private final AtomicLong fromServer = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cutting-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean cut;

    private CuttingProxy(ServerSocket listener, InetSocketAddress server, long cutAfter) {
        this.listener = listener;
        this.server = server;
        this.cutAfter = cutAfter;
    }

    static CuttingProxy start(String host, int port, long cutAfter) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        CuttingProxy proxy = new CuttingProxy(listener, new InetSocketAddress(host, port), cutAfter);
        proxy.threads.submit(proxy::acceptLoop);
        return proxy;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Bytes passed from the server to clients. */
    long bytesFromServer() {
        return fromServer.get();
    }

    boolean wasCut() {
        return cut;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.connect(server, CONNECT_TIMEOUT_MS);
                sockets.add(client);
                sockets.add(upstream);
                threads.submit(() -> pump(client, upstream, false));
                threads.submit(() -> pump(upstream, client, true));
            } catch (IOException e) {
                // closed by cutNow() or close(): no more connections
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromTheServer) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) > 0) {
                int allowed = read;
                if (fromTheServer) {
                    allowed = (int) Math.max(0, Math.min(read, cutAfter - fromServer.get()));
                    fromServer.addAndGet(allowed);
                }
                out.write(buffer, 0, allowed);
                out.flush();
                if (allowed < read || (fromTheServer && fromServer.get() >= cutAfter)) {
                    cutNow();
                    return;
                }
            }
        } catch (IOException e) {
            // the peer closed, or the cut closed this socket: this direction ends
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Resets every connection (RST, as a dead host's kernel would not even send FIN) and stops accepting. */
    private void cutNow() {
        cut = true;
        closeQuietly(listener);
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                // already closed
            }
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(CuttingProxy::closeQuietly);
        threads.shutdownNow();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing is best effort here
        }
    }
}
