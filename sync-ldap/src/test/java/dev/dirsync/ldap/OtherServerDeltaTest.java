package dev.dirsync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import com.unboundid.util.StaticUtils;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.Secret;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.ldap.internal.ModifyTimestampCursor;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that is not Active Directory but keeps entryUUID and modifyTimestamp (the in-memory
 * server with its operational attributes): modifyTimestamp cursors and deltas.
 */
class OtherServerDeltaTest {
    private static final String BASE = "dc=example,dc=com";
    private static final String PEOPLE = "ou=People,dc=example,dc=com";
    private static final String BIND_DN = "cn=dirsync,dc=example,dc=com";
    private static final String PASSWORD = "Other-Server-Secret-1";

    private InMemoryDirectoryServer server;

    @BeforeEach
    void start() throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: example");
        server.add("dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: People");
        server.startListening();
    }

    @AfterEach
    void stop() {
        server.shutDown(true);
    }

    @Test
    void fullRead_entriesWithModifyTimestamp_returnsAModifyTimestampCursorAndEntryUuidAnchors() throws Exception {
        String ada = person("ada");
        person("grace");

        List<SourceEntry> read = new ArrayList<>();
        SyncCursor cursor = read(settings(), Optional.empty(), read);

        assertThat(read).hasSize(2);
        String uuid = server.getEntry(ada, "entryUUID").getAttributeValue("entryUUID");
        assertThat(read)
                .filteredOn(e -> e.dn().equals(ada))
                .singleElement()
                .extracting(SourceEntry::anchor)
                .isEqualTo(Anchor.ofUuid(UUID.fromString(uuid)));
        assertThat(cursor.kind()).isEqualTo(LdapDirectorySource.MODIFY_TIMESTAMP_CURSOR);
        assertThat(ModifyTimestampCursor.parse(cursor).orElseThrow().since()).isBefore(Instant.now());
    }

    @Test
    void delta_returnsOnlyEntriesModifiedSinceTheCursor() throws Exception {
        Instant added = Instant.now().minus(Duration.ofHours(1));
        String ada = person("ada", added);
        person("grace", added);
        SyncCursor full = read(settings(), Optional.empty(), new ArrayList<>());
        Instant afterAdds = added.plusSeconds(1);
        server.modify(ada, new Modification(ModificationType.REPLACE, "mail", "ada@example.org"));

        SyncCursor since = new ModifyTimestampCursor(
                        afterAdds,
                        ModifyTimestampCursor.parse(full).orElseThrow().scope())
                .toCursor();
        List<SourceEntry> delta = new ArrayList<>();
        SyncCursor next = read(settings(), Optional.of(since), delta);

        assertThat(delta).extracting(SourceEntry::dn).containsExactly(ada);
        assertThat(next.kind()).isEqualTo(LdapDirectorySource.MODIFY_TIMESTAMP_CURSOR);
    }

    @Test
    void delta_cursorUnderOtherScopeSettings_readsInFull() throws Exception {
        person("ada");
        person("grace");
        SyncCursor since = new ModifyTimestampCursor(Instant.now().plusSeconds(3_600), "0000000000000000").toCursor();

        List<SourceEntry> read = new ArrayList<>();
        read(settings(), Optional.of(since), read);

        assertThat(read).hasSize(2);
    }

    @Test
    void read_skipDisabled_isRefusedNamingTheSetting() throws Exception {
        person("ada");
        LdapSourceSettings settings = settings().toBuilder().skipDisabled(true).build();

        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            assertThatThrownBy(() -> source.read(Optional.empty(), entry -> {}))
                    .isInstanceOf(DirsyncException.class)
                    .hasMessageContaining("source.skipDisabled")
                    .hasMessageContaining("ldap://127.0.0.1:" + server.getListenPort());
        }
    }

    @Test
    void read_excludedDn_leavesItsSubtreeOut() throws Exception {
        server.add("dn: ou=Former," + PEOPLE, "objectClass: organizationalUnit", "ou: Former");
        person("ada");
        server.add("dn: uid=old,ou=Former," + PEOPLE, "objectClass: inetOrgPerson", "uid: old", "cn: old", "sn: old");
        LdapSourceSettings settings = settings().toBuilder()
                .excludedDns(List.of("ou=Former," + PEOPLE))
                .build();

        List<SourceEntry> read = new ArrayList<>();
        read(settings, Optional.empty(), read);

        assertThat(read).extracting(SourceEntry::commonName).containsExactly("ada");
    }

    private LdapSourceSettings settings() {
        return LdapSourceSettings.builder()
                .url("ldap://127.0.0.1:" + server.getListenPort())
                .bindDn(BIND_DN)
                .password(Secret.of(PASSWORD))
                .baseDns(List.of(PEOPLE))
                .filter("(objectClass=inetOrgPerson)")
                .build();
    }

    private static SyncCursor read(LdapSourceSettings settings, Optional<SyncCursor> since, List<SourceEntry> into) {
        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            return source.read(since, into::add);
        }
    }

    private String person(String uid) throws LDAPException, LDIFException {
        String dn = "uid=" + uid + "," + PEOPLE;
        server.add(
                "dn: " + dn,
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: " + uid,
                "sn: " + uid,
                "mail: " + uid + "@example.com");
        return dn;
    }

    /** A person last modified at {@code modified}: the server keeps a modifyTimestamp given with the entry. */
    private String person(String uid, Instant modified) throws LDAPException, LDIFException {
        String dn = "uid=" + uid + "," + PEOPLE;
        server.add(
                "dn: " + dn,
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: " + uid,
                "sn: " + uid,
                "mail: " + uid + "@example.com",
                "modifyTimestamp: " + StaticUtils.encodeGeneralizedTime(modified.toEpochMilli()));
        return dn;
    }
}
