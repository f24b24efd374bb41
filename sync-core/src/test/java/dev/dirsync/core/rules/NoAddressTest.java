package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.contact;
import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** NoAddress: a user without targetAddress, mail and SMTP proxy address cannot be a mail user. */
class NoAddressTest {

    @Test
    void userWithoutAnyAddress_noAddressOnMail_blocked() {
        CheckResult result =
                TestSettings.multiTenant().checker().check(user("John").build());

        Finding finding = Findings.single(result, "mail");
        assertThat(finding.classes()).containsExactly(ErrorClass.NO_ADDRESS);
        assertThat(finding.value()).isNull();
        assertThat(finding.suggested()).isNull();
        assertThat(finding.action()).isEqualTo(ProposedAction.COMPLETE);
        assertThat(finding.detail()).contains("cannot be a mail user");
        assertThat(finding.errorText()).isEqualTo("NoAddress");
        assertThat(result.blocked()).isTrue();
    }

    @ParameterizedTest(name = "NoAddress under {0}")
    @EnumSource(PolicyAction.class)
    void noAddress_blocksWhateverThePolicy(PolicyAction action) {
        CheckResult result = TestSettings.multiTenant()
                .policy(ErrorClass.NO_ADDRESS, action)
                .checker()
                .check(user("John").build());

        assertThat(result.blocked()).isTrue();
    }

    @Test
    void userWithoutAnyAddress_dedicatedProfile_noAddressToo() {
        CheckResult result = TestSettings.dedicated()
                .checker()
                .check(user("John").with("homeMDB", "CN=DB01").build());

        Findings.assertOutcome(result, "mail", "NoAddress", null);
        assertThat(result.blocked()).isTrue();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "targetAddress, SMTP:john@fabrikam.com",
        "mail, john@contoso.com",
        "proxyAddresses, smtp:john@contoso.com"
    })
    void userWithOneAddress_noNoAddress(String attribute, String value) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John")
                        .with("userPrincipalName", "john@contoso.com")
                        .with(attribute, value)
                        .build());

        assertThat(result.findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({"proxyAddresses, X500:/o=Contoso/cn=john", "proxyAddresses, 'smtp:   '", "mail, '  '"})
    void userWithOnlyNonSmtpOrBlankAddresses_noAddress(String attribute, String value) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with(attribute, value).build());

        assertThat(result.findings())
                .filteredOn(finding -> finding.classes().contains(ErrorClass.NO_ADDRESS))
                .singleElement()
                .extracting(Finding::attribute)
                .isEqualTo("mail");
    }

    @Test
    void contactWithoutAddress_noNoAddress() {
        CheckResult result =
                TestSettings.multiTenant().checker().check(contact("Jane").build());

        assertThat(result.findings()).isEmpty();
    }
}
