package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory server's current time, for modifyTimestamp watermarks: the root DSE's currentTime
 * (Active Directory and others), else OpenLDAP's monitor (cn=Current,cn=Time under the root DSE's
 * monitorContext), else this machine's clock. A watermark is that time less a margin: larger for
 * the local clock, which may run ahead of the server's.
 */
public final class ServerClock {
    /** Subtracted from the server's own time (modifyTimestamp has whole seconds; replicas lag a little). */
    public static final Duration SERVER_MARGIN = Duration.ofMinutes(1);
    /** Subtracted from this machine's time when the server tells none. */
    public static final Duration LOCAL_MARGIN = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(ServerClock.class);

    private ServerClock() {}

    /** The watermark to store for a read that starts now. */
    public static Instant watermark(LDAPConnection connection, RootDse rootDse) {
        Optional<Instant> server = rootDse.currentTime().flatMap(ServerClock::parse);
        if (server.isEmpty()) {
            server = rootDse.monitorContext().flatMap(context -> monitorTime(connection, context));
        }
        if (server.isPresent()) {
            return server.get().minus(SERVER_MARGIN);
        }
        log.debug(
                "{} tells no time (no currentTime, no readable monitor): using this machine's clock less {}",
                connection.getConnectedAddress(),
                LOCAL_MARGIN);
        return Instant.now().minus(LOCAL_MARGIN);
    }

    private static Optional<Instant> monitorTime(LDAPConnection connection, String monitorContext) {
        try {
            SearchResultEntry entry = connection.getEntry("cn=Current,cn=Time," + monitorContext, "monitorTimestamp");
            return entry == null ? Optional.empty() : parse(entry.getAttributeValue("monitorTimestamp"));
        } catch (LDAPException e) {
            log.debug("cannot read the monitor's time under '{}': {}", monitorContext, e.getResultCode());
            return Optional.empty();
        }
    }

    private static Optional<Instant> parse(String generalizedTime) {
        if (generalizedTime == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    StaticUtils.decodeGeneralizedTime(generalizedTime.trim()).toInstant());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
