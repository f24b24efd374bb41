package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.mailUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.model.SourceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Character on every checked value: control characters (C0, DEL, C1) are removed; a value that was
 * not valid UTF-8 (read as U+FFFD) has no fix. Neither is ever exported as read.
 */
class EncodingRulesTest {
    private static final String UNDECODABLE = "Ren\uFFFD M\uFFFDller";

    @Test
    void controlCharactersInDisplayName_characterWithThemRemoved_andNamedInTheDetail() {
        CheckResult result = check(TestSettings.multiTenant(), "displayName", "Anna\u0000 Sch\u0007mi\u001Bdt");

        Finding finding = Findings.single(result, "displayName");
        assertThat(finding.classes()).containsExactly(ErrorClass.CHARACTER);
        assertThat(finding.suggested()).isEqualTo("Anna Schmidt");
        assertThat(finding.action()).isEqualTo(ProposedAction.EDIT);
        assertThat(finding.detail()).isEqualTo("control characters U+0000, U+0007, U+001B");
        assertThat(result.blocked()).isTrue();
    }

    @ParameterizedTest(name = "{0} holding U+{1}")
    @CsvSource({
        "displayName, 0009",
        "givenName, 007F",
        "sn, 0085",
        "mailNickname, 001F",
        "sAMAccountName, 0000",
        "mail, 000A",
        "userPrincipalName, 009F",
        "proxyAddresses, 0007",
        "targetAddress, 001B"
    })
    void controlCharacter_inEveryCheckedAttribute_isCharacter(String attribute, String codePoint) {
        String value = "smtp:jo" + (char) Integer.parseInt(codePoint, 16) + "hn@contoso.com";
        if (!attribute.equals("proxyAddresses") && !attribute.equals("targetAddress")) {
            value = value.substring(5);
        }

        CheckResult result = check(TestSettings.multiTenant(), attribute, value);

        Finding finding = Findings.single(result, attribute);
        assertThat(finding.classes()).startsWith(ErrorClass.CHARACTER);
        assertThat(finding.suggested()).doesNotContain(String.valueOf((char) Integer.parseInt(codePoint, 16)));
        assertThat(result.blocked()).isTrue();
    }

    @Test
    void controlCharacters_dedicatedProfile_isCharacterToo() {
        CheckResult result = check(
                TestSettings.dedicated().policy(ErrorClass.CHARACTER, PolicyAction.FIX), "displayName", "Anna\u0007");

        Findings.assertOutcome(result, "displayName", "Character", "Anna");
        assertThat(result.effective().all("displayName")).containsExactly("Anna");
    }

    @Test
    void controlCharacters_underFix_exportedWithoutThem() {
        CheckResult result = check(
                TestSettings.multiTenant().policy(ErrorClass.CHARACTER, PolicyAction.FIX),
                "displayName",
                "Anna\u001B Schmidt");

        assertThat(result.blocked()).isFalse();
        assertThat(result.effective().all("displayName")).containsExactly("Anna Schmidt");
    }

    @Test
    void controlCharacters_underWarn_blocked_neverExportedAsRead() {
        CheckResult result = check(
                TestSettings.multiTenant().policy(ErrorClass.CHARACTER, PolicyAction.WARN),
                "displayName",
                "Anna\u0000 Schmidt");

        assertThat(result.blocked()).isTrue();
    }

    @Test
    void onlyControlCharacters_noSuggestion_blockedEvenUnderFix() {
        CheckResult result = check(
                TestSettings.multiTenant().policy(ErrorClass.CHARACTER, PolicyAction.FIX),
                "displayName",
                "\u0007\u0007");

        Finding finding = Findings.single(result, "displayName");
        assertThat(finding.classes()).containsExactly(ErrorClass.CHARACTER);
        assertThat(finding.suggested()).isEqualTo("\u0007\u0007");
        assertThat(finding.action()).isEqualTo(ProposedAction.COMPLETE);
        assertThat(result.blocked()).isTrue();
    }

    @ParameterizedTest(name = "invalid UTF-8 under {0}")
    @EnumSource(PolicyAction.class)
    void invalidUtf8_characterWithoutFix_blockedWhateverThePolicy(PolicyAction action) {
        CheckResult result =
                check(TestSettings.multiTenant().policy(ErrorClass.CHARACTER, action), "displayName", UNDECODABLE);

        Finding finding = Findings.single(result, "displayName");
        assertThat(finding.classes()).containsExactly(ErrorClass.CHARACTER);
        assertThat(finding.value()).isEqualTo(UNDECODABLE);
        assertThat(finding.suggested()).isEqualTo(UNDECODABLE);
        assertThat(finding.action()).isEqualTo(ProposedAction.COMPLETE);
        assertThat(finding.detail()).contains("not valid UTF-8");
        assertThat(result.blocked()).isTrue();
    }

    @Test
    void invalidUtf8_noOtherRuleRunsOnIt() {
        CheckResult result = check(
                TestSettings.multiTenant().policy(ErrorClass.CHARACTER, PolicyAction.FIX),
                "userPrincipalName",
                "ren\uFFFD@contoso.com");

        Finding finding = Findings.single(result, "userPrincipalName");
        assertThat(finding.classes()).containsExactly(ErrorClass.CHARACTER);
        assertThat(finding.suggested()).isEqualTo("ren\uFFFD@contoso.com");
        assertThat(result.blocked()).isTrue();
    }

    @Test
    void invalidUtf8_inOneProxyAddress_reportedOnThatValue() {
        SourceEntry entry = mailUser("John")
                .with("proxyAddresses", "SMTP:john@contoso.com", "smtp:j\uFFFDhn@contoso.com")
                .build();

        CheckResult result = TestSettings.multiTenant().checker().check(entry);

        Finding finding = Findings.single(result, "proxyAddresses");
        assertThat(finding.value()).isEqualTo("smtp:j\uFFFDhn@contoso.com");
        assertThat(finding.classes()).containsExactly(ErrorClass.CHARACTER);
        assertThat(result.blocked()).isTrue();
    }

    @Test
    void printableNonAsciiText_clean() {
        CheckResult result = check(TestSettings.multiTenant(), "displayName", "René Müller 😀");

        assertThat(result.findings()).isEmpty();
    }

    private static CheckResult check(TestSettings settings, String attribute, String value) {
        return settings.checker()
                .check(mailUser("John")
                        .with("userPrincipalName", "john@contoso.com")
                        .with(attribute, value)
                        .build());
    }
}
