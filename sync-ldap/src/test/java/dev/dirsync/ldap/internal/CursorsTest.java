package dev.dirsync.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.port.SyncCursor;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cursor values: round trips, other kinds, unreadable values. */
class CursorsTest {
    private static final DcState DC = new DcState(
            "dc1.corp.example.com",
            "CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=corp,DC=example,DC=com",
            "447b32a137c88f458b4f99f8b1c1ce60",
            4711);

    @Test
    void adUsnCursor_roundTripsDnsWithCommasSemicolonsAndEquals() {
        DcState odd = new DcState("[::1]", "CN=a\\;b\\,c=d,CN=Sites,DC=x", DC.invocationId(), Long.MAX_VALUE);
        AdUsnCursor cursor = new AdUsnCursor(odd, "0123456789abcdef");

        SyncCursor encoded = cursor.toCursor();

        assertThat(encoded.kind()).isEqualTo("ad-usn");
        assertThat(AdUsnCursor.parse(encoded)).contains(cursor);
    }

    @Test
    void adUsnCursor_valueIsReadableKeyValueText() {
        String value = new AdUsnCursor(DC, "0123456789abcdef").toCursor().value();

        assertThat(value)
                .startsWith("v=1;host=dc1.corp.example.com;dsServiceName=CN%3DNTDS+Settings%2C")
                .contains(";invocationId=447b32a137c88f458b4f99f8b1c1ce60;usn=4711;scope=0123456789abcdef");
    }

    @Test
    void adUsnCursor_otherKind_isEmptyAndBrokenValueIsRefused() {
        assertThat(AdUsnCursor.parse(new SyncCursor("full", "2024-01-01T00:00:00Z")))
                .isEmpty();
        assertThatThrownBy(() -> AdUsnCursor.parse(new SyncCursor("ad-usn", "v=1;usn=12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host");
        assertThatThrownBy(() -> AdUsnCursor.parse(new SyncCursor("ad-usn", "garbage")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdUsnCursor.parse(new SyncCursor("ad-usn", "v=2;usn=1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }

    @Test
    void modifyTimestampCursor_roundTripsInWholeSecondsAsGeneralizedTime() {
        ModifyTimestampCursor cursor = new ModifyTimestampCursor(Instant.parse("2025-01-02T03:04:05.678Z"), "abcd");

        assertThat(cursor.generalizedTime()).isEqualTo("20250102030405Z");
        assertThat(cursor.toCursor())
                .isEqualTo(new SyncCursor("modify-timestamp", "v=1;since=20250102030405Z;scope=abcd"));
        assertThat(ModifyTimestampCursor.parse(cursor.toCursor())).contains(cursor);
        assertThatThrownBy(() ->
                        ModifyTimestampCursor.parse(new SyncCursor("modify-timestamp", "v=1;since=yesterday;scope=a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usnRange_filterCoversAboveTheWatermarkUpToTheHighestCommittedUsn() {
        assertThat(new UsnRange(100, 250).filter().toString()).isEqualTo("(&(uSNChanged>=101)(uSNChanged<=250))");
        assertThat(new UsnRange(7, 7).empty()).isTrue();
        assertThatThrownBy(() -> new UsnRange(9, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
