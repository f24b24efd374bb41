package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mailNickname (multi-tenant).
 *
 * <pre>
 * rule       | fires on                                               | fix
 * Length     | more than 64                                           | first 64
 * Character  | leading or trailing dot, or two dots in a row          | dots trimmed and collapsed; cn when nothing is left
 *            |                                                        | (and the next rule cleans the cn: ... -&gt; John_Doe)
 * Character  | not an ASCII letter, digit or !#$%&amp;'*+-/=?^_`{|}~.     | each replaced by _
 * </pre>
 */
class MailNicknameRulesTest {

    @ParameterizedTest(name = "{0} -> [{1}] {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            quoteCharacter = '"',
            textBlock =
                    """
            john.doe        |                   | null
            o'brien+x_y-z   |                   | null
            .john           | Character         | john
            john.           | Character         | john
            ..jo...hn..     | Character         | jo.hn
            ...             | Character         | John_Doe
            john doe        | Character         | john_doe
            jöhn            | Character         | j_hn
            jo(h)n          | Character         | jo_h_n
            .jo hn.         | Character         | jo_hn
            """)
    void mailNickname_rules(String value, String classes, String suggested) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John Doe").with("mailNickname", value).build());

        Findings.assertOutcome(result, "mailNickname", classes, suggested);
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"64, ", "65, Length"})
    void mailNickname_length(int length, String classes) {
        String value = "n".repeat(length);

        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("mailNickname", value).build());

        Findings.assertOutcome(result, "mailNickname", classes, "n".repeat(64));
    }
}
