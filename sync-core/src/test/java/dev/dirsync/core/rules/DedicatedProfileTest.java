package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.contact;
import static dev.dirsync.core.rules.TestEntries.group;
import static dev.dirsync.core.rules.TestEntries.mailUser;
import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dedicated profile: IdFix's dedicated rule set. It checks displayName, mail, mailNickname,
 * proxyAddresses and targetAddress; never givenName, sn, sAMAccountName nor userPrincipalName.
 *
 * <pre>
 * attribute       | dedicated rules
 * displayName     | Blank (groups only, fix cn), Length 256, Character: leading/trailing whitespace (trimmed)
 * mail            | Length 256, Character: whitespace (removed), address rules, Duplicate
 * mailNickname    | Blank (contacts: givenName.sn, sAMAccountName or cn), Length 64,
 *                 | Character: whitespace \ ! # $ % &amp; * + / = ? ^ ` { } | ~ &lt; &gt; ( ) ' ; : , [ ] " @ (removed),
 *                 | Character: leading/trailing/double dots, Duplicate
 * proxyAddresses  | Length 256, Character: extra colon, SMTP address rules, Duplicate (no character rules)
 * targetAddress   | Blank (users and contacts without homeMDB; fix on contacts SMTP:mail), Length 256,
 *                 | SMTP address rules (no character rules, no Duplicate)
 * </pre>
 */
class DedicatedProfileTest {

    @Test
    void identityAttributes_notChecked() {
        CheckResult result = TestSettings.dedicated()
                .checker()
                .check(mailUser("John")
                        .with("userPrincipalName", "john doe@contoso.local")
                        .with("sAMAccountName", "a'very[long]sam-account-name")
                        .with("givenName", "g".repeat(80))
                        .with("sn", "s".repeat(80))
                        .with("homeMDB", "CN=DB01")
                        .build());

        assertThat(result.findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} = ''{2}'' -> [{3}] {4}")
    @CsvSource(
            delimiterString = " | ",
            nullValues = "null",
            quoteCharacter = '`',
            textBlock =
                    """
            user    | displayName  | `  John Doe `           | Character         | John Doe
            user    | displayName  | `   `                   | Character         | John
            user    | mail         | john doe@contoso.com    | Character         | johndoe@contoso.com
            user    | mail         | john@contoso.local      | TopLevelDomain    | john@contoso.local
            user    | mailNickname | john(doe)               | Character         | johndoe
            user    | mailNickname | jöhn                    | -                 | null
            user    | mailNickname | .john.                  | Character         | john
            user    | mailNickname | !!!                     | Character         | John
            user    | proxyAddresses | smtp:jo hn@contoso.com | LocalPart        | smtp:john@contoso.com
            user    | proxyAddresses | X500:/o=Contoso/cn=[john] | -              | null
            user    | proxyAddresses | smtp:john@con:toso.com | Character        | smtp:john@contoso.com
            user    | targetAddress  | SMTP:john@contoso.local | TopLevelDomain  | SMTP:john@contoso.local
            user    | targetAddress  | SMTP:jo hn@contoso.com | LocalPart        | SMTP:john@contoso.com
            """)
    void dedicatedRules(String kind, String attribute, String value, String classes, String suggested) {
        CheckResult result = TestSettings.dedicated()
                .checker()
                .check(user("John")
                        .with("homeMDB", "CN=DB01")
                        .with(attribute, value)
                        .build());

        Findings.assertOutcome(result, attribute, classes, suggested);
    }

    @Test
    void displayName_missingOnUser_notChecked() {
        CheckResult result = TestSettings.dedicated()
                .checker()
                .check(mailUser("John")
                        .without("displayName")
                        .with("homeMDB", "CN=DB01")
                        .build());

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void displayName_missingOnGroup_blankSuggestsCn() {
        CheckResult result = TestSettings.dedicated()
                .checker()
                .check(group("Sales").without("displayName").build());

        Findings.assertOutcome(result, "displayName", "Blank", "Sales");
    }

    /** The Blank fix feeds the character rule: a cn with a space loses it. */
    @ParameterizedTest(name = "givenName={0} sn={1} sAMAccountName={2} -> [{3}] {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            John | Doe  | jdoe | Blank            | John.Doe
            null | Doe  | jdoe | Blank            | Doe
            null | null | jdoe | Blank            | jdoe
            null | null | null | Blank, Character | JaneRoe
            """)
    void mailNickname_missingOnContact_blankBuiltFromNames(
            String givenName, String sn, String sam, String classes, String suggested) {
        TestEntries.Builder entry = contact("Jane Roe").with("targetAddress", "SMTP:jane@fabrikam.com");
        if (givenName != null) {
            entry.with("givenName", givenName);
        }
        if (sn != null) {
            entry.with("sn", sn);
        }
        if (sam != null) {
            entry.with("sAMAccountName", sam);
        }

        CheckResult result = TestSettings.dedicated().checker().check(entry.build());

        Findings.assertOutcome(result, "mailNickname", classes, suggested);
    }

    @Test
    void mailNickname_missingOnUser_notChecked() {
        CheckResult result = TestSettings.dedicated()
                .checker()
                .check(user("John").with("homeMDB", "CN=DB01").build());

        assertThat(Findings.on(result, "mailNickname")).isEmpty();
    }

    @Test
    void targetAddress_missingOnUserWithoutMailbox_blankWithoutFix() {
        CheckResult result = TestSettings.dedicated()
                .checker()
                .check(user("John").with("mail", "john@contoso.com").build());

        Finding finding = Findings.single(result, "targetAddress");
        assertThat(finding.classes()).containsExactly(ErrorClass.BLANK);
        assertThat(finding.suggested()).isNull();
        assertThat(finding.action()).isEqualTo(ProposedAction.COMPLETE);
    }

    @Test
    void targetAddress_missingOnContact_blankSuggestsMail() {
        CheckResult result = TestSettings.dedicated()
                .checker()
                .check(contact("Jane")
                        .with("mailNickname", "jane")
                        .with("mail", "jane@fabrikam.com")
                        .build());

        Findings.assertOutcome(result, "targetAddress", "Blank", "SMTP:jane@fabrikam.com");
    }

    @Test
    void duplicates_onlyMailNicknameAndSmtpAddresses() {
        ReadinessChecker checker = TestSettings.dedicated().checker();
        checker.check(user("A")
                .with("homeMDB", "CN=DB01")
                .with("userPrincipalName", "a@contoso.com")
                .with("targetAddress", "SMTP:a@fabrikam.com")
                .with("mailNickname", "a")
                .with("mail", "a@contoso.com")
                .build());

        CheckResult later = checker.check(user("B")
                .with("homeMDB", "CN=DB01")
                .with("userPrincipalName", "a@contoso.com")
                .with("targetAddress", "SMTP:a@fabrikam.com")
                .with("mailNickname", "A")
                .with("proxyAddresses", "smtp:A@contoso.com")
                .build());

        assertThat(later.findings()).extracting(Finding::attribute).containsExactly("mailNickname", "proxyAddresses");
        assertThat(later.findings()).allSatisfy(f -> assertThat(f.classes()).containsExactly(ErrorClass.DUPLICATE));
    }
}
