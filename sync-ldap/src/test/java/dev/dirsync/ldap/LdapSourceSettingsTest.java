package dev.dirsync.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
                .contains("ldaps://dc1.example.com", "CN=dirsync,OU=Service,DC=example,DC=com", "password=(redacted)");
    }

    @Test
    void baseDns_areCopiedAndUnmodifiable() {
        List<String> bases = new ArrayList<>(List.of("DC=example,DC=com"));
        LdapSourceSettings settings = LdapSourceSettings.of("ldap://dc1", "CN=a,DC=example,DC=com", SECRET, bases);
        bases.add("DC=other,DC=com");

        assertThat(settings.baseDns()).containsExactly("DC=example,DC=com");
        assertThatThrownBy(() -> settings.baseDns().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ldap://dc1", "ldap://dc1.example.com:3268", "ldaps://dc1.example.com:636", "LDAP://DC1/",
        "ldap://[::1]:389", "embedded:config/demo/directory.ldif", "embedded:/tmp/x.ldif"})
    void url_acceptedForms(String url) {
        assertThat(VALID.withUrl(url).url()).isEqualTo(url);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("blank url", s -> s.withUrl(" "), "source.url must not be blank"),
                invalid("http url", s -> s.withUrl("http://dc1"), "source.url must be ldap://host[:port]"),
                invalid("url without host", s -> s.withUrl("ldap://"), "source.url must be"),
                invalid("url with base DN", s -> s.withUrl("ldap://dc1/DC=example,DC=com"), "source.url must be"),
                invalid("embedded without path", s -> s.withUrl("embedded:"), "source.url must be"),
                invalid("blank bind DN", s -> with(s, "", SECRET, s.baseDns()),
                        "source.bindDn must not be blank"),
                invalid("malformed bind DN", s -> with(s, "dirsync", SECRET, s.baseDns()),
                        "source.bindDn is not a valid DN"),
                invalid("empty password", s -> with(s, s.bindDn(), "", s.baseDns()),
                        "source.password must not be empty"),
                invalid("null password", s -> with(s, s.bindDn(), null, s.baseDns()),
                        "source.password must not be empty"),
                invalid("no base DN", s -> with(s, s.bindDn(), SECRET, List.of()),
                        "source.baseDns must hold at least one base DN"),
                invalid("malformed second base DN",
                        s -> with(s, s.bindDn(), SECRET, List.of("DC=example,DC=com", "example")),
                        "source.baseDns[1] is not a valid DN: 'example'"),
                invalid("unbalanced filter", s -> s.withFilter("(&(objectClass=user)"), "source.filter"),
                invalid("blank filter", s -> s.withFilter(" "), "source.filter must not be blank"),
                invalid("page size 0", s -> s.withPageSize(0), "source.pageSize must be between 1 and 10000, got 0"),
                invalid("page size 10001", s -> s.withPageSize(10_001),
                        "source.pageSize must be between 1 and 10000, got 10001"),
                invalid("zero connect timeout", s -> s.withTimeouts(Duration.ZERO, null),
                        "source.connectTimeout must be at least 1ms, got PT0S"),
                invalid("negative response timeout", s -> s.withTimeouts(null, Duration.ofSeconds(-1)),
                        "source.responseTimeout must be at least 1ms, got PT-1S"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void constructor_invalidSetting_isRejectedNamingTheSetting(String description,
                                                               Function<LdapSourceSettings, LdapSourceSettings> change,
                                                               String expectedMessage) {
        assertThatThrownBy(() -> change.apply(VALID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expectedMessage)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void constructor_badFilter_isRejectedBeforeAnythingConnects() {
        assertThatThrownBy(() -> VALID.withFilter("(objectCategory=person"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("source.filter is not a valid LDAP filter: '(objectCategory=person'");
    }

    private static Arguments invalid(String description, Function<LdapSourceSettings, LdapSourceSettings> change,
                                     String message) {
        return Arguments.of(description, change, message);
    }

    private static LdapSourceSettings with(LdapSourceSettings s, String bindDn, String password, List<String> baseDns) {
        return new LdapSourceSettings(s.url(), bindDn, password, baseDns, s.filter(), s.pageSize(), s.connectTimeout(),
                s.responseTimeout());
    }
}
