package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * displayName, givenName, sn, sAMAccountName (multi-tenant).
 *
 * <pre>
 * attribute       | rule       | fires on                          | fix
 * displayName     | Blank      | missing or only whitespace        | cn
 * displayName     | Length     | more than 256                     | first 256
 * givenName, sn   | Length     | more than 64                      | first 64
 * sAMAccountName  | Length     | more than 20 (users), 256 (others)| first 20 / 256
 * sAMAccountName  | Character  | [ ] \ " | , / : &lt; &gt; + = ; ? * '     | removed
 * </pre>
 */
class TextRulesTest {

    @ParameterizedTest(name = "{0} of {1} -> [{2}]")
    @CsvSource({
        "displayName, 256, ",
        "displayName, 257, Length",
        "givenName, 64, ",
        "givenName, 65, Length",
        "sn, 64, ",
        "sn, 65, Length"
    })
    void length_truncatedToTheLimit(String attribute, int length, String classes) {
        String value = "x".repeat(length);

        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with(attribute, value).build());

        Findings.assertOutcome(
                result,
                attribute,
                classes,
                value.substring(0, Math.min(length, "displayName".equals(attribute) ? 256 : 64)));
    }

    @Test
    void length_neverSplitsASurrogatePair() {
        String value = "x".repeat(63) + "😀😀";

        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("sn", value).build());

        Findings.assertOutcome(result, "sn", "Length", "x".repeat(63) + "😀");
    }

    @ParameterizedTest(name = "displayName ''{0}''")
    @CsvSource(
            value = {"''", "'   '"},
            quoteCharacter = '\'')
    void displayName_blank_suggestsCn(String value) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John Doe").with("displayName", value).build());

        Findings.assertOutcome(result, "displayName", "Blank", "John Doe");
    }

    @Test
    void displayName_missing_blankSuggestsCn() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John Doe").without("displayName").build());

        Finding finding = Findings.single(result, "displayName");
        assertThat(finding.value()).isNull();
        assertThat(finding.suggested()).isEqualTo("John Doe");
        assertThat(finding.action()).isEqualTo(ProposedAction.EDIT);
    }

    @ParameterizedTest(name = "{0} {1} -> [{2}] {3}")
    @CsvSource(
            delimiterString = " | ",
            quoteCharacter = '`',
            textBlock =
                    """
            user  | jdoe                    |           | jdoe
            user  | abcdefghijklmnopqrst    |           | abcdefghijklmnopqrst
            user  | abcdefghijklmnopqrstu   | Length    | abcdefghijklmnopqrst
            group | abcdefghijklmnopqrstu   |           | abcdefghijklmnopqrstu
            user  | o'brien                 | Character | obrien
            user  | j[d]o"e|,/:<>+=;?*\\    | Character | jdoe
            user  | j.doe-x_y@z             |           | j.doe-x_y@z
            user  | abcdefghijklmnopqrs[t]u | Length, Character | abcdefghijklmnopqrs
            """)
    void samAccountName_rules(String kind, String value, String classes, String suggested) {
        TestEntries.Builder entry =
                "group".equals(kind) ? TestEntries.group("G").with("mail", "g@contoso.com") : user("John");

        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(entry.with("sAMAccountName", value).build());

        Findings.assertOutcome(result, "sAMAccountName", classes, suggested);
    }

    @Test
    void samAccountName_ofGroupLongerThan256_length() {
        String value = "g".repeat(257);

        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(TestEntries.group("G")
                        .with("displayName", "G")
                        .with("sAMAccountName", value)
                        .build());

        Findings.assertOutcome(result, "sAMAccountName", "Length", "g".repeat(256));
    }
}
