package dev.dirsync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.ldap.internal.EmbeddedDirectorySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LdapDirectorySourcesTest {
    private static final String BIND_DN = "CN=dirsync,OU=Service,DC=example,DC=com";
    private static final String PASSWORD = "Demo-Secret-7";

    private static final String DEMO_LDIF =
            """
            version: 1

            dn: DC=example,DC=com
            objectClass: domain
            dc: example

            dn: CN=Grace Hopper,DC=example,DC=com
            objectClass: top
            objectClass: person
            objectClass: organizationalPerson
            objectClass: user
            objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=example,DC=com
            cn: Grace Hopper
            mail: grace@example.com
            objectGUID:: 8zbwMwTpS0Se9hjgAKbKCg==
            """;

    @TempDir
    Path folder;

    @Test
    void open_embeddedUrl_readsTheLdifFileAndClosingStopsTheDirectory() throws IOException, LDAPException {
        Path ldif = write("directory.ldif", DEMO_LDIF);
        List<SourceEntry> read = new ArrayList<>();
        String ldapUrl;

        try (DirectorySource source = LdapDirectorySources.open(settings("embedded:" + ldif))) {
            source.read(Optional.empty(), read::add);
            ldapUrl = ((EmbeddedDirectorySource) source).ldapUrl();
            assertThat(source.describe())
                    .contains("embedded:" + ldif, ldapUrl, "DC=example,DC=com")
                    .doesNotContain(PASSWORD);
        }

        assertThat(read).singleElement().satisfies(entry -> {
            assertThat(entry.commonName()).isEqualTo("Grace Hopper");
            assertThat(entry.anchor().value()).isEqualTo("8zbwMwTpS0Se9hjgAKbKCg==");
            assertThat(entry.attributes().firstOrNull("mail")).isEqualTo("grace@example.com");
        });
        LDAPURL url = new LDAPURL(ldapUrl);
        assertThatThrownBy(() -> new LDAPConnection(url.getHost(), url.getPort()).close())
                .isInstanceOf(LDAPException.class);
    }

    @Test
    void open_embeddedUrl_acceptsOnlyTheConfiguredCredentials() throws IOException {
        Path ldif = write("directory.ldif", DEMO_LDIF);
        LdapSourceSettings wrongPassword =
                LdapSourceSettings.of("embedded:" + ldif, BIND_DN, "not-the-password", List.of("DC=example,DC=com"));

        try (DirectorySource source = LdapDirectorySources.open(settings("embedded:" + ldif));
                DirectorySource stranger =
                        new LdapDirectorySource(wrongPassword.withUrl(((EmbeddedDirectorySource) source).ldapUrl()))) {
            assertThatThrownBy(() -> stranger.read(Optional.empty(), entry -> {}))
                    .isInstanceOf(CredentialsRejectedException.class);
        }
    }

    @Test
    void open_missingLdifFile_namesThePath() {
        Path missing = folder.resolve("absent.ldif");

        assertThatThrownBy(() -> LdapDirectorySources.open(settings("embedded:" + missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void open_ldifSyntaxError_namesThePathAndTheLine() throws IOException {
        Path ldif = write("broken.ldif", DEMO_LDIF + "\ndn: CN=Broken,DC=example,DC=com\nobjectClass user\n");

        assertThatThrownBy(() -> LdapDirectorySources.open(settings("embedded:" + ldif)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ldif.toString())
                .hasMessageContaining("line 17");
    }

    @Test
    void open_ldapUrl_returnsASourceThatConnectsOnlyWhenRead() {
        try (DirectorySource source = LdapDirectorySources.open(settings("ldap://127.0.0.1:1"))) {
            assertThat(source).isInstanceOf(LdapDirectorySource.class);
            assertThat(source.describe()).isEqualTo("ldap://127.0.0.1:1 [DC=example,DC=com]");
        }
    }

    private static LdapSourceSettings settings(String url) {
        return LdapSourceSettings.of(url, BIND_DN, PASSWORD, List.of("DC=example,DC=com"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}
