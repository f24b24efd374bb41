package dev.dirsync.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnchorTest {
    /** AD returns objectGUID 33f036f3-e904-444b-9ef6-18e000a6ca0a as these bytes (first three fields little-endian). */
    private static final byte[] AD_BYTES = HexFormat.of().parseHex("f336f03304e94b449ef618e000a6ca0a");

    @Test
    void ofBytes_adObjectGuid_isEntraImmutableIdOfRawBytes() {
        assertThat(Anchor.ofBytes(AD_BYTES).value()).isEqualTo("8zbwMwTpS0Se9hjgAKbKCg==");
    }

    @Test
    void ofBytes_differsFromUuidRoundTrip() {
        ByteBuffer buffer = ByteBuffer.wrap(AD_BYTES);
        UUID misread = new UUID(buffer.getLong(), buffer.getLong());
        assertThat(Anchor.ofUuid(misread)).isEqualTo(Anchor.ofBytes(AD_BYTES));
        UUID asDisplayed = UUID.fromString("33f036f3-e904-444b-9ef6-18e000a6ca0a");
        assertThat(Anchor.ofUuid(asDisplayed).value()).isNotEqualTo("8zbwMwTpS0Se9hjgAKbKCg==");
    }

    @Test
    void bytes_roundTripsExactly() {
        assertThat(Anchor.ofBytes(AD_BYTES).bytes()).containsExactly(AD_BYTES);
    }

    @Test
    void blankOrEmpty_isRejected() {
        assertThatThrownBy(() -> new Anchor(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Anchor.ofBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
