package dev.dirsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.model.SourceEntry.AnchorProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Anchor: an object without a usable anchor is reported and never exported, whatever the policy. */
class AnchorFindingTest {
    private static final AnchorProblem SHORT_GUID = new AnchorProblem("objectGUID", "AQID", "3 bytes; a GUID has 16");
    private static final AnchorProblem MISSING =
            new AnchorProblem("anchor", null, "no mS-DS-ConsistencyGuid, objectGUID or entryUUID");

    @Test
    void malformedAnchor_findingOnItsAttribute_withValueAndReason() {
        CheckResult result = TestSettings.multiTenant().checker().check(unanchored(SHORT_GUID, "user"));

        Finding finding = result.findings().get(0);
        assertThat(finding.attribute()).isEqualTo("objectGUID");
        assertThat(finding.value()).isEqualTo("AQID");
        assertThat(finding.classes()).containsExactly(ErrorClass.ANCHOR);
        assertThat(finding.suggested()).isEqualTo("AQID");
        assertThat(finding.action()).isEqualTo(ProposedAction.COMPLETE);
        assertThat(finding.detail()).isEqualTo("3 bytes; a GUID has 16");
        assertThat(finding.errorText()).isEqualTo("Anchor");
        assertThat(result.blocked()).isTrue();
    }

    @Test
    void missingAnchor_findingWithoutValue() {
        CheckResult result = TestSettings.multiTenant().checker().check(unanchored(MISSING, "user"));

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.attribute()).isEqualTo("anchor");
            assertThat(finding.value()).isNull();
            assertThat(finding.classes()).containsExactly(ErrorClass.ANCHOR);
        });
        assertThat(result.blocked()).isTrue();
    }

    @ParameterizedTest(name = "Anchor under {0}")
    @EnumSource(PolicyAction.class)
    void anchor_blocksWhateverThePolicy(PolicyAction action) {
        CheckResult result = TestSettings.multiTenant()
                .policy(ErrorClass.ANCHOR, action)
                .checker()
                .check(unanchored(SHORT_GUID, "user"));

        assertThat(result.blocked()).isTrue();
    }

    @Test
    void anchorFinding_comesFirst_andTheOtherRulesStillRun() {
        SourceEntry entry = SourceEntry.unanchored(
                "CN=John,OU=People,DC=contoso,DC=com",
                SHORT_GUID,
                List.of("top", "person", "organizationalPerson", "user"),
                Attributes.builder()
                        .add("cn", "John")
                        .add("displayName", "John")
                        .add("mail", "john@contoso.local")
                        .build(),
                false);

        CheckResult result = TestSettings.dedicated().checker().check(entry);

        assertThat(result.findings())
                .extracting(Finding::attribute)
                .containsExactly("objectGUID", "mail", "targetAddress");
    }

    @Test
    void unanchoredContact_reportedToo() {
        CheckResult result = TestSettings.multiTenant().checker().check(unanchored(MISSING, "contact"));

        assertThat(result.findings()).extracting(Finding::classes).containsExactly(List.of(ErrorClass.ANCHOR));
    }

    @Test
    void unanchoredObject_takesPartInDuplicates_andHeldNothingBeforeTheRun() {
        ValueOwners owners = (anchor, key) -> anchor.value().isEmpty();
        ReadinessChecker checker =
                new ReadinessChecker(TestSettings.multiTenant().build(), owners);
        checker.check(TestEntries.user("Other").with("mail", "john@contoso.com").build());

        CheckResult later = checker.check(unanchored(MISSING, "user"));

        assertThat(Findings.single(later, "mail").classes()).containsExactly(ErrorClass.DUPLICATE);
    }

    private static SourceEntry unanchored(AnchorProblem problem, String objectClass) {
        return SourceEntry.unanchored(
                "CN=John,OU=People,DC=contoso,DC=com",
                problem,
                List.of("top", "person", "organizationalPerson", objectClass),
                Attributes.builder()
                        .add("cn", "John")
                        .add("displayName", "John")
                        .add("userPrincipalName", "john@contoso.com")
                        .add("mail", "john@contoso.com")
                        .build(),
                false);
    }
}
