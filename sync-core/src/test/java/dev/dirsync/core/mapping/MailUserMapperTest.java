package dev.dirsync.core.mapping;

import static dev.dirsync.core.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.CheckResult;
import org.junit.jupiter.api.Test;

class MailUserMapperTest {
    private final MailUserMapper mapper = new MailUserMapper(new MappingSettings("example.com", "DE"));

    private MailUser map(SourceEntry entry) {
        return mapper.map(CheckResult.clean(entry));
    }

    @Test
    void mapsTheArchitectureTable() {
        MailUser user = map(user(
                "anna",
                Attributes.builder()
                        .add("givenName", "Anna")
                        .add("sn", "Schmidt")
                        .add("displayName", "Anna Schmidt")
                        .add("mailNickname", "anna.s")
                        .add("targetAddress", "SMTP:anna@mail.example.net")
                        .add("proxyAddresses", "SMTP:anna@example.com")
                        .add("proxyAddresses", "smtp:as@example.com")
                        .add("proxyAddresses", "X500:/o=Corp/cn=anna")
                        .add("c", "fr")));
        assertThat(user.anchor()).isEqualTo(dev.dirsync.core.Fixtures.anchor("anna"));
        assertThat(user.userPrincipalName()).isEqualTo("anna@example.com");
        assertThat(user.displayName()).isEqualTo("Anna Schmidt");
        assertThat(user.givenName()).isEqualTo("Anna");
        assertThat(user.surname()).isEqualTo("Schmidt");
        assertThat(user.mailNickname()).isEqualTo("anna.s");
        assertThat(user.mail()).isEqualTo("anna@mail.example.net");
        assertThat(user.otherMails()).containsExactly("anna@example.com", "as@example.com");
        assertThat(user.accountEnabled()).isTrue();
        assertThat(user.usageLocation()).isEqualTo("FR");
    }

    @Test
    void withoutTargetAddress_mailIsTheExternalAddress_andNotRepeatedInOtherMails() {
        MailUser user = map(user("ben", Attributes.builder().add("proxyAddresses", "SMTP:ben@example.com")));
        assertThat(user.mail()).isEqualTo("ben@example.com");
        assertThat(user.otherMails()).isEmpty();
    }

    @Test
    void withoutDisplayName_usesCn() {
        SourceEntry entry = user("frank");
        SourceEntry noDisplayName = SourceEntry.live(
                entry.dn(),
                entry.anchor(),
                entry.objectClasses(),
                entry.attributes()
                        .with("displayName", java.util.List.of())
                        .with("cn", java.util.List.of("Frank Weber")));
        assertThat(map(noDisplayName).displayName()).isEqualTo("Frank Weber");
    }

    @Test
    void withoutMailNickname_usesSamAccountName() {
        assertThat(map(user("clara")).mailNickname()).isEqualTo("clara");
    }

    @Test
    void disabledBit_makesAccountDisabled() {
        assertThat(map(user("dave", Attributes.builder().add("userAccountControl", "514")))
                        .accountEnabled())
                .isFalse();
        assertThat(map(user("dave", Attributes.builder().add("userAccountControl", "66048")))
                        .accountEnabled())
                .isTrue();
    }

    @Test
    void withoutValidCountry_usesConfiguredUsageLocation() {
        assertThat(map(user("eve")).usageLocation()).isEqualTo("DE");
        assertThat(map(user("eve", Attributes.builder().add("c", "Germany"))).usageLocation())
                .isEqualTo("DE");
    }

    @Test
    void settings_rejectBadValues_namingTheKey() {
        assertThatThrownBy(() -> new MappingSettings("user@example.com", null))
                .hasMessageContaining("mapping.upnSuffix");
        assertThatThrownBy(() -> new MappingSettings(null, "XX")).hasMessageContaining("mapping.usageLocation");
    }
}
