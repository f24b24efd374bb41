package dev.dirsync.daemon.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This daemon's name in run records and in a scheduler cluster: host name and process id. */
public final class NodeId {
    private NodeId() {}

    public static String current() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
