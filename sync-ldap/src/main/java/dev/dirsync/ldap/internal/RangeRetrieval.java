package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Active Directory's ranged retrieval of large multi-valued attributes: an attribute with more
 * values than the server's MaxValRange (1500 by default) comes back as, e.g.,
 * {@code proxyAddresses;range=0-1499}; the rest is asked for as {@code proxyAddresses;range=1500-*}
 * and arrives in further slices, the last one ending in {@code *}. This class fetches the remaining
 * slices with base searches on the entry and merges them into one attribute without the range
 * option, values in server order.
 */
public final class RangeRetrieval {
    private static final Pattern RANGE = Pattern.compile("range=(\\d{1,18})-(\\d{1,18}|\\*)", Pattern.CASE_INSENSITIVE);
    private static final Filter ANY = Filter.createPresenceFilter("objectClass");

    private RangeRetrieval() {}

    /** Whether any attribute of the entry is a slice that needs the rest fetched. */
    public static boolean hasRanges(Entry entry) {
        for (Attribute attribute : entry.getAttributes()) {
            Optional<Slice> slice = Slice.of(attribute);
            if (slice.isPresent() && !slice.get().last()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entry with every ranged attribute complete. Attributes whose slice is already the last
     * ({@code range=0-*}) just lose the option.
     *
     * @throws LDAPException when a follow-up search fails, or the server answers with a slice that
     *     does not continue where the previous one ended
     */
    public static Entry complete(LDAPConnection connection, Entry entry) throws LDAPException {
        Entry completed = new Entry(entry.getDN());
        for (Attribute attribute : entry.getAttributes()) {
            Optional<Slice> slice = Slice.of(attribute);
            completed.addAttribute(
                    slice.isEmpty() ? attribute : merged(connection, entry.getDN(), attribute, slice.get()));
        }
        return completed;
    }

    private static Attribute merged(LDAPConnection connection, String dn, Attribute first, Slice slice)
            throws LDAPException {
        List<byte[]> values = new ArrayList<>(List.of(first.getValueByteArrays()));
        String name = slice.nameWithoutRange();
        Slice current = slice;
        while (!current.last()) {
            long next = current.high() + 1;
            String requested = name + ";range=" + next + "-*";
            Optional<Attribute> answer = fetch(connection, dn, requested, name);
            if (answer.isEmpty()) {
                break;
            }
            Optional<Slice> answered = Slice.of(answer.get());
            if (answered.isEmpty()
                    || answered.get().low() != next
                    || (!answered.get().last() && answered.get().high() < next)) {
                throw new LDAPException(
                        ResultCode.DECODING_ERROR,
                        "ranged retrieval of " + name + " on '" + dn + "' asked for " + requested + " and got "
                                + answer.get().getName());
            }
            values.addAll(List.of(answer.get().getValueByteArrays()));
            current = answered.get();
        }
        return new Attribute(name, values.toArray(new byte[0][]));
    }

    /** The slice of {@code name} the server returned, if any (the values may be gone by now). */
    private static Optional<Attribute> fetch(LDAPConnection connection, String dn, String requested, String name)
            throws LDAPException {
        SearchRequest request = new SearchRequest(dn, SearchScope.BASE, ANY, requested);
        List<SearchResultEntry> entries = connection.search(request).getSearchEntries();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        for (Attribute attribute : entries.get(0).getAttributes()) {
            Optional<Slice> slice = Slice.of(attribute);
            if (slice.isPresent() && slice.get().nameWithoutRange().equalsIgnoreCase(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** One slice: the attribute description without the range option, and the range it holds. */
    record Slice(String nameWithoutRange, long low, long high, boolean last) {

        static Optional<Slice> of(Attribute attribute) {
            String rangeOption = null;
            StringBuilder name = new StringBuilder(attribute.getBaseName());
            for (String option : attribute.getOptions()) {
                if (option.toLowerCase(Locale.ROOT).startsWith("range=")) {
                    rangeOption = option;
                } else {
                    name.append(';').append(option);
                }
            }
            if (rangeOption == null) {
                return Optional.empty();
            }
            Matcher matcher = RANGE.matcher(rangeOption);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            long low = Long.parseLong(matcher.group(1));
            boolean last = "*".equals(matcher.group(2));
            long high = last ? Long.MAX_VALUE : Long.parseLong(matcher.group(2));
            return Optional.of(new Slice(name.toString(), low, high, last));
        }
    }
}
