package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.mailUser;
import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.model.SourceEntry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The readiness policy: whether an object is blocked and which attributes it is exported with.
 *
 * <pre>
 * finding on                       | policy                  | blocked | exported value
 * userPrincipalName Character      | block (default)         | yes     | (as read)
 * userPrincipalName Character      | fix                     | no      | suggested
 * userPrincipalName Character      | warn                    | no      | as read
 * displayName Length               | default (fix)           | no      | first 256
 * mail Duplicate                   | block / fix / warn      | yes / no / no | - / dropped / dropped
 * proxyAddresses REMOVE            | fix                     | no      | dropped
 * UPN TopLevelDomain, upnSuffix    | block                   | no      | local@upnSuffix
 * </pre>
 */
class PolicyTest {
    private static final SourceEntry BAD_UPN =
            mailUser("John").with("userPrincipalName", "john doe@contoso.com").build();

    @ParameterizedTest(name = "Character under {0}: blocked={1}, exported {2}")
    @CsvSource({
        "BLOCK, true, john doe@contoso.com",
        "FIX, false, johndoe@contoso.com",
        "WARN, false, john doe@contoso.com"
    })
    void characterFinding_policyDecides(PolicyAction action, boolean blocked, String exported) {
        CheckResult result = TestSettings.multiTenant()
                .policy(ErrorClass.CHARACTER, action)
                .checker()
                .check(BAD_UPN);

        assertThat(result.blocked()).isEqualTo(blocked);
        assertThat(result.effective().all("userPrincipalName")).containsExactly(exported);
        assertThat(Findings.single(result, "userPrincipalName").classes()).containsExactly(ErrorClass.CHARACTER);
    }

    @Test
    void defaultPolicy_blocksEveryClass() {
        CheckResult result = TestSettings.multiTenant().checker().check(BAD_UPN);

        assertThat(result.blocked()).isTrue();
    }

    @Test
    void defaultPolicy_fixesLengthOnNames() {
        SourceEntry entry = mailUser("John")
                .with("userPrincipalName", "john@contoso.com")
                .with("displayName", "d".repeat(300))
                .with("givenName", "g".repeat(70))
                .with("sn", "s".repeat(70))
                .build();

        CheckResult result = TestSettings.multiTenant().checker().check(entry);

        assertThat(result.blocked()).isFalse();
        assertThat(result.effective().all("displayName")).containsExactly("d".repeat(256));
        assertThat(result.effective().all("givenName")).containsExactly("g".repeat(64));
        assertThat(result.effective().all("sn")).containsExactly("s".repeat(64));
        assertThat(result.effective().all("userPrincipalName")).containsExactly("john@contoso.com");
    }

    @Test
    void defaultPolicy_blocksLengthOnOtherAttributes() {
        SourceEntry entry = mailUser("John")
                .with("userPrincipalName", "john@contoso.com")
                .with("mailNickname", "n".repeat(65))
                .build();

        assertThat(TestSettings.multiTenant().checker().check(entry).blocked()).isTrue();
    }

    @Test
    void cleanObject_exportedAsRead() {
        SourceEntry entry =
                mailUser("John").with("userPrincipalName", "john@contoso.com").build();

        CheckResult result = TestSettings.multiTenant().checker().check(entry);

        assertThat(result.findings()).isEmpty();
        assertThat(result.blocked()).isFalse();
        assertThat(result.effective()).isEqualTo(entry.attributes());
    }

    @ParameterizedTest(name = "Duplicate under {0}: blocked={1}")
    @CsvSource({"BLOCK, true", "FIX, false", "WARN, false"})
    void duplicate_neverExported(PolicyAction action, boolean blocked) {
        ReadinessChecker checker =
                TestSettings.multiTenant().policy(ErrorClass.DUPLICATE, action).checker();
        checker.check(user("A")
                .with("userPrincipalName", "a@contoso.com")
                .with("mail", "john@contoso.com")
                .build());

        CheckResult later = checker.check(user("B")
                .with("userPrincipalName", "b@contoso.com")
                .with("mail", "john@contoso.com")
                .with("proxyAddresses", "SMTP:b@contoso.com", "smtp:john@contoso.com")
                .build());

        assertThat(later.blocked()).isEqualTo(blocked);
        if (!blocked) {
            assertThat(later.effective().has("mail")).isFalse();
            assertThat(later.effective().all("proxyAddresses")).containsExactly("SMTP:b@contoso.com");
        }
    }

    @Test
    void removeProposal_underFix_dropsTheValue() {
        SourceEntry entry = mailUser("John")
                .with("userPrincipalName", "john@contoso.com")
                .with("proxyAddresses", "SMTP:john@contoso.com", "smtp:john@@contoso.com", "X500:/o=Contoso/cn=john")
                .build();

        CheckResult result = TestSettings.multiTenant()
                .policy(ErrorClass.FORMAT, PolicyAction.FIX)
                .checker()
                .check(entry);

        assertThat(result.blocked()).isFalse();
        assertThat(result.effective().all("proxyAddresses"))
                .containsExactly("SMTP:john@contoso.com", "X500:/o=Contoso/cn=john");
    }

    @Test
    void fixOfProxyAddress_replacesThatValueOnly() {
        SourceEntry entry = mailUser("John")
                .with("userPrincipalName", "john@contoso.com")
                .with("proxyAddresses", "SMTP:john@contoso.com", "smtp:jo hn@fabrikam.com", "SMTP:j@contoso.com")
                .build();

        CheckResult result = TestSettings.multiTenant()
                .policy(ErrorClass.CHARACTER, PolicyAction.FIX)
                .policy(ErrorClass.FORMAT, PolicyAction.FIX)
                .checker()
                .check(entry);

        assertThat(result.blocked()).isFalse();
        assertThat(result.effective().all("proxyAddresses"))
                .containsExactly("SMTP:john@contoso.com", "smtp:john@fabrikam.com", "smtp:j@contoso.com");
    }

    @Test
    void fixAndWarnOnOneValue_suggestedValueExported() {
        SourceEntry entry = mailUser("John")
                .with("userPrincipalName", "jo hn@contoso.local")
                .build();

        CheckResult result = TestSettings.multiTenant()
                .policy(ErrorClass.CHARACTER, PolicyAction.FIX)
                .policy(ErrorClass.TOP_LEVEL_DOMAIN, PolicyAction.WARN)
                .checker()
                .check(entry);

        assertThat(result.blocked()).isFalse();
        assertThat(result.effective().all("userPrincipalName")).containsExactly("john@contoso.local");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "john@contoso.local, TopLevelDomain",
        "john@fabrikam.com, UnverifiedDomain",
        "john@contoso.lan, TopLevelDomain"
    })
    void upnWithOnlyDomainFindings_andUpnSuffix_notBlockedButExportedAtSuffix(String upn, String errorClass) {
        SourceEntry entry = mailUser("John").with("userPrincipalName", upn).build();

        CheckResult result = TestSettings.multiTenant()
                .upnSuffix("contoso.com")
                .verifiedDomains("contoso.com")
                .checker()
                .check(entry);

        assertThat(result.blocked()).isFalse();
        assertThat(result.effective().all("userPrincipalName")).containsExactly("john@contoso.com");
        assertThat(Findings.single(result, "userPrincipalName").classes())
                .containsExactly(ErrorClass.fromLabel(errorClass));
    }

    @Test
    void upnWithDomainFindingsAndAnother_blocked() {
        SourceEntry entry = mailUser("John")
                .with("userPrincipalName", "jo hn@contoso.local")
                .build();

        CheckResult result =
                TestSettings.multiTenant().upnSuffix("contoso.com").checker().check(entry);

        assertThat(result.blocked()).isTrue();
    }

    @Test
    void upnTopLevelDomain_withoutUpnSuffix_blocked() {
        SourceEntry entry =
                mailUser("John").with("userPrincipalName", "john@contoso.local").build();

        assertThat(TestSettings.multiTenant().checker().check(entry).blocked()).isTrue();
    }

    @ParameterizedTest(name = "Blank under {0}: blocked={1}")
    @CsvSource({"BLOCK, true, ", "FIX, false, jdoe@contoso.com", "WARN, false, "})
    void missingUpn_withBlankFix_policyDecidesAsUsual(PolicyAction action, boolean blocked, String exported) {
        SourceEntry entry = mailUser("John").with("sAMAccountName", "jdoe").build();

        CheckResult result = TestSettings.multiTenant()
                .upnSuffix("contoso.com")
                .policy(ErrorClass.BLANK, action)
                .checker()
                .check(entry);

        assertThat(result.blocked()).isEqualTo(blocked);
        if (!blocked) {
            assertThat(result.effective().all("userPrincipalName"))
                    .isEqualTo(exported == null ? List.of() : List.of(exported));
        }
    }

    @Test
    void missingDisplayName_blankUnderFix_exportedWithCn() {
        SourceEntry entry = mailUser("John Doe")
                .without("displayName")
                .with("userPrincipalName", "john@contoso.com")
                .build();

        CheckResult result = TestSettings.multiTenant()
                .policy(ErrorClass.BLANK, PolicyAction.FIX)
                .checker()
                .check(entry);

        assertThat(result.effective().all("displayName")).containsExactly("John Doe");
    }
}
