package dev.dirsync.core.rules.internal;

/**
 * Which object first held each value in this run: value key (see {@link DuplicateKeys}) to the
 * holder's ordinal and a one-bit tag, with the holders' DNs in a {@link DnStore}. Only objects that
 * first hold some value get an ordinal and a stored DN. Not thread-safe.
 */
final class DuplicateIndex {
    /** What {@link Holder#claim} returns when no other object held the value. */
    static final int NONE = -1;

    private final LongIntHashMap holders;
    private final DnStore dns = new DnStore();

    DuplicateIndex(int expectedValues) {
        this.holders = new LongIntHashMap(expectedValues);
    }

    /** Starts the claims of one object. */
    Holder holder(String dn) {
        return new Holder(dn);
    }

    /** The DN of the earlier holder that {@link Holder#claim} returned. */
    String dnOf(int claimed) {
        return dns.get(claimed >>> 1);
    }

    /** The tag the earlier holder claimed its value with. */
    static boolean tagOf(int claimed) {
        return (claimed & 1) != 0;
    }

    /** The claims of one object. */
    final class Holder {
        private static final int UNASSIGNED = -1;

        private final String dn;
        private int ordinal = UNASSIGNED;

        private Holder(String dn) {
            this.dn = dn;
        }

        /**
         * Claims {@code key} for this object unless another object holds it.
         *
         * @param tag stored with the key when this object becomes its holder
         * @return the earlier holder (for {@link #dnOf} and {@link #tagOf}), or NONE
         */
        int claim(long key, boolean tag) {
            int candidate = ordinal == UNASSIGNED ? dns.size() : ordinal;
            if (candidate >= 1 << 30) {
                throw new IllegalStateException("duplicate index full: " + candidate + " holders");
            }
            int earlier = holders.putIfAbsent(key, candidate << 1 | (tag ? 1 : 0));
            if (earlier == LongIntHashMap.MISSING) {
                if (ordinal == UNASSIGNED) {
                    ordinal = dns.add(dn);
                }
                return NONE;
            }
            return (earlier >>> 1) == ordinal ? NONE : earlier;
        }
    }
}
