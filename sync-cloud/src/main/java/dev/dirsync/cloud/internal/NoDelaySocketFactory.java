package dev.dirsync.cloud.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off (TLS is layered on top of them). A request body larger
 * than the client's write buffer (a JSON batch) leaves in more than one write; with Nagle on, the
 * last one waits for the server's delayed acknowledgement, some 40 ms per request on Linux.
 */
final class NoDelaySocketFactory extends SocketFactory {
    static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

    private final SocketFactory sockets = SocketFactory.getDefault();

    private NoDelaySocketFactory() {}

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(sockets.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(sockets.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(sockets.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
