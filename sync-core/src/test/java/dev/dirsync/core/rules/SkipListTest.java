package dev.dirsync.core.rules;

import static dev.dirsync.core.rules.TestEntries.computer;
import static dev.dirsync.core.rules.TestEntries.contact;
import static dev.dirsync.core.rules.TestEntries.group;
import static dev.dirsync.core.rules.TestEntries.inetOrgPerson;
import static dev.dirsync.core.rules.TestEntries.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Objects that are never checked nor exported, and look-alikes that are. */
class SkipListTest {

    static Stream<Arguments> skipped() {
        return Stream.of(
                Arguments.of("computer", computer("WS01")),
                Arguments.of("critical system object", user("Backup").with("isCriticalSystemObject", "TRUE")),
                Arguments.of("critical system object, any case", user("Backup").with("isCriticalSystemObject", "true")),
                Arguments.of("cn ending in $", user("svc$")),
                Arguments.of(
                        "replication conflict",
                        user("John")
                                .dn("CN=John\\0ACNF:3d2c1b4a-0000-4000-8000-000000000001,OU=People,DC=contoso,DC=com")),
                Arguments.of(
                        "replication conflict, unescaped",
                        user("John").dn("CN=John\nCNF:3d2c1b4a,OU=People,DC=contoso,DC=com")),
                Arguments.of("cn Administrator", user("Administrator")),
                Arguments.of("cn prefix ignores case", user("KRBTGT")),
                Arguments.of("cn CAS_{", user("CAS_{fe35fc98e69e4d08}")),
                Arguments.of(
                        "cn DiscoverySearchMailbox",
                        user("DiscoverySearchMailbox {D919BA05-46A6-415f-80AD-7E09334BB852}")),
                Arguments.of("cn FederatedEmail", user("FederatedEmail.4c1f4d8b")),
                Arguments.of("cn Guest", user("Guest")),
                Arguments.of("cn HTTPConnector", user("HTTPConnector")),
                Arguments.of("cn iusr_", user("IUSR_WEB01")),
                Arguments.of("cn iwam", user("IWAM_WEB01")),
                Arguments.of("cn msol", user("MSOL_0123456789ab")),
                Arguments.of("cn support_", user("SUPPORT_388945a0")),
                Arguments.of("cn SystemMailbox", user("SystemMailbox{1f05a927}")),
                Arguments.of("cn WWIOadmini", user("WWIOadministrator")),
                Arguments.of("cn HealthMailbox", user("HealthMailbox0123456")),
                Arguments.of("cn Exchange Online-ApplicationAccount", user("Exchange Online-ApplicationAccount")),
                Arguments.of("sAMAccountName CAS_", user("Client Access").with("sAMAccountName", "CAS_01")),
                Arguments.of("sAMAccountName SUPPORT_", user("Help").with("sAMAccountName", "support_x")),
                Arguments.of("sAMAccountName MSOL_", inetOrgPerson("Sync").with("sAMAccountName", "MSOL_abc")),
                Arguments.of("sAMAccountName AAD_", user("Sync").with("sAMAccountName", "AAD_abc")),
                Arguments.of("mailNickname CAS_", user("Client").with("mailNickname", "CAS_x")),
                Arguments.of("mailNickname SystemMailbox", user("Mailbox").with("mailNickname", "SystemMailbox{x}")),
                Arguments.of("security group without mail", group("Admins").with("groupType", "-2147483646")),
                Arguments.of(
                        "distribution group without proxyAddresses",
                        group("Team").with("groupType", "8").with("mail", "team@contoso.com")),
                Arguments.of("group without groupType nor proxyAddresses", group("Team")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skipped")
    void skipReason_systemObjects_skipped(String description, TestEntries.Builder entry) {
        assertThat(TestSettings.multiTenant().checker().skipReason(entry.build()))
                .isPresent();
    }

    static Stream<Arguments> kept() {
        return Stream.of(
                Arguments.of("ordinary user", user("John Doe").with("sAMAccountName", "jdoe")),
                Arguments.of("cn holding but not ending in $", user("Price $ Team")),
                Arguments.of("cn with an excluded word later on", user("Bob Administrator")),
                Arguments.of("isCriticalSystemObject FALSE", user("John").with("isCriticalSystemObject", "FALSE")),
                Arguments.of(
                        "contact with a CAS_ sAMAccountName", contact("Partner").with("sAMAccountName", "CAS_1")),
                Arguments.of(
                        "security group with mail",
                        group("Admins").with("groupType", "-2147483646").with("mail", "a@contoso.com")),
                Arguments.of(
                        "distribution group with proxyAddresses",
                        group("Team").with("groupType", "8").with("proxyAddresses", "SMTP:t@contoso.com")),
                Arguments.of("contact", contact("Partner")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kept")
    void skipReason_otherObjects_empty(String description, TestEntries.Builder entry) {
        assertThat(TestSettings.multiTenant().checker().skipReason(entry.build()))
                .isEmpty();
    }
}
