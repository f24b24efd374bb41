package dev.dirsync.ldap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.experimental.DraftZeilengaLDAPRelaxRules03RequestControl;
import com.unboundid.util.StaticUtils;
import dev.dirsync.core.Secret;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.ldap.LdapDirectorySource;
import dev.dirsync.ldap.LdapSourceSettings;
import dev.dirsync.ldap.internal.ModifyTimestampCursor;
import dev.dirsync.ldap.internal.ServerClock;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads from a real OpenLDAP server (set up by {@code .ci/setup-openldap}): entryUUID anchors and
 * modifyTimestamp deltas. The class works in its own OU, deleted afterwards.
 */
class OpenLdapDeltaIT {
    private static final String SUFFIX = "dc=example,dc=com";
    private static final TestServer OPENLDAP = TestServer.fromEnv(
            "OpenLDAP",
            "DIRSYNC_TEST_OPENLDAP",
            "ldap://127.0.0.1:3389",
            "cn=admin,dc=example,dc=com",
            "Dirsync-Test-Passw0rd",
            ".ci/setup-openldap");

    private static LDAPConnection admin;
    private static String ou;

    @BeforeAll
    static void connect() throws LDAPException {
        OPENLDAP.requireReachable();
        admin = new LDAPConnection(OPENLDAP.host(), OPENLDAP.port(), OPENLDAP.bindDn(), OPENLDAP.password());
        ou = "ou=dirsync-it-" + UUID.randomUUID().toString().substring(0, 8) + "," + SUFFIX;
        admin.add(new AddRequest(ou, new Attribute("objectClass", "organizationalUnit")));
    }

    @AfterAll
    static void removeOu() throws LDAPException {
        if (admin == null) {
            return;
        }
        try {
            Subtrees.delete(admin, ou);
        } finally {
            admin.close();
        }
    }

    @Test
    void fullThenDelta_entryUuidAnchorsAndOnlyModifiedEntriesInTheDelta() throws Exception {
        String sub = "ou=delta-" + UUID.randomUUID().toString().substring(0, 8) + "," + ou;
        admin.add(new AddRequest(sub, new Attribute("objectClass", "organizationalUnit")));
        Instant added = serverTime().minus(Duration.ofHours(1));
        String ada = person(sub, "ada", added);
        person(sub, "grace", added);
        person(sub, "linus", added);
        LdapSourceSettings settings = settings(sub);

        List<SourceEntry> full = new ArrayList<>();
        SyncCursor fullCursor = read(settings, Optional.empty(), full);

        assertThat(full).hasSize(3);
        for (SourceEntry entry : full) {
            String uuid = admin.getEntry(entry.dn(), "entryUUID").getAttributeValue("entryUUID");
            assertThat(entry.anchor()).isEqualTo(Anchor.ofUuid(UUID.fromString(uuid)));
            assertThat(entry.attributes().has(LdapDirectorySource.OBJECT_GUID_ANCHOR))
                    .isFalse();
        }
        assertThat(fullCursor.kind()).isEqualTo(LdapDirectorySource.MODIFY_TIMESTAMP_CURSOR);
        Instant since = ModifyTimestampCursor.parse(fullCursor).orElseThrow().since();
        assertThat(since).isBefore(serverTime());

        Instant afterAdds = added.plusSeconds(1);
        admin.modify(ada, new Modification(ModificationType.REPLACE, "mail", "ada.lovelace@example.com"));
        // the server's time has whole seconds: the delta's cursor is later only once it reaches the next one
        awaitServerTimeAfter(since.plus(ServerClock.SERVER_MARGIN));
        SyncCursor fromAfterAdds = new ModifyTimestampCursor(
                        afterAdds,
                        ModifyTimestampCursor.parse(fullCursor).orElseThrow().scope())
                .toCursor();

        List<SourceEntry> delta = new ArrayList<>();
        SyncCursor deltaCursor = read(settings, Optional.of(fromAfterAdds), delta);

        assertThat(delta).singleElement().satisfies(entry -> {
            assertThat(entry.dn()).isEqualTo(ada);
            assertThat(entry.deleted()).isFalse();
            assertThat(entry.attributes().firstOrNull("mail")).isEqualTo("ada.lovelace@example.com");
        });
        assertThat(deltaCursor.kind()).isEqualTo(LdapDirectorySource.MODIFY_TIMESTAMP_CURSOR);
        assertThat(ModifyTimestampCursor.parse(deltaCursor).orElseThrow().since())
                .isAfter(since);

        List<SourceEntry> withMargin = new ArrayList<>();
        read(settings, Optional.of(fullCursor), withMargin);
        assertThat(withMargin).extracting(SourceEntry::dn).contains(ada);
    }

    @Test
    void fullRead_emptyScope_returnsAFullCursor() throws LDAPException {
        String empty = "ou=empty-" + UUID.randomUUID().toString().substring(0, 8) + "," + ou;
        admin.add(new AddRequest(empty, new Attribute("objectClass", "organizationalUnit")));

        List<SourceEntry> read = new ArrayList<>();
        SyncCursor cursor = read(settings(empty), Optional.empty(), read);

        assertThat(read).isEmpty();
        assertThat(cursor.kind()).isEqualTo(LdapDirectorySource.FULL_READ_CURSOR);
    }

    private static LdapSourceSettings settings(String base) {
        return LdapSourceSettings.builder()
                .url(OPENLDAP.url())
                .bindDn(OPENLDAP.bindDn())
                .password(Secret.of(OPENLDAP.password()))
                .baseDns(List.of(base))
                .filter("(objectClass=inetOrgPerson)")
                .pageSize(2)
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static SyncCursor read(LdapSourceSettings settings, Optional<SyncCursor> since, List<SourceEntry> into) {
        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            return source.read(since, into::add);
        }
    }

    /**
     * Adds a person last modified at {@code modified}: slapd keeps a modifyTimestamp given with the
     * entry when the add carries the Relax Rules control (the admin may manage operational attributes).
     */
    private static String person(String parent, String uid, Instant modified) throws LDAPException {
        String dn = "uid=" + uid + "," + parent;
        AddRequest add = new AddRequest(
                dn,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid),
                new Attribute("cn", uid),
                new Attribute("sn", uid),
                new Attribute("mail", uid + "@example.com"),
                new Attribute("modifyTimestamp", StaticUtils.encodeGeneralizedTime(modified.toEpochMilli())));
        add.addControl(new DraftZeilengaLDAPRelaxRules03RequestControl());
        admin.add(add);
        return dn;
    }

    /** Polls the server's clock (whole seconds) until it is past {@code time}. */
    private static void awaitServerTimeAfter(Instant time) throws LDAPException, ParseException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!serverTime().isAfter(time)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the server's clock did not pass " + time);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** The server's clock, from its monitor database. */
    private static Instant serverTime() throws LDAPException, ParseException {
        String time = admin.getEntry("cn=Current,cn=Time,cn=Monitor", "monitorTimestamp")
                .getAttributeValue("monitorTimestamp");
        return StaticUtils.decodeGeneralizedTime(time).toInstant();
    }
}
