package dev.dirsync.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.model.MailUserField;
import org.junit.jupiter.api.Test;

class DigestCodecTest {
    private static final int FIELDS = MailUserField.values().length;

    @Test
    void encode_isEightBytesBigEndianPerField_andDecodesBack() {
        long[] digests = new long[FIELDS];
        digests[0] = 0x0102030405060708L;
        digests[FIELDS - 1] = Long.MIN_VALUE;

        byte[] encoded = DigestCodec.encode(digests);

        assertThat(encoded).hasSize(FIELDS * 8);
        assertThat(encoded).startsWith(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(DigestCodec.decode(encoded)).containsExactly(digests);
    }

    @Test
    void decode_shorterValue_fillsTheMissingFieldsWithZero() {
        long[] decoded = DigestCodec.decode(DigestCodec.encode(new long[] {5L, 6L}));

        assertThat(decoded).hasSize(FIELDS);
        assertThat(decoded[0]).isEqualTo(5L);
        assertThat(decoded[1]).isEqualTo(6L);
        assertThat(decoded[2]).isZero();
    }

    @Test
    void decode_partialDigest_isRejected() {
        assertThatThrownBy(() -> DigestCodec.decode(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }
}
