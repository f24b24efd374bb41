package dev.dirsync.core.fix;

import static dev.dirsync.core.fix.FixPlannerTest.operations;
import static dev.dirsync.core.fix.FixPlannerTest.precondition;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A planned change against the values re-read: made only while its precondition holds; its inverse
 * restores exactly the values it found.
 */
class ChangeCheckTest {
    private static final String DN = "CN=Anna,OU=Staff,DC=corp,DC=example,DC=com";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " | ",
            nullValues = "-",
            quoteCharacter = '"',
            textBlock =
                    """
            proxy edit           | proxyAddresses | Holds:smtp:a b@x.com   | DELETE:smtp:a b@x.com, ADD:smtp:ab@x.com | SMTP:p@x.com; smtp:a b@x.com | SMTP:p@x.com; smtp:ab@x.com | DELETE:smtp:ab@x.com, ADD:smtp:a b@x.com | Holds:smtp:ab@x.com  | 'smtp:a b@x.com' -> 'smtp:ab@x.com'
            proxy case change    | proxyAddresses | Holds:SMTP:a@x.com     | DELETE:SMTP:a@x.com, ADD:smtp:a@x.com    | SMTP:a@x.com; SMTP:b@x.com   | SMTP:b@x.com; smtp:a@x.com  | DELETE:smtp:a@x.com, ADD:SMTP:a@x.com    | Holds:smtp:a@x.com   | 'SMTP:a@x.com' -> 'smtp:a@x.com'
            proxy remove         | proxyAddresses | Holds:smtp:d@x.com     | DELETE:smtp:d@x.com                      | SMTP:p@x.com; smtp:d@x.com   | SMTP:p@x.com                | ADD:smtp:d@x.com                         | Lacks:smtp:d@x.com   | 'smtp:d@x.com' -> (removed)
            single edit          | mailNickname   | HoldsOnly:anna..s      | REPLACE:anna.s                           | anna..s                      | anna.s                      | DELETE:anna.s, ADD:anna..s               | HoldsOnly:anna.s     | 'anna..s' -> 'anna.s'
            single edit of empty | displayName    | Absent:                | REPLACE:Anna                             | -                            | Anna                        | DELETE:Anna                              | HoldsOnly:Anna       | (none) -> 'Anna'
            single remove        | mail           | HoldsOnly:a@x.local    | DELETE:a@x.local                         | a@x.local                    | -                           | ADD:a@x.local                            | Absent:              | 'a@x.local' -> (removed)
            """)
    void ready_leavesTheseValues_andItsInverseRestoresTheOldOnes(
            String what,
            String attribute,
            String precondition,
            String operations,
            String before,
            String after,
            String inverse,
            String inversePrecondition,
            String described) {
        AttributeChange change = new AttributeChange(
                DN, FixableAttribute.find(attribute).orElseThrow(), precondition(precondition), operations(operations));

        Verdict verdict = ChangeCheck.verify(change, values(before));

        assertThat(verdict).isInstanceOf(Verdict.Ready.class);
        Verdict.Ready ready = (Verdict.Ready) verdict;
        assertThat(ready.after()).isEqualTo(values(after));
        assertThat(ready.inverse().changes()).isEqualTo(operations(inverse));
        assertThat(ready.inverse().precondition()).isEqualTo(precondition(inversePrecondition));
        assertThat(ready.describe()).isEqualTo(described);

        Verdict undone = ChangeCheck.verify(ready.inverse(), ready.after());
        assertThat(undone).isInstanceOf(Verdict.Ready.class);
        assertThat(sorted(((Verdict.Ready) undone).after())).isEqualTo(sorted(values(before)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " | ",
            nullValues = "-",
            quoteCharacter = '"',
            textBlock =
                    """
            value changed since the report  | mail           | HoldsOnly:a@x.local | REPLACE:a@x.com                       | b@x.local                  | mail is now 'b@x.local', not 'a@x.local'
            value removed since the report  | mail           | HoldsOnly:a@x.local | REPLACE:a@x.com                       | -                          | mail is now empty, not 'a@x.local'
            second value added since        | mail           | HoldsOnly:a@x.local | REPLACE:a@x.com                       | a@x.local; c@x.com         | mail now holds 2 values, not only 'a@x.local'
            value set since (was empty)     | displayName    | Absent:             | REPLACE:Anna                          | Ann                        | displayName now has the value 'Ann', expected none
            case differs from the report    | mailNickname   | HoldsOnly:Anna..S   | REPLACE:anna.s                        | anna..s                    | mailNickname is now 'anna..s', not 'Anna..S'
            proxy value gone                | proxyAddresses | Holds:smtp:a@x.com  | DELETE:smtp:a@x.com, ADD:smtp:b@x.com | SMTP:p@x.com               | 'smtp:a@x.com' is no longer a value of proxyAddresses
            new proxy value already there   | proxyAddresses | Holds:smtp:a@x.com  | DELETE:smtp:a@x.com, ADD:smtp:b@x.com | smtp:a@x.com; SMTP:B@x.com | 'smtp:b@x.com' is already a value of proxyAddresses
            undo of a remove, value back    | proxyAddresses | Lacks:smtp:d@x.com  | ADD:smtp:d@x.com                      | SMTP:D@x.com               | 'smtp:d@x.com' is already a value of proxyAddresses
            """)
    void stale_whenTheDirectoryNoLongerHoldsWhatTheChangeExpects(
            String what, String attribute, String precondition, String operations, String current, String reason) {
        AttributeChange change = new AttributeChange(
                DN, FixableAttribute.find(attribute).orElseThrow(), precondition(precondition), operations(operations));

        Verdict verdict = ChangeCheck.verify(change, values(current));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Stale.class, stale -> assertThat(stale.reason())
                .isEqualTo(reason));
    }

    private static List<String> values(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("; ")).map(String::strip).toList();
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(s -> s.toLowerCase(Locale.ROOT)));
        return copy;
    }
}
