package dev.dirsync.ldap;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers like Active Directory with a small MaxValRange: an attribute of {@code attribute} with
 * more than {@code maxValues} values comes back as {@code name;range=0-(max-1)}, and a request for
 * {@code name;range=N-*} gets the slice from N, named {@code name;range=N-M} or, for the last one,
 * {@code name;range=N-*}.
 */
final class RangeEmulator extends InMemoryOperationInterceptor {
    private final String attribute;
    private final int maxValues;
    /** Per request message ID, the start of the slice asked for. */
    private final Map<Integer, Integer> requestedStart = new ConcurrentHashMap<>();

    private final AtomicInteger rangeRequests = new AtomicInteger();

    RangeEmulator(String attribute, int maxValues) {
        this.attribute = attribute;
        this.maxValues = maxValues;
    }

    /** Requests that asked for a slice. */
    int rangeRequests() {
        return rangeRequests.get();
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        List<String> attributes = new ArrayList<>(request.getRequest().getAttributeList());
        String prefix = attribute.toLowerCase(Locale.ROOT) + ";range=";
        for (int i = 0; i < attributes.size(); i++) {
            String requested = attributes.get(i).toLowerCase(Locale.ROOT);
            if (requested.startsWith(prefix) && requested.endsWith("-*")) {
                int start = Integer.parseInt(requested.substring(prefix.length(), requested.length() - 2));
                requestedStart.put(request.getMessageID(), start);
                attributes.set(i, attribute);
                rangeRequests.incrementAndGet();
            }
        }
        SearchRequest rewritten = request.getRequest().duplicate();
        rewritten.setAttributes(attributes);
        request.setRequest(rewritten);
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        Entry entry = result.getSearchEntry().duplicate();
        Attribute values = entry.getAttribute(attribute);
        if (values == null) {
            return;
        }
        Integer start = requestedStart.remove(result.getMessageID());
        int from = start == null ? 0 : start;
        if (start == null && values.size() <= maxValues) {
            return;
        }
        String[] all = values.getValues();
        int to = Math.min(all.length, from + maxValues);
        boolean last = to == all.length;
        entry.removeAttribute(attribute);
        entry.addAttribute(new Attribute(
                attribute + ";range=" + from + "-" + (last ? "*" : String.valueOf(to - 1)),
                Arrays.copyOfRange(all, from, to)));
        result.setSearchEntry(entry);
    }
}
