package dev.dirsync.emulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link CloudEmulator} in the foreground until the process is stopped, e.g. to keep the
 * cloud in a JVM of its own for memory benchmarks:
 *
 * <pre>
 * java -cp ... dev.dirsync.emulator.EmulatorMain --port 8080 --store users.json \
 *     [--client-id X --client-secret Y] [--writes-per-second N] [--page-size N] [--scim-token T]
 * </pre>
 *
 * Prints one line, {@code Cloud emulator listening on http://127.0.0.1:PORT}, once it serves.
 * Exits with 2 on bad arguments and 1 when the store cannot be read or the port cannot be bound.
 */
public final class EmulatorMain {
    static final String USAGE = "usage: EmulatorMain [--port N (default 8080)] [--store FILE]"
            + " [--client-id ID --client-secret SECRET] [--writes-per-second N] [--page-size N] [--scim-token TOKEN]";

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        EmulatorSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            fail(System.err, 2, "error: " + e.getMessage() + System.lineSeparator() + USAGE);
            return;
        }
        CloudEmulator emulator;
        try {
            emulator = CloudEmulator.start(settings);
        } catch (EmulatorStoreException | UncheckedIOException e) {
            fail(System.err, 1, "error: " + e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "cloud-emulator-shutdown"));
        System.out.println("Cloud emulator listening on " + emulator.url());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** The settings the arguments describe; {@code --name value} or {@code --name=value}. */
    static EmulatorSettings parse(String... args) {
        EmulatorSettings.Builder builder = EmulatorSettings.builder().port(8080);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--port" -> builder.port(number(name, value));
                case "--store" -> builder.storeFile(Path.of(value));
                case "--client-id" -> builder.clientId(value);
                case "--client-secret" -> builder.clientSecret(value);
                case "--writes-per-second" -> builder.writesPerSecond(number(name, value));
                case "--page-size" -> builder.pageSize(number(name, value));
                case "--scim-token" -> builder.scimToken(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return builder.build();
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
        }
    }

    private static void fail(PrintStream err, int status, String message) {
        err.println(message);
        System.exit(status);
    }
}
