package dev.dirsync.ldap.internal;

import dev.dirsync.core.port.SyncCursor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Active Directory watermark: every change on {@code dc} up to {@code usn} has been read.
 * uSNChanged values are local to one domain controller's database, so the cursor names the DC (its
 * NTDS Settings DN and the host the source reached it by) and that database's invocationId, which
 * changes when the DC is restored from a backup.
 *
 * <p>Value format ({@link CursorText}): {@code v=1;host=<url host>;dsServiceName=<NTDS Settings DN>;
 * invocationId=<32 hex digits, the GUID bytes as stored>;usn=<decimal>;scope=<16 hex digits>}.
 */
public record AdUsnCursor(DcState dc, String scope) {
    public static final String KIND = "ad-usn";
    private static final String VERSION = "1";

    public AdUsnCursor {
        Objects.requireNonNull(dc, "dc");
        Objects.requireNonNull(scope, "scope");
    }

    public SyncCursor toCursor() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", VERSION);
        fields.put("host", dc.host());
        fields.put("dsServiceName", dc.dsServiceName());
        fields.put("invocationId", dc.invocationId());
        fields.put("usn", Long.toString(dc.highestCommittedUsn()));
        fields.put("scope", scope);
        return new SyncCursor(KIND, CursorText.encode(fields));
    }

    /**
     * @return empty when the cursor is of another kind
     * @throws IllegalArgumentException when it is of this kind but cannot be read
     */
    public static Optional<AdUsnCursor> parse(SyncCursor cursor) {
        if (!KIND.equals(cursor.kind())) {
            return Optional.empty();
        }
        Map<String, String> fields = CursorText.decode(cursor.value());
        if (!VERSION.equals(fields.get("v"))) {
            throw new IllegalArgumentException("unknown version '" + fields.get("v") + "'");
        }
        long usn;
        try {
            usn = Long.parseLong(CursorText.require(fields, "usn"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("usn is not a number: " + e.getMessage(), e);
        }
        DcState dc = new DcState(
                CursorText.require(fields, "host"),
                CursorText.require(fields, "dsServiceName"),
                CursorText.require(fields, "invocationId"),
                usn);
        return Optional.of(new AdUsnCursor(dc, CursorText.require(fields, "scope")));
    }
}
