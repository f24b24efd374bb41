package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * UnverifiedDomain, with verified domains contoso.com and contoso.de: a domain equal to one of
 * them or a subdomain of one passes.
 *
 * <pre>
 * attribute          | value                           | classes          | suggested
 * mail               | john@sales.contoso.com          | -                |
 * mail               | john@fabrikam.com               | UnverifiedDomain | (unchanged)
 * mail               | john@notcontoso.com             | UnverifiedDomain | (unchanged: not a subdomain)
 * userPrincipalName  | john@fabrikam.com               | UnverifiedDomain | john@contoso.com (upnSuffix)
 * </pre>
 */
class UnverifiedDomainTest {

    @ParameterizedTest(name = "{0} = {1} -> [{2}] {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            mail              | john@contoso.com             |                  | null
            mail              | john@CONTOSO.de              |                  | null
            mail              | john@sales.contoso.com       |                  | null
            mail              | john@fabrikam.com            | UnverifiedDomain | john@fabrikam.com
            mail              | john@notcontoso.com          | UnverifiedDomain | john@notcontoso.com
            mail              | john@contoso.com.evil.com    | UnverifiedDomain | john@contoso.com.evil.com
            proxyAddresses    | smtp:john@fabrikam.com       | UnverifiedDomain | smtp:john@fabrikam.com
            proxyAddresses    | SIP:john@fabrikam.com        |                  | null
            targetAddress     | SMTP:john@fabrikam.com       |                  | null
            userPrincipalName | john@fabrikam.com            | UnverifiedDomain | john@contoso.com
            userPrincipalName | john@eu.contoso.com          |                  | null
            """)
    void unverifiedDomain_whenConfigured(String attribute, String value, String classes, String suggested) {
        ReadinessChecker checker = TestSettings.multiTenant()
                .verifiedDomains("contoso.com", "contoso.de")
                .upnSuffix("contoso.com")
                .checker();

        CheckResult result = checker.check(user("John").with(attribute, value).build());

        Findings.assertOutcome(result, attribute, classes, suggested);
    }

    @Test
    void unverifiedDomain_notConfigured_neverFires() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with("userPrincipalName", "john@fabrikam.com")
                        .with("mail", "john@fabrikam.com")
                        .build());

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void unverifiedDomain_onUpnWithoutSuffix_noFix() {
        CheckResult result = TestSettings.multiTenant()
                .verifiedDomains("contoso.com")
                .checker()
                .check(user("John")
                        .with("userPrincipalName", "john@fabrikam.com")
                        .build());

        Finding finding = Findings.single(result, "userPrincipalName");
        assertThat(finding.classes()).containsExactly(ErrorClass.UNVERIFIED_DOMAIN);
        assertThat(finding.suggested()).isEqualTo("john@fabrikam.com");
        assertThat(finding.action()).isEqualTo(ProposedAction.COMPLETE);
    }

    @Test
    void unverifiedDomain_runsAfterTheAddressRulesOnTheFixedValue() {
        CheckResult result = TestSettings.multiTenant()
                .verifiedDomains("contoso.com")
                .checker()
                .check(user("John").with("mail", "jo(hn@fabrikam.com").build());

        Finding finding = Findings.single(result, "mail");
        assertThat(finding.classes()).containsExactly(ErrorClass.LOCAL_PART, ErrorClass.UNVERIFIED_DOMAIN);
        assertThat(finding.suggested()).isEqualTo("john@fabrikam.com");
    }
}
