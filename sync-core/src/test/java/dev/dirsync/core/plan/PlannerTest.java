package dev.dirsync.core.plan;

import static dev.dirsync.core.Fixtures.anchor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static MailUser anna(String displayName, List<String> otherMails) {
        return new MailUser(
                anchor("anna"),
                "anna@example.com",
                displayName,
                "Anna",
                "Schmidt",
                "anna",
                "anna@example.net",
                otherMails,
                true,
                "DE");
    }

    @Test
    void unknownAnchor_plansCreate() {
        Planner planner = new Planner(new CloudIndex());
        assertThat(planner.plan(anna("Anna", List.of()))).containsInstanceOf(Change.Create.class);
    }

    @Test
    void equalUser_plansNothing_evenWhenCloudReorderedOtherMails() {
        CloudIndex index = new CloudIndex();
        index.put(new CloudUser("id-1", anna("Anna", List.of("A@example.com", "b@example.com"))));
        Planner planner = new Planner(index);
        assertThat(planner.plan(anna("Anna", List.of("b@example.com", "a@example.com"))))
                .isEmpty();
    }

    @Test
    void oneChangedProperty_plansUpdateOfThatPropertyOnly() {
        CloudIndex index = new CloudIndex();
        index.put(new CloudUser("id-1", anna("Anna", List.of())));
        Optional<Change> change = new Planner(index).plan(anna("Anna Schmidt", List.of()));
        assertThat(change).get().isInstanceOfSatisfying(Change.Update.class, update -> {
            assertThat(update.cloudId()).isEqualTo("id-1");
            assertThat(update.changed()).containsExactly(MailUserField.DISPLAY_NAME);
        });
    }

    @Test
    void emptyStringAndAbsent_areTheSame() {
        CloudIndex index = new CloudIndex();
        MailUser withNull =
                new MailUser(anchor("x"), "x@example.com", "X", null, null, "x", null, List.of(), true, null);
        MailUser withEmpty =
                new MailUser(anchor("x"), "x@example.com", "X", "", null, "x", null, List.of(), true, null);
        index.put(new CloudUser("id", withNull));
        assertThat(new Planner(index).plan(withEmpty)).isEmpty();
    }
}
