package dev.dirsync.daemon.admin;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.daemon.config.AdminConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of the admin API: {@code admin.token} when configured, else the contents of
 * {@code admin.tokenFile}, which the daemon creates at its first start (owner read/write only).
 * Compared in constant time; never printed.
 */
public final class AdminToken {
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int RANDOM_BYTES = 32;

    private final byte[] expected;

    private AdminToken(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    public static AdminToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("admin.token must not be blank");
        }
        return new AdminToken(token);
    }

    /** The daemon's token: configured, read from the token file, or generated into it. */
    public static AdminToken forServer(AdminConfig admin) {
        if (admin.token() != null) {
            return of(admin.token().reveal());
        }
        return of(readFile(admin.tokenFile()).orElseGet(() -> generate(admin.tokenFile())));
    }

    /** A client's token: configured, or read from the token file the daemon wrote. */
    public static Optional<String> forClient(AdminConfig admin) {
        if (admin.token() != null) {
            return Optional.of(admin.token().reveal());
        }
        return readFile(admin.tokenFile());
    }

    /** Whether {@code presented} is the token, compared in constant time. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }

    private static Optional<String> readFile(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                throw new DirsyncException(
                        "the admin token file " + file + " is empty; delete it to have a new token made");
            }
            warnIfReadableByOthers(file);
            return Optional.of(content);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DirsyncException(
                    "cannot read the admin token file " + file + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private static String generate(Path file) {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            // another process made it first: use theirs
            return readFile(file).orElseThrow(() -> new DirsyncException("the admin token file " + file + " vanished"));
        } catch (IOException e) {
            throw new DirsyncException(
                    "cannot create the admin token file " + file + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    e);
        }
        LOG.info("generated the admin API token into {} (readable by this user only)", file);
        return token;
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (!Files.getFileStore(file.toAbsolutePath()).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.warn(
                    "the admin token file {} is readable by others ({}); restrict it with chmod 600",
                    file,
                    PosixFilePermissions.toString(permissions));
        }
    }
}
