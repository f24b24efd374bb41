package dev.dirsync.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a report row means, without a directory.
 *
 * <pre>
 * action   | attribute      | VALUE | UPDATE | precondition  | operations
 * EDIT     | proxyAddresses | v     | u      | Holds(v)      | DELETE v, ADD u
 * EDIT     | single-valued  | v     | u      | HoldsOnly(v)  | REPLACE u
 * EDIT     | single-valued  | empty | u      | Absent        | REPLACE u
 * REMOVE   | proxyAddresses | v     |        | Holds(v)      | DELETE v
 * REMOVE   | single-valued  | v     |        | HoldsOnly(v)  | DELETE v
 * </pre>
 */
class FixPlannerTest {
    private static final String DN = "CN=Anna,OU=Staff,DC=corp,DC=example,DC=com";

    @ParameterizedTest(name = "{0} {1} ''{2}'' -> ''{3}'': {4} {5}")
    @CsvSource(
            delimiterString = " | ",
            nullValues = "-",
            quoteCharacter = '"',
            textBlock =
                    """
            EDIT   | proxyAddresses | smtp:a b@x.com | smtp:ab@x.com | Holds:smtp:a b@x.com     | DELETE:smtp:a b@x.com, ADD:smtp:ab@x.com
            EDIT   | proxyaddresses | SMTP:a@x.com   | smtp:a@x.com  | Holds:SMTP:a@x.com       | DELETE:SMTP:a@x.com, ADD:smtp:a@x.com
            EDIT   | mailNickname   | anna..s        | anna.s        | HoldsOnly:anna..s        | REPLACE:anna.s
            EDIT   | displayName    | -              | Anna          | Absent:                  | REPLACE:Anna
            EDIT   | displayName    | "   "          | Anna          | "HoldsOnly:   "          | REPLACE:Anna
            REMOVE | proxyAddresses | smtp:dup@x.com | -             | Holds:smtp:dup@x.com     | DELETE:smtp:dup@x.com
            REMOVE | mail           | bad@x.local    | ignored       | HoldsOnly:bad@x.local    | DELETE:bad@x.local
            """)
    void changeRows_meanTheseOperations(
            String action, String attribute, String value, String update, String precondition, String operations) {
        RowPlan plan = FixPlanner.plan(new FixRow(2, DN, attribute, value, update, FixAction.parse(action)));

        assertThat(plan).isInstanceOf(RowPlan.Change.class);
        AttributeChange change = ((RowPlan.Change) plan).change();
        assertThat(change.dn()).isEqualTo(DN);
        assertThat(change.attribute())
                .isEqualTo(FixableAttribute.find(attribute).orElseThrow());
        assertThat(change.precondition()).isEqualTo(precondition(precondition));
        assertThat(change.changes()).isEqualTo(operations(operations));
    }

    @ParameterizedTest(name = "{0} {1} ''{2}'' -> ''{3}'' is rejected: {4}")
    @CsvSource(
            delimiterString = " | ",
            nullValues = "-",
            quoteCharacter = '"',
            textBlock =
                    """
            -        | displayName    | a            | b   | ACTION is empty
            EDIT     | displayName    | a            | -   | EDIT needs the new value in UPDATE
            EDIT     | displayName    | a            | a   | UPDATE equals VALUE
            EDIT     | proxyAddresses | -            | b   | needs the value to replace in VALUE
            REMOVE   | proxyAddresses | -            | -   | REMOVE needs the value to remove in VALUE
            EDIT     | userPassword   | a            | b   | 'userPassword' is not an attribute dirsync fix writes
            REMOVE   | member         | CN=x         | -   | 'member' is not an attribute dirsync fix writes
            """)
    void rowsThatCannotMeanAChange_areRejectedWithTheReason(
            String action, String attribute, String value, String update, String reason) {
        FixAction parsed = action == null ? null : FixAction.parse(action);

        RowPlan plan = FixPlanner.plan(new FixRow(2, DN, attribute, value, update, parsed));

        assertThat(plan).isInstanceOfSatisfying(RowPlan.Rejected.class, rejected -> assertThat(rejected.reason())
                .contains(reason));
    }

    @Test
    void complete_changesNothing() {
        assertThat(FixPlanner.plan(new FixRow(3, DN, "mail", "a@b.com", "a@b.com", FixAction.COMPLETE)))
                .isInstanceOf(RowPlan.Complete.class);
    }

    @Test
    void blankDn_isRejected() {
        assertThat(FixPlanner.plan(new FixRow(3, " ", "mail", "a", "b", FixAction.EDIT)))
                .isInstanceOfSatisfying(RowPlan.Rejected.class, rejected -> assertThat(rejected.reason())
                        .isEqualTo("DISTINGUISHEDNAME is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"edit, EDIT", "' Remove ', REMOVE", "COMPLETE, COMPLETE"})
    void action_parsesIgnoringCaseAndBlanks(String text, FixAction expected) {
        assertThat(FixAction.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} is guarded by {3}")
    @CsvSource(
            delimiterString = " | ",
            quoteCharacter = '"',
            textBlock =
                    """
            undo of a proxyAddresses edit   | proxyAddresses | DELETE:smtp:new@x.com, ADD:smtp:old@x.com | Holds:smtp:new@x.com
            undo of a single-valued edit    | displayName    | DELETE:New, ADD:Old                        | HoldsOnly:New
            undo of a proxyAddresses remove | proxyAddresses | ADD:smtp:old@x.com                         | Lacks:smtp:old@x.com
            undo of a single-valued remove  | mail           | ADD:old@x.com                              | Absent:
            """)
    void replay_isGuardedByItsFirstOperation(String what, String attribute, String operations, String precondition) {
        RowPlan plan = FixPlanner.replay(DN, attribute, operations(operations));

        assertThat(plan).isInstanceOfSatisfying(RowPlan.Change.class, c -> assertThat(
                        c.change().precondition())
                .isEqualTo(precondition(precondition)));
    }

    @Test
    void replay_startingWithReplace_isRejected() {
        assertThat(FixPlanner.replay(DN, "mail", List.of(ValueChange.replace("a@x.com"))))
                .isInstanceOf(RowPlan.Rejected.class);
    }

    @Test
    void replay_ofAnAttributeFixNeverWrites_isRejected() {
        assertThat(FixPlanner.replay(DN, "userPassword", List.of(ValueChange.add("x"))))
                .isInstanceOf(RowPlan.Rejected.class);
    }

    static Precondition precondition(String text) {
        int colon = text.indexOf(':');
        String kind = text.substring(0, colon);
        String value = text.substring(colon + 1);
        return switch (kind) {
            case "Holds" -> new Precondition.Holds(value);
            case "HoldsOnly" -> new Precondition.HoldsOnly(value);
            case "Lacks" -> new Precondition.Lacks(value);
            case "Absent" -> new Precondition.Absent();
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** {@code "DELETE:a, ADD:b"}. */
    static List<ValueChange> operations(String text) {
        return Arrays.stream(text.split(", "))
                .map(op -> {
                    int colon = op.indexOf(':');
                    return new ValueChange(
                            ValueChange.Operation.valueOf(op.substring(0, colon).strip()), op.substring(colon + 1));
                })
                .toList();
    }
}
