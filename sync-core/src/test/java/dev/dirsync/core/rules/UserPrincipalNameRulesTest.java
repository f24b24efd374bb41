package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.contact;
import static dev.dirsync.core.rules.TestEntries.mailUser;
import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * userPrincipalName on users.
 *
 * <pre>
 * rule        | fires on                                              | fix
 * Blank       | missing (users only)                                  | sAMAccountName@upnSuffix, else none
 * Length      | &gt; 113, or &gt; 64 before @, or &gt; 48 after       | none (identities are never truncated)
 * Character   | whitespace \ % &amp; * + / = ? { } | &lt; &gt; ( ) ; : , [ ] "   | removed (the apostrophe is legal)
 * Character   | non-ASCII                                             | diacritics stripped, rest removed
 * address     | TopLevelDomain, DomainPart, LocalPart, Format         | TopLevelDomain: local@upnSuffix when set
 * </pre>
 */
class UserPrincipalNameRulesTest {
    private static final String LOCAL_64 = "a".repeat(64);
    private static final String DOMAIN_48 = "d".repeat(44) + ".com";

    @ParameterizedTest(name = "{0} -> [{1}] {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            john@contoso.com            |                       | null
            o'brien@contoso.com         |                       | null
            john doe@contoso.com        | Character             | johndoe@contoso.com
            john%doe@contoso.com        | Character             | johndoe@contoso.com
            {john}@contoso.com          | Character             | john@contoso.com
            jöhn.müller@contoso.com     | Character             | john.muller@contoso.com
            straße@contoso.com          | Character             | strae@contoso.com
            john doé@contoso.com        | Character             | johndoe@contoso.com
            john@contoso.local          | TopLevelDomain        | john@contoso.local
            john@cont_oso.com           | DomainPart            | john@contoso.com
            .john@contoso.com           | LocalPart, Format     | .john@contoso.com
            johndoe                     | Format                | johndoe
            john:doe@contoso.local      | Character, TopLevelDomain | johndoe@contoso.local
            """)
    void userPrincipalName_rules(String value, String classes, String suggested) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("userPrincipalName", value).build());

        Findings.assertOutcome(result, "userPrincipalName", classes, suggested);
    }

    static Stream<String> tooLong() {
        return Stream.of(LOCAL_64 + "a@contoso.com", "john@d" + DOMAIN_48);
    }

    /** Over 113 in all cannot happen without one side over its own limit (64 + 1 + 48 = 113). */
    @ParameterizedTest
    @MethodSource("tooLong")
    void userPrincipalName_tooLong_lengthWithoutTruncation(String upn) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("userPrincipalName", upn).build());

        Finding finding = Findings.single(result, "userPrincipalName");
        assertThat(finding.classes()).containsExactly(ErrorClass.LENGTH);
        assertThat(finding.suggested()).isEqualTo(upn);
        assertThat(finding.action()).isEqualTo(ProposedAction.COMPLETE);
    }

    @Test
    void userPrincipalName_atTheLimits_clean() {
        String upn = LOCAL_64 + "@" + DOMAIN_48;

        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(mailUser("John").with("userPrincipalName", upn).build());

        assertThat(upn).hasSize(113);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void userPrincipalName_missingWithSuffixAndSam_blankSuggestsSamAtSuffix() {
        CheckResult result = TestSettings.multiTenant()
                .upnSuffix("contoso.com")
                .checker()
                .check(user("John").with("sAMAccountName", "jdoe").build());

        Finding finding = Findings.single(result, "userPrincipalName");
        assertThat(finding.classes()).containsExactly(ErrorClass.BLANK);
        assertThat(finding.value()).isNull();
        assertThat(finding.suggested()).isEqualTo("jdoe@contoso.com");
        assertThat(finding.action()).isEqualTo(ProposedAction.EDIT);
    }

    @Test
    void userPrincipalName_blankFixFeedsTheNextRules() {
        CheckResult result = TestSettings.multiTenant()
                .upnSuffix("contoso.com")
                .checker()
                .check(user("John").with("sAMAccountName", "j doe").build());

        Finding finding = Findings.single(result, "userPrincipalName");
        assertThat(finding.classes()).containsExactly(ErrorClass.BLANK, ErrorClass.CHARACTER);
        assertThat(finding.suggested()).isEqualTo("jdoe@contoso.com");
    }

    @Test
    void userPrincipalName_missingWithoutSuffix_blankWithNothingToSuggest() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("sAMAccountName", "jdoe").build());

        Finding finding = Findings.single(result, "userPrincipalName");
        assertThat(finding.classes()).containsExactly(ErrorClass.BLANK);
        assertThat(finding.suggested()).isNull();
        assertThat(finding.action()).isEqualTo(ProposedAction.COMPLETE);
    }

    @Test
    void userPrincipalName_missingOnContact_noFinding() {
        CheckResult result = TestSettings.multiTenant()
                .upnSuffix("contoso.com")
                .checker()
                .check(contact("John").with("mail", "john@fabrikam.com").build());

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void userPrincipalName_nonRoutableSuffixWithUpnSuffix_topLevelDomainSuggestsSuffix() {
        CheckResult result = TestSettings.multiTenant()
                .upnSuffix("contoso.com")
                .checker()
                .check(user("John")
                        .with("userPrincipalName", "john@contoso.local")
                        .build());

        Finding finding = Findings.single(result, "userPrincipalName");
        assertThat(finding.classes()).containsExactly(ErrorClass.TOP_LEVEL_DOMAIN);
        assertThat(finding.suggested()).isEqualTo("john@contoso.com");
        assertThat(finding.action()).isEqualTo(ProposedAction.EDIT);
    }

    @Test
    void userPrincipalName_missingOnInetOrgPerson_blank() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(TestEntries.inetOrgPerson("John").build());

        assertThat(Findings.single(result, "userPrincipalName").classes()).containsExactly(ErrorClass.BLANK);
    }
}
