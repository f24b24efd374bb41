package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.port.EntryHandler;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.ldap.LdapSourceSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read on one bound connection: tells Active Directory from other servers by the root DSE,
 * decides between a full and a delta read, runs it and returns the next cursor.
 *
 * <ul>
 *   <li>Active Directory: the root DSE's highestCommittedUSN and the DC's identity are read before
 *       any search, and become the {@value AdUsnCursor#KIND} cursor; a delta reads the changes up
 *       to that USN ({@link AdDeltaRead}).</li>
 *   <li>Other servers: the server's time before the read, less a margin ({@link ServerClock}),
 *       becomes a {@value ModifyTimestampCursor#KIND} cursor, once a full read has shown that the
 *       entries carry modifyTimestamp; a delta reads entries modified since. Deletions are seen by
 *       full reads only. A server whose entries have no modifyTimestamp gets a
 *       {@value #FULL_READ_CURSOR} cursor: every read is full.</li>
 * </ul>
 */
public final class SourceReader {
    /** The cursor kind of a read that allows no delta; its value is the ISO-8601 instant the read started. */
    public static final String FULL_READ_CURSOR = "full";

    static final String MODIFY_TIMESTAMP = "modifyTimestamp";

    private static final Logger log = LoggerFactory.getLogger(SourceReader.class);
    private static final List<String> OTHER_SERVER_ATTRIBUTES = withModifyTimestamp();

    private final LdapSourceSettings settings;

    public SourceReader(LdapSourceSettings settings) {
        this.settings = settings;
    }

    /**
     * @param server the server the connection reaches (its URL names it in messages; its host
     *     identifies the DC in AD cursors)
     * @throws dev.dirsync.core.UnavailableException when a request fails (naming URL and DN)
     */
    public Outcome read(
            LDAPConnection connection, SourceAddress.Network server, Optional<SyncCursor> since, EntryHandler handler) {
        Instant started = Instant.now();
        RootDse rootDse;
        try {
            rootDse = RootDse.read(connection);
        } catch (LDAPException e) {
            throw LdapFailures.readFailed(e, server.url(), "the root DSE");
        }
        ReadScope scope = ReadScope.of(settings, rootDse.activeDirectory(), server.url());
        ReadContext context = new ReadContext(connection, server.url(), scope, settings.pageSize());
        return rootDse.activeDirectory()
                ? readActiveDirectory(context, rootDse, server, since, handler)
                : readOtherServer(context, rootDse, since, handler, started);
    }

    /** The cursor to hand back, what was read, and how. */
    public record Outcome(SyncCursor cursor, ReadStats stats, ReadPlan plan) {}

    private Outcome readActiveDirectory(
            ReadContext context,
            RootDse rootDse,
            SourceAddress.Network server,
            Optional<SyncCursor> since,
            EntryHandler handler) {
        DcState dc;
        try {
            dc = DcState.read(context.connection(), rootDse, server.host());
        } catch (LDAPException e) {
            throw LdapFailures.readFailed(e, server.url(), "the DC's identity (dsServiceName, invocationId)");
        }
        requireGroup(context);
        ReadPlan plan =
                ReadPlanner.forActiveDirectory(since, dc, context.scope().fingerprint());
        SyncCursor next = new AdUsnCursor(dc, context.scope().fingerprint()).toCursor();
        if (plan instanceof ReadPlan.AdDelta delta) {
            UsnRange range = new UsnRange(delta.since().dc().highestCommittedUsn(), dc.highestCommittedUsn());
            if (range.empty()) {
                return new Outcome(next, ReadStats.NONE, plan);
            }
            AdDeltaRead read = new AdDeltaRead(context, rootDse, range);
            boolean groupChanged = settings.groupDn() != null && groupChanged(context, read);
            if (groupChanged) {
                log.info(
                        "The scoping group {} or a group nested in it changed: reading its whole scope",
                        settings.groupDn());
            }
            return new Outcome(next, read.run(groupChanged, handler), plan);
        }
        logFull(context, plan);
        return new Outcome(
                next, context.searchBases(context.scope().filter(), EntryDecoder.REQUESTED_ATTRIBUTES, handler), plan);
    }

    private Outcome readOtherServer(
            ReadContext context, RootDse rootDse, Optional<SyncCursor> since, EntryHandler handler, Instant started) {
        if (settings.groupDn() != null) {
            log.debug(
                    "{} is not Active Directory: source.groupDn matches direct members (memberOf) only", context.url());
        }
        Instant watermark = ServerClock.watermark(context.connection(), rootDse);
        String scope = context.scope().fingerprint();
        ReadPlan plan = ReadPlanner.forOtherServers(since, scope);
        SyncCursor next = new ModifyTimestampCursor(watermark, scope).toCursor();
        if (plan instanceof ReadPlan.TimestampDelta delta) {
            Filter changed = Filter.createANDFilter(
                    context.scope().filter(),
                    Filter.createGreaterOrEqualFilter(
                            MODIFY_TIMESTAMP, delta.since().generalizedTime()));
            return new Outcome(next, context.searchBases(changed, OTHER_SERVER_ATTRIBUTES, handler), plan);
        }
        logFull(context, plan);
        long[] withoutTimestamp = {0};
        ReadStats stats = context.searchBases(context.scope().filter(), OTHER_SERVER_ATTRIBUTES, entry -> {
            if (!entry.attributes().has(MODIFY_TIMESTAMP)) {
                withoutTimestamp[0]++;
            }
            handler.accept(entry);
        });
        if (stats.live() == 0 || withoutTimestamp[0] > 0) {
            log.debug("{}: entries without modifyTimestamp (or none at all): the next read is full too", context.url());
            next = new SyncCursor(FULL_READ_CURSOR, started.toString());
        }
        return new Outcome(next, stats, plan);
    }

    private static void logFull(ReadContext context, ReadPlan plan) {
        if (plan instanceof ReadPlan.Full full) {
            log.info("Reading {} {} in full: {}", context.url(), context.scope().baseDns(), full.reason());
        }
    }

    private boolean groupChanged(ReadContext context, AdDeltaRead read) {
        try {
            return read.groupChanged(settings.groupDn());
        } catch (LDAPException e) {
            throw LdapFailures.searchFailed(e, context.url(), settings.groupDn());
        }
    }

    /**
     * A scoping group that does not exist would put every object out of scope: the read stops
     * instead.
     */
    private void requireGroup(ReadContext context) {
        String groupDn = settings.groupDn();
        if (groupDn == null) {
            return;
        }
        boolean exists;
        try {
            exists = context.connection().getEntry(groupDn, "1.1") != null;
        } catch (LDAPException e) {
            throw LdapFailures.readFailed(e, context.url(), "the scoping group '" + groupDn + "'");
        }
        if (!exists) {
            throw new DirsyncException("source.groupDn '" + groupDn + "' does not exist at " + context.url()
                    + ": the read stops rather than report every member as out of scope");
        }
    }

    private static List<String> withModifyTimestamp() {
        List<String> attributes = new ArrayList<>(EntryDecoder.REQUESTED_ATTRIBUTES);
        attributes.add(MODIFY_TIMESTAMP);
        return List.copyOf(attributes);
    }
}
