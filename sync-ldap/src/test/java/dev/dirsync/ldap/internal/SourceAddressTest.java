package dev.dirsync.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceAddressTest {

    @Test
    void parse_ldapWithoutPort_usesPort389() {
        assertThat(SourceAddress.parse("ldap://dc1.example.com"))
                .isEqualTo(new SourceAddress.Network("dc1.example.com", 389, false));
    }

    @Test
    void parse_ldapsWithoutPort_usesPort636AndTls() {
        SourceAddress.Network address = (SourceAddress.Network) SourceAddress.parse("ldaps://dc1.example.com");

        assertThat(address).isEqualTo(new SourceAddress.Network("dc1.example.com", 636, true));
        assertThat(address.url()).isEqualTo("ldaps://dc1.example.com:636");
    }

    @Test
    void parse_globalCatalogPort_isKept() {
        assertThat(SourceAddress.parse("ldap://gc.example.com:3268/"))
                .isEqualTo(new SourceAddress.Network("gc.example.com", 3268, false));
    }

    @Test
    void parse_embedded_namesTheLdifFile() {
        assertThat(SourceAddress.parse("embedded:config/demo/directory.ldif"))
                .isEqualTo(new SourceAddress.Embedded(Path.of("config/demo/directory.ldif")));
    }
}
