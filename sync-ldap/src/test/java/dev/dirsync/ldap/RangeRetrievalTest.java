package dev.dirsync.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import dev.dirsync.core.Secret;
import dev.dirsync.core.model.SourceEntry;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Large multi-valued attributes that the server hands out in slices ({@code proxyAddresses;range=0-2}). */
class RangeRetrievalTest {
    private static final int MAX_VALUES = 3;

    private InMemoryDirectoryServer server;
    private RangeEmulator ranges;

    @BeforeEach
    void start() throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(TestDirectory.BASE);
        config.setSchema(null);
        config.setGenerateOperationalAttributes(false);
        config.addAdditionalBindCredentials(TestDirectory.BIND_DN, TestDirectory.PASSWORD);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        ranges = new RangeEmulator("proxyAddresses", MAX_VALUES);
        config.addInMemoryOperationInterceptor(ranges);
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + TestDirectory.BASE, "objectClass: domain", "dc: example");
        server.add("dn: " + TestDirectory.PEOPLE, "objectClass: organizationalUnit", "ou: People");
        server.startListening();
    }

    @AfterEach
    void stop() {
        server.shutDown(true);
    }

    @Test
    void read_attributeInThreeSlices_isMergedInServerOrderWithoutTheRangeOption() throws LDAPException, LDIFException {
        addUser("Many", 1, 8);

        List<SourceEntry> read = readAll(1);

        assertThat(read).singleElement().satisfies(entry -> {
            assertThat(entry.attributes().all("proxyAddresses")).containsExactlyElementsOf(addresses(8));
            assertThat(entry.attributes().names())
                    .noneMatch(name -> name.toLowerCase().contains("range="));
        });
        assertThat(ranges.rangeRequests()).isEqualTo(2);
    }

    @Test
    void read_sliceSizeExactlyReached_needsNoFollowUp() throws LDAPException, LDIFException {
        addUser("Three", 1, MAX_VALUES);

        assertThat(readAll(10)).singleElement().satisfies(entry -> assertThat(
                        entry.attributes().all("proxyAddresses"))
                .hasSize(MAX_VALUES));
        assertThat(ranges.rangeRequests()).isZero();
    }

    @Test
    void read_rangedAndPlainEntriesOverSeveralPages_allArriveComplete() throws LDAPException, LDIFException {
        addUser("A", 1, 2);
        addUser("B", 2, 7);
        addUser("C", 3, 4);
        addUser("D", 4, 1);

        List<SourceEntry> read = readAll(2);

        assertThat(read).extracting(SourceEntry::commonName).containsExactlyInAnyOrder("A", "B", "C", "D");
        for (SourceEntry entry : read) {
            int expected =
                    switch (entry.commonName()) {
                        case "A" -> 2;
                        case "B" -> 7;
                        case "C" -> 4;
                        default -> 1;
                    };
            assertThat(entry.attributes().all("proxyAddresses")).containsExactlyElementsOf(addresses(expected));
        }
        assertThat(ranges.rangeRequests()).isEqualTo(2 + 1);
    }

    private void addUser(String cn, int guid, int addressCount) throws LDAPException, LDIFException {
        List<String> lines = new ArrayList<>(List.of(
                "dn: CN=" + cn + "," + TestDirectory.PEOPLE,
                "objectClass: user",
                "cn: " + cn,
                "objectGUID:: " + guid(guid)));
        addresses(addressCount).forEach(address -> lines.add("proxyAddresses: " + address));
        server.add(lines.toArray(new String[0]));
    }

    private List<SourceEntry> readAll(int pageSize) {
        LdapSourceSettings settings = LdapSourceSettings.builder()
                .url("ldap://127.0.0.1:" + server.getListenPort())
                .bindDn(TestDirectory.BIND_DN)
                .password(Secret.of(TestDirectory.PASSWORD))
                .baseDns(List.of(TestDirectory.BASE))
                .filter("(objectClass=user)")
                .pageSize(pageSize)
                .build();
        List<SourceEntry> read = new ArrayList<>();
        try (LdapDirectorySource source = new LdapDirectorySource(settings)) {
            source.read(Optional.empty(), read::add);
        }
        return read;
    }

    private static List<String> addresses(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> (i == 1 ? "SMTP:" : "smtp:") + "user" + i + "@example.com")
                .toList();
    }

    private static String guid(int n) {
        byte[] bytes = new byte[16];
        bytes[0] = (byte) n;
        bytes[15] = (byte) 0x5A;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
