package dev.dirsync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LdapSourceSettingsTest {
    private static final String SECRET = "S3cret-Value!";
    private static final LdapSourceSettings VALID = LdapSourceSettings.of(
            "ldaps://dc1.example.com", "CN=dirsync,OU=Service,DC=example,DC=com", SECRET, List.of("DC=example,DC=com"));

    @Test
    void of_unsetOptions_takeTheDefaults() {
        assertThat(VALID.filter()).isEqualTo("(&(objectCategory=person)(objectClass=user))");
        assertThat(VALID.pageSize()).isEqualTo(500);
        assertThat(VALID.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(VALID.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void toString_neverShowsThePassword() {
        assertThat(VALID.toString())
                .doesNotContain(SECRET)
                .contains("ldaps://dc1.example.com", "CN=dirsync,OU=Service,DC=example,DC=com", "password=****");
    }

    @Test
    void baseDns_areCopiedAndUnmodifiable() {
        List<String> bases = new ArrayList<>(List.of("DC=example,DC=com"));
        LdapSourceSettings settings = LdapSourceSettings.of("ldaps://dc1", "CN=a,DC=example,DC=com", SECRET, bases);
        bases.add("DC=other,DC=com");

        assertThat(settings.baseDns()).containsExactly("DC=example,DC=com");
        assertThatThrownBy(() -> settings.baseDns().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ldap://dc1",
                "ldap://dc1.example.com:3268",
                "ldaps://dc1.example.com:636",
                "LDAP://DC1/",
                "ldap://[::1]:389",
                "embedded:config/demo/directory.ldif",
                "embedded:/tmp/x.ldif"
            })
    void url_acceptedForms(String url) {
        assertThat(VALID.toBuilder().allowCleartext(true).url(url).build().url())
                .isEqualTo(url);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("blank url", s -> s.withUrl(" "), "source.url must not be blank"),
                invalid("http url", s -> s.withUrl("http://dc1"), "source.url must be ldap://host[:port]"),
                invalid("url without host", s -> s.withUrl("ldap://"), "source.url must be"),
                invalid("url with base DN", s -> s.withUrl("ldap://dc1/DC=example,DC=com"), "source.url must be"),
                invalid("embedded without path", s -> s.withUrl("embedded:"), "source.url must be"),
                invalid("blank bind DN", s -> with(s, "", SECRET, s.baseDns()), "source.bindDn must not be blank"),
                invalid(
                        "malformed bind DN",
                        s -> with(s, "dirsync", SECRET, s.baseDns()),
                        "source.bindDn is not a valid DN"),
                invalid(
                        "empty password",
                        s -> with(s, s.bindDn(), "", s.baseDns()),
                        "source.password must not be empty"),
                invalid(
                        "null password",
                        s -> with(s, s.bindDn(), null, s.baseDns()),
                        "source.password must not be empty"),
                invalid(
                        "no base DN",
                        s -> with(s, s.bindDn(), SECRET, List.of()),
                        "source.baseDn must hold at least one base DN"),
                invalid(
                        "malformed second base DN",
                        s -> with(s, s.bindDn(), SECRET, List.of("DC=example,DC=com", "example")),
                        "source.baseDn[1] is not a valid DN: 'example'"),
                invalid("unbalanced filter", s -> s.withFilter("(&(objectClass=user)"), "source.filter"),
                invalid("blank filter", s -> s.withFilter(" "), "source.filter must not be blank"),
                invalid("page size 0", s -> s.withPageSize(0), "source.pageSize must be between 1 and 10000, got 0"),
                invalid(
                        "page size 10001",
                        s -> s.withPageSize(10_001),
                        "source.pageSize must be between 1 and 10000, got 10001"),
                invalid(
                        "zero connect timeout",
                        s -> s.withTimeouts(Duration.ZERO, null),
                        "source.connectTimeout must be at least 1ms, got PT0S"),
                invalid(
                        "negative response timeout",
                        s -> s.withTimeouts(null, Duration.ofSeconds(-1)),
                        "source.responseTimeout must be at least 1ms, got PT-1S"),
                invalid(
                        "malformed excluded DN",
                        s -> s.toBuilder().excludedDns(List.of("Former")).build(),
                        "source.excludedDns[0] is not a valid DN: 'Former'"),
                invalid(
                        "excluded DN outside the bases",
                        s -> s.toBuilder()
                                .excludedDns(List.of("OU=Staff,DC=example,DC=com", "OU=X,DC=other,DC=com"))
                                .build(),
                        "source.excludedDns[1] 'OU=X,DC=other,DC=com' is not below any of source.baseDn"),
                invalid(
                        "excluded DN equal to a base",
                        s -> s.toBuilder()
                                .excludedDns(List.of("DC=example,DC=com"))
                                .build(),
                        "source.excludedDns[0]"),
                invalid(
                        "malformed group DN",
                        s -> s.toBuilder().groupDn("Sync Users").build(),
                        "source.groupDn is not a valid DN: 'Sync Users'"),
                invalid(
                        "cleartext to a remote host",
                        s -> s.withUrl("ldap://dc1.example.com"),
                        "source.url ldap://dc1.example.com:389 would carry the bind password in cleartext"),
                invalid(
                        "cleartext to the second of two hosts",
                        s -> s.withUrl("ldap://127.0.0.1 ldap://dc2"),
                        "source.allowCleartext: true"),
                invalid(
                        "mixed schemes",
                        s -> s.withUrl("ldaps://dc1 ldap://dc2"),
                        "source.url mixes ldap:// and ldaps://"),
                invalid(
                        "ldaps mode with ldap url",
                        s -> s.toBuilder()
                                .url("ldap://dc1")
                                .tls(LdapTlsSettings.of(LdapTlsSettings.Mode.LDAPS))
                                .build(),
                        "source.tls.mode is ldaps"),
                invalid(
                        "starttls mode with ldaps url",
                        s -> s.toBuilder()
                                .tls(LdapTlsSettings.of(LdapTlsSettings.Mode.STARTTLS))
                                .build(),
                        "source.tls.mode is starttls"),
                invalid("embedded in a list", s -> s.withUrl("ldap://127.0.0.1 embedded:x.ldif"), "source.url"),
                invalid(
                        "tls for an embedded directory",
                        s -> s.toBuilder()
                                .url("embedded:x.ldif")
                                .tls(LdapTlsSettings.insecure(null))
                                .build(),
                        "source.tls does not apply"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void constructor_invalidSetting_isRejectedNamingTheSetting(
            String description, Function<LdapSourceSettings, LdapSourceSettings> change, String expectedMessage) {
        assertThatThrownBy(() -> change.apply(VALID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expectedMessage)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void builder_newSettings_areKeptAndDefaulted() {
        LdapSourceSettings settings = VALID.toBuilder()
                .urls(List.of("ldaps://dc1.example.com", "ldaps://dc2.example.com:3269"))
                .excludedDns(List.of("OU=Former,DC=example,DC=com"))
                .groupDn("CN=Sync,OU=Groups,DC=example,DC=com")
                .skipDisabled(true)
                .build();

        assertThat(settings.urls()).containsExactly("ldaps://dc1.example.com", "ldaps://dc2.example.com:3269");
        assertThat(settings.excludedDns()).containsExactly("OU=Former,DC=example,DC=com");
        assertThat(settings.groupDn()).isEqualTo("CN=Sync,OU=Groups,DC=example,DC=com");
        assertThat(settings.skipDisabled()).isTrue();
        assertThat(settings.tls()).isEqualTo(LdapTlsSettings.FROM_URL);
        assertThat(settings.allowCleartext()).isFalse();
        assertThat(VALID.excludedDns()).isEmpty();
        assertThat(VALID.groupDn()).isNull();
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void url_severalSeparatedByCommasOrWhitespace_areAllKept() {
        assertThat(VALID.withUrl("ldaps://dc1, ldaps://dc2\tldaps://dc3:3269").urls())
                .containsExactly("ldaps://dc1", "ldaps://dc2", "ldaps://dc3:3269");
    }

    @Test
    void urls_embeddedPathWithSpaces_isOneUrl() {
        assertThat(VALID.withUrl("embedded:/tmp/my dir/people.ldif").urls())
                .containsExactly("embedded:/tmp/my dir/people.ldif");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ldap://127.0.0.1", "ldap://127.0.0.2:3389", "ldap://localhost", "ldap://[::1]:389"})
    void cleartext_toLoopback_isAllowedWithoutAllowCleartext(String url) {
        assertThat(VALID.withUrl(url).urls()).containsExactly(url);
    }

    @Test
    void cleartext_toRemoteHost_isAllowedWhenAllowCleartextOrStartTls() {
        assertThat(VALID.toBuilder()
                        .url("ldap://dc1.example.com")
                        .allowCleartext(true)
                        .build()
                        .allowCleartext())
                .isTrue();
        assertThat(VALID.toBuilder()
                        .url("ldap://dc1.example.com")
                        .tls(LdapTlsSettings.of(LdapTlsSettings.Mode.STARTTLS))
                        .build()
                        .tls()
                        .mode())
                .isEqualTo(LdapTlsSettings.Mode.STARTTLS);
    }

    @Test
    void bindDn_userPrincipalName_isAccepted() {
        LdapSourceSettings settings =
                VALID.toBuilder().bindDn("svc-dirsync@corp.example.com").build();

        assertThat(settings.bindDn()).isEqualTo("svc-dirsync@corp.example.com");
    }

    @Test
    void tls_settingsAreValidatedAndNeverShowThePassword(@TempDir Path dir) throws IOException {
        Path store = Files.write(dir.resolve("trust.p12"), new byte[] {1});
        LdapTlsSettings tls = LdapTlsSettings.trusting(null, store, SECRET);

        assertThat(VALID.toBuilder().tls(tls).build().toString())
                .doesNotContain(SECRET)
                .contains("trust.p12");
        assertThatThrownBy(() -> LdapTlsSettings.trusting(null, dir.resolve("missing.p12"), null))
                .hasMessageContaining("source.tls.trustStore")
                .hasMessageContaining("missing.p12");
        assertThatThrownBy(() -> new LdapTlsSettings(null, store, null, null, true))
                .hasMessageContaining("source.tls.insecure and source.tls.trustStore");
        assertThatThrownBy(() -> new LdapTlsSettings(null, store, null, "PEM", false))
                .hasMessageContaining("source.tls.trustStoreType must be PKCS12 or JKS");
        assertThatThrownBy(() -> new LdapTlsSettings(LdapTlsSettings.Mode.NONE, null, null, null, true))
                .hasMessageContaining("source.tls.mode");
        assertThatThrownBy(() -> LdapTlsSettings.Mode.parse("ssl")).hasMessageContaining("source.tls.mode");
        assertThat(LdapTlsSettings.Mode.parse(" StartTLS ")).isEqualTo(LdapTlsSettings.Mode.STARTTLS);
    }

    @Test
    void constructor_badFilter_isRejectedBeforeAnythingConnects() {
        assertThatThrownBy(() -> VALID.withFilter("(objectCategory=person"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("source.filter is not a valid LDAP filter: '(objectCategory=person'");
    }

    private static Arguments invalid(
            String description, Function<LdapSourceSettings, LdapSourceSettings> change, String message) {
        return Arguments.of(description, change, message);
    }

    private static LdapSourceSettings with(LdapSourceSettings s, String bindDn, String password, List<String> baseDns) {
        return new LdapSourceSettings(
                s.url(),
                bindDn,
                password == null ? null : Secret.of(password),
                baseDns,
                s.filter(),
                s.pageSize(),
                s.connectTimeout(),
                s.responseTimeout());
    }
}
