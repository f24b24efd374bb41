package dev.dirsync.cloud.graph.internal;

import dev.dirsync.cloud.internal.AdaptiveRateLimiter;
import dev.dirsync.cloud.internal.ParallelApply;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one unit of changes (what one request carries): soft-matches its creates when asked
 * to, turns the changes into write requests and sends them through the {@link RequestWriter}.
 * While the service has deferred writes beyond what the run waits, the unit is answered deferred
 * at once, without a request (soft-match look-ups included).
 */
public final class UnitWriter implements ParallelApply.UnitWork {
    private static final Logger log = LoggerFactory.getLogger(UnitWriter.class);

    private final SoftMatcher matcher;
    private final RequestWriter writer;
    private final GraphEndpoints endpoints;
    private final PasswordGenerator passwords;
    private final AdaptiveRateLimiter limiter;

    /**
     * @param matcher the soft matcher, or null when soft matching is off
     * @param limiter the write budget, which knows whether writes are deferred
     */
    public UnitWriter(
            SoftMatcher matcher,
            RequestWriter writer,
            GraphEndpoints endpoints,
            PasswordGenerator passwords,
            AdaptiveRateLimiter limiter) {
        this.matcher = matcher;
        this.writer = writer;
        this.endpoints = endpoints;
        this.passwords = passwords;
        this.limiter = limiter;
    }

    @Override
    public List<ChangeResult> apply(List<Change> unit) {
        Optional<Instant> deferred = limiter.deferral();
        if (deferred.isPresent()) {
            return unit.stream()
                    .map(change -> WriteOutcomes.deferred(change, deferred.get(), ""))
                    .toList();
        }
        ChangeResult[] results = new ChangeResult[unit.size()];
        List<WriteRequest> writes = new ArrayList<>(unit.size());
        List<Integer> positions = new ArrayList<>(unit.size());
        for (int i = 0; i < unit.size(); i++) {
            Change change = unit.get(i);
            if (Thread.currentThread().isInterrupted()) {
                results[i] = ParallelApply.notSent(change);
                continue;
            }
            WriteRequest write = null;
            if (matcher != null && change instanceof Change.Create create) {
                SoftMatcher.Match match = matcher.match(create);
                if (match instanceof SoftMatcher.Decided decided) {
                    results[i] = decided.result();
                    continue;
                }
                if (match instanceof SoftMatcher.Adopt adopt) {
                    write = WriteRequest.adopt(create, adopt.user().id(), endpoints);
                }
            }
            writes.add(write != null ? write : WriteRequest.of(change, endpoints, passwords));
            positions.add(i);
        }
        if (!writes.isEmpty()) {
            List<ChangeResult> sent = writer.send(writes);
            for (int j = 0; j < sent.size(); j++) {
                results[positions.get(j)] = sent.get(j);
            }
        }
        Arrays.stream(results).forEach(UnitWriter::log);
        return Arrays.asList(results);
    }

    private static void log(ChangeResult result) {
        Change change = result.change();
        if (result.succeeded()) {
            log.debug("{} {}: ok, id {}", change.getClass().getSimpleName(), change.anchor(), result.cloudId());
        } else {
            log.info(
                    "{} {}: {} {}: {}",
                    change.getClass().getSimpleName(),
                    change.anchor(),
                    result.outcome(),
                    result.errorCode(),
                    result.message());
        }
    }
}
