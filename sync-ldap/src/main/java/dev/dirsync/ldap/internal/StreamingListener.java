package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.EntryHandler;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each search result entry to the {@link EntryHandler} as it arrives, on the searching
 * thread. Entries without an anchor are logged and skipped; search references (AD's referrals to
 * other partitions) are ignored. An exception thrown by the handler ends the search and reaches the
 * caller unchanged.
 */
public final class StreamingListener implements SearchResultListener {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(StreamingListener.class);

    private final transient EntryHandler handler;
    private long delivered;
    private long skipped;
    private long references;

    public StreamingListener(EntryHandler handler) {
        this.handler = handler;
    }

    @Override
    public void searchEntryReturned(SearchResultEntry entry) {
        Optional<SourceEntry> decoded = EntryDecoder.decode(entry);
        if (decoded.isEmpty()) {
            skipped++;
            log.warn("Skipping {}: it has no anchor ({}, {} or a valid {})", entry.getDN(),
                    AnchorReader.CONSISTENCY_GUID, AnchorReader.OBJECT_GUID, AnchorReader.ENTRY_UUID);
            return;
        }
        delivered++;
        handler.accept(decoded.get());
    }

    @Override
    public void searchReferenceReturned(SearchResultReference reference) {
        references++;
        log.debug("Ignoring search reference to {}", Arrays.toString(reference.getReferralURLs()));
    }

    public long delivered() {
        return delivered;
    }

    public long skipped() {
        return skipped;
    }

    public long references() {
        return references;
    }
}
