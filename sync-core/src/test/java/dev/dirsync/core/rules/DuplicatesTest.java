package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.contact;
import static dev.dirsync.core.rules.TestEntries.group;
import static dev.dirsync.core.rules.TestEntries.mailUser;
import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dirsync.core.model.SourceEntry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Duplicates across the objects of one run. The first holder in read order keeps the value; a
 * later holder gets Duplicate (last among its classes) on the attribute where it holds the value,
 * with the first holder's DN as detail.
 *
 * <pre>
 * first holder holds          | later holder holds              | Duplicate on
 * userPrincipalName           | userPrincipalName               | userPrincipalName
 * mailNickname                | mailNickname                    | mailNickname
 * sAMAccountName (no UPN)     | sAMAccountName (no UPN)         | sAMAccountName
 * targetAddress               | targetAddress                   | targetAddress
 * mail                        | SMTP proxyAddresses (no prefix) | proxyAddresses
 * SMTP proxyAddresses         | mail                            | mail
 * userPrincipalName           | mail                            | mail
 * mail                        | userPrincipalName               | userPrincipalName
 * sAMAccountName (with UPN)   | sAMAccountName (with UPN)       | -
 * </pre>
 */
class DuplicatesTest {
    private static final String ADDRESS = "john@contoso.com";

    static Stream<Arguments> collisions() {
        return Stream.of(
                Arguments.of(
                        user("A").with("userPrincipalName", ADDRESS),
                        user("B").with("userPrincipalName", "JOHN@contoso.com"),
                        "userPrincipalName"),
                Arguments.of(
                        user("A").with("mailNickname", "john"),
                        contact("B").with("mailNickname", "John"),
                        "mailNickname"),
                Arguments.of(
                        group("A").with("sAMAccountName", "sales"),
                        user("B").with("sAMAccountName", "SALES"),
                        "sAMAccountName"),
                Arguments.of(
                        contact("A").with("targetAddress", "SMTP:j@fabrikam.com"),
                        user("B").with("targetAddress", "smtp:J@fabrikam.com"),
                        "targetAddress"),
                Arguments.of(
                        contact("A").with("mail", ADDRESS),
                        user("B").with("proxyAddresses", "SMTP:John@Contoso.com"),
                        "proxyAddresses"),
                Arguments.of(
                        group("A").with("proxyAddresses", "smtp:" + ADDRESS),
                        contact("B").with("mail", ADDRESS),
                        "mail"),
                Arguments.of(
                        user("A").with("userPrincipalName", ADDRESS), group("B").with("mail", ADDRESS), "mail"),
                Arguments.of(
                        contact("A").with("mail", ADDRESS),
                        user("B").with("userPrincipalName", ADDRESS),
                        "userPrincipalName"),
                Arguments.of(
                        user("A").with("proxyAddresses", "smtp:" + ADDRESS),
                        user("B").with("proxyAddresses", "SMTP:" + ADDRESS),
                        "proxyAddresses"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("collisions")
    void laterHolder_getsDuplicateNamingTheFirstHolder(
            TestEntries.Builder first, TestEntries.Builder later, String attribute) {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        SourceEntry firstEntry = first.build();

        CheckResult firstResult = checker.check(firstEntry);
        CheckResult laterResult = checker.check(later.build());

        assertThat(firstResult.findings()).noneMatch(f -> f.classes().contains(ErrorClass.DUPLICATE));
        Finding duplicate = Findings.single(laterResult, attribute);
        assertThat(duplicate.classes()).containsExactly(ErrorClass.DUPLICATE);
        assertThat(duplicate.detail()).isEqualTo(firstEntry.dn());
    }

    @Test
    void samAccountName_heldByObjectsWithUpn_notCompared() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        checker.check(user("A")
                .with("sAMAccountName", "jdoe")
                .with("userPrincipalName", "a@contoso.com")
                .build());

        CheckResult later = checker.check(mailUser("B")
                .with("sAMAccountName", "jdoe")
                .with("userPrincipalName", "b@contoso.com")
                .build());
        CheckResult withoutUpn =
                checker.check(group("C").with("sAMAccountName", "jdoe").build());

        assertThat(later.findings()).isEmpty();
        assertThat(withoutUpn.findings()).isEmpty();
    }

    @Test
    void oneObject_sameAddressInUpnMailAndProxyAddresses_noDuplicate() {
        CheckResult result = TestSettings.multiTenant()
                .checker()
                .check(user("A")
                        .with("userPrincipalName", ADDRESS)
                        .with("mail", ADDRESS)
                        .with("proxyAddresses", "SMTP:" + ADDRESS, "smtp:JOHN@contoso.com")
                        .build());

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void laterHolder_everyAttributeHoldingTheAddressGetsDuplicate() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        checker.check(contact("A").with("mail", ADDRESS).build());

        CheckResult later = checker.check(user("B")
                .with("userPrincipalName", ADDRESS)
                .with("mail", ADDRESS)
                .with("proxyAddresses", "SMTP:" + ADDRESS, "smtp:b@contoso.com")
                .build());

        assertThat(later.findings())
                .extracting(Finding::attribute, Finding::value)
                .containsExactly(
                        tuple("mail", ADDRESS),
                        tuple("proxyAddresses", "SMTP:" + ADDRESS),
                        tuple("userPrincipalName", ADDRESS));
    }

    @Test
    void thirdHolder_namesTheFirstHolder() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        SourceEntry first = user("A").with("mail", ADDRESS).build();
        checker.check(first);
        checker.check(user("B").with("mail", ADDRESS).build());

        CheckResult third = checker.check(contact("C").with("mail", ADDRESS).build());

        assertThat(Findings.single(third, "mail").detail()).isEqualTo(first.dn());
    }

    @Test
    void duplicate_listedAfterTheRuleClasses() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        checker.check(user("A").with("mail", "john@contoso.local").build());

        CheckResult later =
                checker.check(user("B").with("mail", "JOHN@contoso.local").build());

        assertThat(Findings.single(later, "mail").classes())
                .containsExactly(ErrorClass.TOP_LEVEL_DOMAIN, ErrorClass.DUPLICATE);
    }

    @Test
    void duplicate_decidedOnValuesAsRead_notAfterFixes() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        checker.check(user("A").with("proxyAddresses", "smtp:john@contoso.com").build());

        CheckResult later = checker.check(
                user("B").with("proxyAddresses", "smtp:jo hn@contoso.com").build());

        Finding finding = Findings.single(later, "proxyAddresses");
        assertThat(finding.classes()).containsExactly(ErrorClass.CHARACTER);
        assertThat(finding.suggested()).isEqualTo("smtp:john@contoso.com");
    }

    @Test
    void upnHeldAsUpnByBoth_oneDuplicateClass() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        checker.check(user("A")
                .with("userPrincipalName", ADDRESS)
                .with("mail", ADDRESS)
                .build());

        CheckResult later =
                checker.check(user("B").with("userPrincipalName", ADDRESS).build());

        assertThat(Findings.single(later, "userPrincipalName").classes()).containsExactly(ErrorClass.DUPLICATE);
    }

    @Test
    void duplicateProxyAddress_withAnotherValidAddress_remove() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        checker.check(user("A").with("mail", ADDRESS).build());

        CheckResult later = checker.check(user("B")
                .with("proxyAddresses", "SMTP:b@contoso.com", "smtp:" + ADDRESS)
                .build());

        Finding finding = Findings.single(later, "proxyAddresses");
        assertThat(finding.classes()).containsExactly(ErrorClass.DUPLICATE);
        assertThat(finding.action()).isEqualTo(ProposedAction.REMOVE);
    }

    @Test
    void duplicateProxyAddress_asTheOnlyAddress_complete() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        checker.check(user("A").with("mail", ADDRESS).build());

        CheckResult later = checker.check(user("B")
                .with("proxyAddresses", "SMTP:" + ADDRESS, "X500:/o=Contoso/cn=b")
                .build());

        assertThat(Findings.single(later, "proxyAddresses").action()).isEqualTo(ProposedAction.COMPLETE);
    }

    @Test
    void nonSmtpProxyAddresses_neverCompared() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        checker.check(
                user("A").with("proxyAddresses", "X500:/o=Contoso/cn=john").build());

        CheckResult later = checker.check(
                user("B").with("proxyAddresses", "X500:/o=Contoso/cn=john").build());

        assertThat(Findings.on(later, "proxyAddresses")).isEmpty();
    }

    @Test
    void sameTextInDifferentNamespaces_noDuplicate() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        checker.check(user("A")
                .with("mailNickname", "john")
                .with("userPrincipalName", "a@contoso.com")
                .build());

        CheckResult later = checker.check(mailUser("B")
                .with("sAMAccountName", "john")
                .with("userPrincipalName", "b@contoso.com")
                .build());

        assertThat(later.findings()).isEmpty();
    }

    @Test
    void manyObjects_onlyTheRepeatedValuesAreDuplicates() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        int duplicates = 0;
        for (int i = 0; i < 50_000; i++) {
            String address = "user" + (i % 40_000) + "@contoso.com";
            CheckResult result = checker.check(user("U" + i)
                    .with("userPrincipalName", "u" + i + "@contoso.com")
                    .with("mail", address)
                    .build());
            duplicates += result.findings().size();
        }

        assertThat(duplicates).isEqualTo(10_000);
    }

    @Test
    void tombstone_neitherCheckedNorHoldingValues() {
        ReadinessChecker checker = TestSettings.multiTenant().checker();
        SourceEntry live = user("A").with("mail", "a b@contoso.com").build();
        SourceEntry tombstone =
                new SourceEntry(live.dn(), live.anchor(), live.objectClasses(), live.attributes(), true);

        CheckResult deleted = checker.check(tombstone);
        CheckResult successor =
                checker.check(user("B").with("mail", "a b@contoso.com").build());

        assertThat(deleted.findings()).isEmpty();
        assertThat(Findings.single(successor, "mail").classes()).doesNotContain(ErrorClass.DUPLICATE);
    }
}
