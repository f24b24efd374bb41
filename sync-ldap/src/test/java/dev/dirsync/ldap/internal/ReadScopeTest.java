package dev.dirsync.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.Secret;
import dev.dirsync.ldap.LdapSourceSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scope filter built with the Filter API, the excluded subtrees, and the scope fingerprint. */
class ReadScopeTest {
    private static final String GROUP = "CN=Sync Users,OU=Groups,DC=corp,DC=com";
    private static final LdapSourceSettings BASE = LdapSourceSettings.builder()
            .url("ldaps://dc1.corp.com")
            .bindDn("CN=svc,DC=corp,DC=com")
            .password(Secret.of("Secret-123"))
            .baseDns(List.of("OU=Staff,DC=corp,DC=com"))
            .build();

    @Test
    void activeDirectory_groupAndSkipDisabled_useTheMatchingRuleInChainAndTheBitwiseAnd() {
        LdapSourceSettings settings =
                BASE.toBuilder().groupDn(GROUP).skipDisabled(true).build();

        ReadScope scope = ReadScope.of(settings, true, "ldaps://dc1.corp.com:636");

        assertThat(scope.filter().toString())
                .isEqualTo("(&(&(objectCategory=person)(objectClass=user))"
                        + "(memberOf:1.2.840.113556.1.4.1941:=CN=Sync Users,OU=Groups,DC=corp,DC=com)"
                        + "(!(userAccountControl:1.2.840.113556.1.4.803:=2)))");
        assertThat(scope.group()).isPresent();
    }

    @Test
    void otherServers_groupIsDirectMembershipAndSkipDisabledIsRefused() {
        LdapSourceSettings grouped = BASE.toBuilder().groupDn(GROUP).build();

        assertThat(ReadScope.of(grouped, false, "ldaps://ldap1:636").filter().toString())
                .isEqualTo("(&(&(objectCategory=person)(objectClass=user))"
                        + "(memberOf=CN=Sync Users,OU=Groups,DC=corp,DC=com))");
        assertThatThrownBy(
                        () -> ReadScope.of(BASE.toBuilder().skipDisabled(true).build(), false, "ldaps://ldap1:636"))
                .isInstanceOf(DirsyncException.class)
                .hasMessageContaining("source.skipDisabled")
                .hasMessageContaining("ldaps://ldap1:636");
    }

    @Test
    void groupDnWithFilterSpecialCharacters_isEscapedByTheFilterApi() {
        LdapSourceSettings settings =
                BASE.toBuilder().groupDn("CN=R&D (all)*,DC=corp,DC=com").build();

        assertThat(ReadScope.of(settings, true, "u").filter().toString())
                .contains("memberOf:1.2.840.113556.1.4.1941:=CN=R&D \\28all\\29\\2a,DC=corp,DC=com");
    }

    @Test
    void selects_baseMinusExcludedSubtrees() throws LDAPException {
        LdapSourceSettings settings = BASE.toBuilder()
                .excludedDns(List.of("OU=Former,OU=Staff,DC=corp,DC=com"))
                .build();
        ReadScope scope = ReadScope.of(settings, true, "u");

        assertThat(scope.selects(new DN("CN=Ada,OU=Staff,DC=corp,DC=com"))).isTrue();
        assertThat(scope.selects(new DN("cn=ada,ou=staff,dc=CORP,dc=com"))).isTrue();
        assertThat(scope.selects(new DN("CN=Old,OU=Former,OU=Staff,DC=corp,DC=com")))
                .isFalse();
        assertThat(scope.selects(new DN("OU=Former,OU=Staff,DC=corp,DC=com"))).isFalse();
        assertThat(scope.selects(new DN("CN=Elsewhere,OU=Other,DC=corp,DC=com")))
                .isFalse();
        assertThat(scope.hasExclusions()).isTrue();
    }

    @Test
    void fingerprint_followsEveryScopeSettingButNotTheSpellingOfDns() {
        String base = ReadScope.fingerprint(BASE);

        assertThat(ReadScope.fingerprint(BASE.toBuilder()
                        .baseDns(List.of("ou=staff, dc=corp, dc=com"))
                        .build()))
                .isEqualTo(base);
        assertThat(ReadScope.fingerprint(BASE.toBuilder().pageSize(10).build())).isEqualTo(base);
        assertThat(List.of(
                        ReadScope.fingerprint(
                                BASE.toBuilder().filter("(objectClass=user)").build()),
                        ReadScope.fingerprint(BASE.toBuilder().groupDn(GROUP).build()),
                        ReadScope.fingerprint(
                                BASE.toBuilder().skipDisabled(true).build()),
                        ReadScope.fingerprint(BASE.toBuilder()
                                .excludedDns(List.of("OU=X,OU=Staff,DC=corp,DC=com"))
                                .build()),
                        ReadScope.fingerprint(BASE.toBuilder()
                                .baseDns(List.of("DC=corp,DC=com"))
                                .build())))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
        assertThat(base).hasSize(16).matches("[0-9a-f]+");
    }
}
