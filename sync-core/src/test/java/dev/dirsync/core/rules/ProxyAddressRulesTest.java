package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * proxyAddresses, value by value, by prefix.
 *
 * <pre>
 * prefix          | Character for                     | then
 * any             | a colon after the prefix's        |
 * SMTP / smtp     | whitespace &lt; &gt; ( ) ; , [ ] " ; non-ASCII | address rules, UnverifiedDomain
 * X400 / X500     | \f \n \r \t \v [ ] "               | (apostrophes, parentheses, spaces are legal)
 * SIP, EUM, ...   | whitespace &lt; &gt; ( ) , [ ] "         |
 * </pre>
 */
class ProxyAddressRulesTest {

    @ParameterizedTest(name = "{0} -> [{1}] {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            quoteCharacter = '`',
            textBlock =
                    """
            SMTP:john@contoso.com                                   |                   | null
            smtp:o'brien@contoso.com                                |                   | null
            smtp:john doe@contoso.com                               | Character         | smtp:johndoe@contoso.com
            smtp:(john)@contoso.com                                 | Character         | smtp:john@contoso.com
            smtp:"john"@contoso.com                                 | Character         | smtp:john@contoso.com
            smtp:jöhn@contoso.com                                   | Character         | smtp:john@contoso.com
            smtp:john@con:toso.com                                  | Character         | smtp:john@contoso.com
            SMTP:john@contoso.local                                 | TopLevelDomain    | SMTP:john@contoso.local
            smtp:john@cont_oso.com                                  | DomainPart        | smtp:john@contoso.com
            smtp:john.@contoso.com                                  | LocalPart         | smtp:john@contoso.com
            smtp:john                                               | Format            | smtp:john
            X500:/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=o'brien |  | null
            X400:C=US;A= ;P=Contoso Ltd;O=Exchange;S=Doe;G=John;    |                   | null
            x500:/o=Contoso/cn="john"                               | Character         | x500:/o=Contoso/cn=john
            X400:C=US;A= ;P=[Contoso];S=Doe;                        | Character         | X400:C=US;A= ;P=Contoso;S=Doe;
            X400:C=US;P=Contoso:Ltd;S=Doe;                          | Character         | X400:C=US;P=ContosoLtd;S=Doe;
            SIP:john@contoso.com                                    |                   | null
            EUM:1234;phone-context=contoso.com                      |                   | null
            SIP:john doe@contoso.com                                | Character         | SIP:johndoe@contoso.com
            sip:<john>@contoso.com                                  | Character         | sip:john@contoso.com
            """)
    void proxyAddresses_rulesByPrefix(String value, String classes, String suggested) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with("proxyAddresses", "smtp:other@contoso.com", value)
                        .build());

        List<Finding> findings = Findings.on(result, "proxyAddresses").stream()
                .filter(f -> f.value().equals(value))
                .toList();
        if (classes == null || classes.isBlank()) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.classes()).isEqualTo(Findings.classes(classes));
                assertThat(f.suggested()).isEqualTo(suggested);
            });
        }
    }

    @Test
    void proxyAddresses_controlCharactersInX500_character() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with("proxyAddresses", "X500:/o=Contoso/cn=jo\thn\n")
                        .build());

        Finding finding = Findings.single(result, "proxyAddresses");
        assertThat(finding.classes()).containsExactly(ErrorClass.CHARACTER);
        assertThat(finding.suggested()).isEqualTo("X500:/o=Contoso/cn=john");
    }

    @Test
    void proxyAddresses_longerThan256_lengthThenAddressRulesOnTheTruncatedValue() {
        String value = "smtp:" + "a".repeat(241) + "@contoso.com";

        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("proxyAddresses", value).build());

        Finding finding = Findings.single(result, "proxyAddresses");
        assertThat(finding.classes())
                .containsExactly(
                        ErrorClass.LENGTH, ErrorClass.TOP_LEVEL_DOMAIN, ErrorClass.DOMAIN_PART, ErrorClass.FORMAT);
        assertThat(finding.suggested()).hasSize(256).isEqualTo(value.substring(0, 256));
    }

    @Test
    void proxyAddresses_secondPrimary_formatWithLowerCasePrefix() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with("proxyAddresses", "SMTP:john@contoso.com", "smtp:jd@contoso.com", "SMTP:doe@contoso.com")
                        .build());

        Finding finding = Findings.single(result, "proxyAddresses");
        assertThat(finding.value()).isEqualTo("SMTP:doe@contoso.com");
        assertThat(finding.classes()).containsExactly(ErrorClass.FORMAT);
        assertThat(finding.suggested()).isEqualTo("smtp:doe@contoso.com");
        assertThat(finding.action()).isEqualTo(ProposedAction.EDIT);
    }

    @Test
    void proxyAddresses_secondPrimaryWithOtherFindings_formatAfterTheAddressRules() {
        CheckResult result = TestSettings.multiTenant()
                .verifiedDomains("contoso.com")
                .checker()
                .check(user("John")
                        .with("proxyAddresses", "SMTP:john@contoso.com", "SMTP:jo hn@fabrikam.com")
                        .build());

        Finding finding = Findings.single(result, "proxyAddresses");
        assertThat(finding.classes())
                .containsExactly(ErrorClass.CHARACTER, ErrorClass.FORMAT, ErrorClass.UNVERIFIED_DOMAIN);
        assertThat(finding.suggested()).isEqualTo("smtp:john@fabrikam.com");
    }

    @Test
    void proxyAddresses_unfixableWithAnotherValidAddress_remove() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with("proxyAddresses", "SMTP:john@contoso.com", "smtp:john@@contoso.com")
                        .build());

        Finding finding = Findings.single(result, "proxyAddresses");
        assertThat(finding.classes()).containsExactly(ErrorClass.FORMAT);
        assertThat(finding.action()).isEqualTo(ProposedAction.REMOVE);
    }

    @Test
    void proxyAddresses_unfixableWithValidMail_remove() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with("mail", "john@contoso.com")
                        .with("proxyAddresses", "smtp:john@contoso.local")
                        .build());

        assertThat(Findings.single(result, "proxyAddresses").action()).isEqualTo(ProposedAction.REMOVE);
    }

    @Test
    void proxyAddresses_unfixableAndNoOtherValidAddress_complete() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with(
                                "proxyAddresses",
                                "SMTP:john@contoso.local",
                                "smtp:j@contoso.local",
                                "X500:/o=Contoso/cn=john")
                        .build());

        assertThat(Findings.on(result, "proxyAddresses")).hasSize(2).allSatisfy(f -> assertThat(f.action())
                .isEqualTo(ProposedAction.COMPLETE));
    }

    @Test
    void proxyAddresses_fixableValue_editEvenWithAnotherValidAddress() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with("proxyAddresses", "SMTP:john@contoso.com", "smtp:jo hn@contoso.com")
                        .build());

        assertThat(Findings.single(result, "proxyAddresses").action()).isEqualTo(ProposedAction.EDIT);
    }

    @Test
    void proxyAddresses_oneFindingPerValue_inValueOrder() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with("proxyAddresses", "smtp:a b@contoso.com", "SMTP:john@contoso.com", "smtp:c d@contoso.com")
                        .build());

        assertThat(Findings.on(result, "proxyAddresses"))
                .extracting(Finding::value)
                .containsExactly("smtp:a b@contoso.com", "smtp:c d@contoso.com");
    }
}
