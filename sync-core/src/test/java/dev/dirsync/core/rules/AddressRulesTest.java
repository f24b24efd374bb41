package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The address rules, through mail (which runs them on the whole value and has no character rule
 * of its own in the multi-tenant profile).
 *
 * <pre>
 * value                    | classes                           | suggested
 * john@contoso.com         | -                                 |
 * john.contoso.com         | Format                            | (unchanged: no other rule runs)
 * john@contoso.local       | TopLevelDomain                    | (unchanged)
 * john@cont_oso.com        | DomainPart                        | john@contoso.com
 * john.@contoso.com        | LocalPart                         | john@contoso.com
 * .john@contoso.com        | LocalPart, Format                 | (unchanged)
 * john@contoso.c0m         | TopLevelDomain, DomainPart, Format| (unchanged)
 * </pre>
 */
class AddressRulesTest {

    @ParameterizedTest(name = "{0} -> [{1}] {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            john@contoso.com          |                                    | null
            o'brien+news@contoso.com  |                                    | null
            j.doe@mail.contoso.co.uk  |                                    | null
            john.contoso.com          | Format                             | john.contoso.com
            @contoso.com              | Format                             | @contoso.com
            john@                     | Format                             | john@
            john@sales@contoso.com    | Format                             | john@sales@contoso.com
            john@contoso.local        | TopLevelDomain                     | john@contoso.local
            john@contoso.lan          | TopLevelDomain                     | john@contoso.lan
            john@contoso.internal     | TopLevelDomain                     | john@contoso.internal
            john@contoso.corp         | TopLevelDomain                     | john@contoso.corp
            john@localhost            | TopLevelDomain, DomainPart, Format | john@localhost
            john@cont_oso.com         | DomainPart                         | john@contoso.com
            john@contoso..com         | DomainPart, Format                 | john@contoso..com
            john@-contoso.com         | DomainPart, Format                 | john@-contoso.com
            john.@contoso.com         | LocalPart                          | john@contoso.com
            (john)@contoso.com        | LocalPart                          | john@contoso.com
            jo hn@contoso.com         | LocalPart                          | john@contoso.com
            .john@contoso.com         | LocalPart, Format                  | .john@contoso.com
            jo..hn@contoso.com        | LocalPart, Format                  | jo..hn@contoso.com
            ()@contoso.com            | LocalPart, Format                  | @contoso.com
            john@contoso.c0m          | TopLevelDomain, DomainPart, Format | john@contoso.c0m
            john@contoso.com.         | TopLevelDomain, DomainPart, Format | john@contoso.com.
            jo(hn@cont_oso.com        | DomainPart, LocalPart              | john@contoso.com
            """)
    void mail_addressRules_classesInRuleOrderAndChainedFix(String value, String classes, String suggested) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("mail", value).build());

        Findings.assertOutcome(result, "mail", classes, suggested);
    }

    @ParameterizedTest
    @CsvSource({"john@CONTOSO.COM", "John.Doe@Contoso.Com"})
    void addressRules_ignoreCase(String value) {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("John").with("mail", value).build());

        assertThat(Findings.on(result, "mail")).isEmpty();
    }
}
