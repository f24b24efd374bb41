package dev.dirsync.ldap.internal;

import dev.dirsync.core.port.SyncCursor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A watermark for servers other than Active Directory: every entry modified before {@code since}
 * has been read. {@code since} is the server's time taken before the read, less a safety margin.
 *
 * <p>Value format ({@link CursorText}): {@code v=1;since=<GeneralizedTime, e.g. 20250102030405Z>;
 * scope=<16 hex digits>}.
 */
public record ModifyTimestampCursor(Instant since, String scope) {
    public static final String KIND = "modify-timestamp";
    private static final String VERSION = "1";
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    public ModifyTimestampCursor {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(scope, "scope");
        since = since.truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@code since} as LDAP GeneralizedTime, whole seconds, UTC. */
    public String generalizedTime() {
        return GENERALIZED_TIME.format(since);
    }

    public SyncCursor toCursor() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", VERSION);
        fields.put("since", generalizedTime());
        fields.put("scope", scope);
        return new SyncCursor(KIND, CursorText.encode(fields));
    }

    /**
     * @return empty when the cursor is of another kind
     * @throws IllegalArgumentException when it is of this kind but cannot be read
     */
    public static Optional<ModifyTimestampCursor> parse(SyncCursor cursor) {
        if (!KIND.equals(cursor.kind())) {
            return Optional.empty();
        }
        Map<String, String> fields = CursorText.decode(cursor.value());
        if (!VERSION.equals(fields.get("v"))) {
            throw new IllegalArgumentException("unknown version '" + fields.get("v") + "'");
        }
        try {
            Instant since = GENERALIZED_TIME.parse(CursorText.require(fields, "since"), Instant::from);
            return Optional.of(new ModifyTimestampCursor(since, CursorText.require(fields, "scope")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since is not a GeneralizedTime: " + e.getMessage(), e);
        }
    }
}
