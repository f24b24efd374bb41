package dev.dirsync.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.model.SourceEntry.AnchorProblem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding without a server: anchors from raw attribute bytes, text attributes, object classes. */
class EntryDecoderTest {
    private static final byte[] GUID_AS_STORED = HexFormat.of().parseHex("f336f03304e94b449ef618e000a6ca0a");
    private static final byte[] OTHER_GUID = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static final String DN = "CN=Ada,OU=People,DC=example,DC=com";

    @Test
    void anchorOf_objectGuid_isBase64OfTheRawBytesNotOfAUuid() {
        Entry entry = new Entry(DN, new Attribute("objectGUID", GUID_AS_STORED));

        Anchor anchor = AnchorReader.anchorOf(entry).orElseThrow();

        assertThat(anchor.value()).isEqualTo("8zbwMwTpS0Se9hjgAKbKCg==");
        assertThat(anchor.bytes()).isEqualTo(GUID_AS_STORED);
        assertThat(anchor).isNotEqualTo(Anchor.ofUuid(UUID.fromString("33f036f3-e904-444b-9ef6-18e000a6ca0a")));
    }

    @Test
    void anchorOf_consistencyGuid_winsOverObjectGuidAndEntryUuid() {
        Entry entry = new Entry(
                DN,
                new Attribute("objectGUID", OTHER_GUID),
                new Attribute("mS-DS-ConsistencyGuid", GUID_AS_STORED),
                new Attribute("entryUUID", "6f1c2b9e-0000-4000-8000-000000000001"));

        assertThat(AnchorReader.anchorOf(entry)).contains(Anchor.ofBytes(GUID_AS_STORED));
    }

    @Test
    void anchorOf_emptyConsistencyGuid_fallsBackToObjectGuid() {
        Entry entry = new Entry(
                DN, new Attribute("mS-DS-ConsistencyGuid", new byte[0]), new Attribute("objectGUID", OTHER_GUID));

        assertThat(AnchorReader.anchorOf(entry)).contains(Anchor.ofBytes(OTHER_GUID));
    }

    @Test
    void anchorOf_attributeNamesInAnyCase_areFound() {
        Entry entry = new Entry(DN, new Attribute("OBJECTGUID", GUID_AS_STORED));

        assertThat(AnchorReader.anchorOf(entry)).contains(Anchor.ofBytes(GUID_AS_STORED));
    }

    @Test
    void anchorOf_entryUuidOnly_isTheUuidInNetworkOrder() {
        UUID uuid = UUID.fromString("33f036f3-e904-444b-9ef6-18e000a6ca0a");
        Entry entry = new Entry(DN, new Attribute("entryUUID", uuid.toString()));

        assertThat(AnchorReader.anchorOf(entry)).contains(Anchor.ofUuid(uuid));
    }

    @Test
    void anchorOf_malformedEntryUuidOrNoAnchorAttribute_isEmpty() {
        assertThat(AnchorReader.anchorOf(new Entry(DN, new Attribute("entryUUID", "not-a-uuid"))))
                .isEmpty();
        assertThat(AnchorReader.anchorOf(new Entry(DN, new Attribute("cn", "Ada"))))
                .isEmpty();
    }

    @Test
    void decode_keepsTextAttributesInOrderAndLeavesBinaryOnesOut() {
        Entry entry = new Entry(
                DN,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", "Ada"),
                new Attribute("proxyAddresses", "SMTP:ada@example.com", "smtp:a@example.com"),
                new Attribute("objectGUID", GUID_AS_STORED),
                new Attribute("mS-DS-ConsistencyGuid", GUID_AS_STORED),
                new Attribute("userCertificate;binary", new byte[] {1, 2, 3}));

        SourceEntry decoded = EntryDecoder.decode(entry);

        assertThat(decoded.dn()).isEqualTo(DN);
        assertThat(decoded.objectClasses()).containsExactly("top", "person", "organizationalPerson", "user");
        assertThat(decoded.attributes().all("proxyaddresses"))
                .containsExactly("SMTP:ada@example.com", "smtp:a@example.com");
        assertThat(decoded.attributes().names())
                .containsExactly("objectClass", "cn", "proxyAddresses", "objectGUID;anchor");
        assertThat(decoded.attributes().firstOrNull("objectGUID;anchor"))
                .isEqualTo(Anchor.ofBytes(GUID_AS_STORED).value());
        assertThat(decoded.deleted()).isFalse();
    }

    @Test
    void decode_deletedEntryAnchoredByConsistencyGuid_alsoCarriesTheObjectGuidAnchor() {
        Entry tombstone = new Entry(
                "CN=Ada\\0ADEL:33f036f3-e904-444b-9ef6-18e000a6ca0a,CN=Deleted Objects,DC=example,DC=com",
                new Attribute("objectClass", "top", "user"),
                new Attribute("isDeleted", "TRUE"),
                new Attribute("objectGUID", OTHER_GUID),
                new Attribute("mS-DS-ConsistencyGuid", GUID_AS_STORED));

        SourceEntry decoded = EntryDecoder.decode(tombstone, true);

        assertThat(decoded.deleted()).isTrue();
        assertThat(decoded.anchor()).isEqualTo(Anchor.ofBytes(GUID_AS_STORED));
        assertThat(decoded.attributes().firstOrNull(EntryDecoder.OBJECT_GUID_ANCHOR))
                .isEqualTo(Anchor.ofBytes(OTHER_GUID).value());
    }

    @Test
    void decode_entryUuidOnly_carriesNoObjectGuidAnchor() {
        SourceEntry decoded =
                EntryDecoder.decode(new Entry(DN, new Attribute("entryUUID", "33f036f3-e904-444b-9ef6-18e000a6ca0a")));

        assertThat(decoded.attributes().has(EntryDecoder.OBJECT_GUID_ANCHOR)).isFalse();
    }

    @Test
    void decode_withoutAnchor_isUnanchoredWithTheReason() {
        SourceEntry decoded = EntryDecoder.decode(new Entry(DN, new Attribute("cn", "Ada")));

        assertThat(decoded.anchored()).isFalse();
        assertThat(decoded.anchorProblem())
                .isEqualTo(new AnchorProblem("anchor", null, "no mS-DS-ConsistencyGuid, objectGUID or entryUUID"));
        assertThat(decoded.attributes().firstOrNull("cn")).isEqualTo("Ada");
    }

    @ParameterizedTest(name = "{0} of {1} bytes")
    @CsvSource({"objectGUID, 3", "objectGUID, 17", "mS-DS-ConsistencyGuid, 3", "mS-DS-ConsistencyGuid, 15"})
    void read_guidNotSixteenBytes_isAProblemNeverAnAnchor(String attribute, int length) {
        byte[] raw = Arrays.copyOf(GUID_AS_STORED, length);

        AnchorReader.Result read = AnchorReader.read(new Entry(DN, new Attribute(attribute, raw)));

        assertThat(read.anchor()).isNull();
        assertThat(read.problem())
                .isEqualTo(new AnchorProblem(
                        attribute, Base64.getEncoder().encodeToString(raw), length + " bytes; a GUID has 16"));
    }

    @Test
    void read_malformedConsistencyGuid_objectGuidDoesNotStandIn() {
        Entry entry = new Entry(
                DN,
                new Attribute("mS-DS-ConsistencyGuid", new byte[] {1, 2, 3}),
                new Attribute("objectGUID", OTHER_GUID));

        SourceEntry decoded = EntryDecoder.decode(entry);

        assertThat(decoded.anchored()).isFalse();
        assertThat(decoded.anchorProblem().attribute()).isEqualTo("mS-DS-ConsistencyGuid");
        assertThat(decoded.anchorProblem().value()).isEqualTo("AQID");
        assertThat(decoded.attributes().firstOrNull(EntryDecoder.OBJECT_GUID_ANCHOR))
                .isEqualTo(Anchor.ofBytes(OTHER_GUID).value());
    }

    @Test
    void decode_malformedObjectGuid_carriesNoObjectGuidAnchor() {
        SourceEntry decoded = EntryDecoder.decode(new Entry(DN, new Attribute("objectGUID", new byte[] {1, 2, 3})));

        assertThat(decoded.anchored()).isFalse();
        assertThat(decoded.attributes().has(EntryDecoder.OBJECT_GUID_ANCHOR)).isFalse();
    }

    @ParameterizedTest(name = "entryUUID ''{0}''")
    @ValueSource(
            strings = {
                "not-a-uuid",
                "1-2-3-4-5",
                "33f036f3e904444b9ef618e000a6ca0a",
                " 33f036f3-e904-444b-9ef6-18e000a6ca0a",
                ""
            })
    void read_entryUuidNotRfc4122Text_isAProblem(String text) {
        AnchorReader.Result read = AnchorReader.read(new Entry(DN, new Attribute("entryUUID", text)));

        assertThat(read.anchor()).isNull();
        assertThat(read.problem()).isEqualTo(new AnchorProblem("entryUUID", text, "not an RFC 4122 UUID"));
    }

    @Test
    void decode_invalidUtf8_eachBadSequenceReadsAsU_FFFD() {
        byte[] latin1 = "René Müller".getBytes(StandardCharsets.ISO_8859_1);
        byte[] truncated = Arrays.copyOf("Zoë".getBytes(StandardCharsets.UTF_8), 3);
        Entry entry = new Entry(
                DN,
                new Attribute("objectGUID", GUID_AS_STORED),
                new Attribute("displayName", latin1),
                new Attribute("sn", truncated));

        SourceEntry decoded = EntryDecoder.decode(entry);

        assertThat(decoded.attributes().firstOrNull("displayName")).isEqualTo("Ren\uFFFD M\uFFFDller");
        assertThat(decoded.attributes().firstOrNull("sn")).isEqualTo("Zo\uFFFD");
    }

    @Test
    void decode_validUtf8AndControlCharacters_keptExactly() {
        String text = "Ren\u00E9 \uD83D\uDE00 \u0000\u0007\u001B\u0085 \uFFFD";
        Entry entry = new Entry(
                DN,
                new Attribute("objectGUID", GUID_AS_STORED),
                new Attribute("displayName", text.getBytes(StandardCharsets.UTF_8)));

        assertThat(EntryDecoder.decode(entry).attributes().firstOrNull("displayName"))
                .isEqualTo(text);
    }

    @Test
    void requestedAttributes_includeEveryAnchorAttribute() {
        assertThat(EntryDecoder.REQUESTED_ATTRIBUTES)
                .contains("objectGUID", "mS-DS-ConsistencyGuid", "entryUUID", "proxyAddresses", "userAccountControl")
                .doesNotHaveDuplicates();
    }
}
