package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * targetAddress (multi-tenant): Length 256; Character for a colon after the prefix's; on SMTP
 * addresses Character for whitespace and {@code \ < > ( ) ; , [ ] "}, then the address rules.
 */
class TargetAddressRulesTest {

    @ParameterizedTest(name = "{0} -> [{1}] {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            quoteCharacter = '`',
            textBlock =
                    """
            SMTP:john@fabrikam.com          |                | null
            smtp:o'brien@fabrikam.com       |                | null
            SMTP:john doe@fabrikam.com      | Character      | SMTP:johndoe@fabrikam.com
            SMTP:john\\doe@fabrikam.com     | Character      | SMTP:johndoe@fabrikam.com
            SMTP:"john"@fabrikam.com        | Character      | SMTP:john@fabrikam.com
            SMTP:jo:hn@fabrikam.com         | Character      | SMTP:john@fabrikam.com
            SMTP:john@fabrikam.local        | TopLevelDomain | SMTP:john@fabrikam.local
            SMTP:john                       | Format         | SMTP:john
            X500:/o=Fabrikam/cn=john doe    |                | null
            """)
    void targetAddress_rules(String value, String classes, String suggested) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("targetAddress", value).build());

        Findings.assertOutcome(result, "targetAddress", classes, suggested);
    }

    @ParameterizedTest(name = "length {0} -> [{1}]")
    @CsvSource({"256, ", "257, Length"})
    void targetAddress_length(int length, String classes) {
        String value = "X500:/o=Fabrikam/cn=" + "x".repeat(length - 20);

        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("targetAddress", value).build());

        Findings.assertOutcome(result, "targetAddress", classes, value.substring(0, 256));
    }
}
