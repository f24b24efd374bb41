package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.EntryHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each search result entry to the {@link EntryHandler} as it arrives, on the searching
 * thread. Entries without a usable anchor are handed on too, unanchored (the engine counts them and
 * the rules report them, never exported) and counted here; entries whose DN the selector refuses
 * are dropped; search references (AD's referrals to other partitions) are ignored. An entry with a
 * ranged attribute ({@code proxyAddresses;range=0-1499}) is held until its page has arrived, then
 * completed on the same connection ({@link RangeRetrieval}) and handed on. An exception thrown by
 * the handler ends the search and reaches the caller unchanged.
 */
public final class StreamingListener implements PagedSearch.PageListener {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(StreamingListener.class);

    private final transient EntryHandler handler;
    private final transient Predicate<DN> selector;
    private final boolean deleted;
    private final transient List<Entry> ranged = new ArrayList<>();
    private long delivered;
    private long unanchored;
    private long references;
    private long dropped;

    /** Live entries, every DN accepted. */
    public StreamingListener(EntryHandler handler) {
        this(handler, dn -> true, false);
    }

    /**
     * @param selector which DNs to hand on (the others are dropped and counted)
     * @param deleted whether the entries are reported as gone
     */
    public StreamingListener(EntryHandler handler, Predicate<DN> selector, boolean deleted) {
        this.handler = handler;
        this.selector = selector;
        this.deleted = deleted;
    }

    @Override
    public void searchEntryReturned(SearchResultEntry entry) {
        if (RangeRetrieval.hasRanges(entry)) {
            ranged.add(entry);
            return;
        }
        deliver(entry);
    }

    @Override
    public void pageCompleted(LDAPConnection connection) throws LDAPException {
        List<Entry> pending = List.copyOf(ranged);
        ranged.clear();
        for (Entry entry : pending) {
            deliver(RangeRetrieval.complete(connection, entry));
        }
    }

    private void deliver(Entry entry) {
        if (!selector.test(parsedDn(entry))) {
            dropped++;
            return;
        }
        SourceEntry decoded = EntryDecoder.decode(entry, deleted);
        if (!decoded.anchored()) {
            unanchored++;
            log.debug(
                    "{} has no usable anchor ({}: {})",
                    entry.getDN(),
                    decoded.anchorProblem().attribute(),
                    decoded.anchorProblem().reason());
        }
        delivered++;
        handler.accept(decoded);
    }

    private static DN parsedDn(Entry entry) {
        try {
            return entry.getParsedDN();
        } catch (LDAPException e) {
            return DN.NULL_DN;
        }
    }

    @Override
    public void searchReferenceReturned(SearchResultReference reference) {
        references++;
        log.debug("Ignoring search reference to {}", Arrays.toString(reference.getReferralURLs()));
    }

    public long delivered() {
        return delivered;
    }

    /** Entries handed on without a usable anchor (included in {@link #delivered()}). */
    public long unanchored() {
        return unanchored;
    }

    public long references() {
        return references;
    }

    /** Entries the selector refused. */
    public long dropped() {
        return dropped;
    }
}
