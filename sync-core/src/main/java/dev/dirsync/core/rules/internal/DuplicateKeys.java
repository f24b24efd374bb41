package dev.dirsync.core.rules.internal;

/**
 * 64-bit keys for the duplicate index: a hash of the case-folded value with its namespace mixed in,
 * so equal text in two namespaces never meets. Two different values share a key with a probability
 * near n^2 / 2^65 (about 10^-6 for five million values), which the index accepts.
 */
final class DuplicateKeys {

    /** The value spaces that duplicates are sought in; a value only meets values of its own. */
    enum Namespace {
        USER_PRINCIPAL_NAME,
        MAIL_NICKNAME,
        SAM_ACCOUNT_NAME,
        TARGET_ADDRESS,
        /** mail, SMTP proxyAddresses (without prefix) and userPrincipalName. */
        SMTP
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private DuplicateKeys() {}

    /** The key of {@code value} from {@code from} on, compared case-insensitively. */
    static long key(Namespace namespace, String value, int from) {
        long hash = (FNV_OFFSET ^ (namespace.ordinal() + 1)) * FNV_PRIME;
        for (int i = from; i < value.length(); i++) {
            hash = (hash ^ fold(value.charAt(i))) * FNV_PRIME;
        }
        return mix(hash ^ (value.length() - from));
    }

    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** MurmurHash3's finalizer: spreads every input bit over the whole key. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
