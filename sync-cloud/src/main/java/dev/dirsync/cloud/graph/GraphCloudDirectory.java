package dev.dirsync.cloud.graph;

import dev.dirsync.cloud.graph.internal.BatchRequestWriter;
import dev.dirsync.cloud.graph.internal.CertificateFiles;
import dev.dirsync.cloud.graph.internal.ClientAssertion;
import dev.dirsync.cloud.graph.internal.ClientCredential;
import dev.dirsync.cloud.graph.internal.ClientCredentialsTokens;
import dev.dirsync.cloud.graph.internal.ClientSecret;
import dev.dirsync.cloud.graph.internal.ConflictExplainer;
import dev.dirsync.cloud.graph.internal.CreateLookup;
import dev.dirsync.cloud.graph.internal.GraphAddressReader;
import dev.dirsync.cloud.graph.internal.GraphCollections;
import dev.dirsync.cloud.graph.internal.GraphEndpoints;
import dev.dirsync.cloud.graph.internal.GraphUserReader;
import dev.dirsync.cloud.graph.internal.PasswordGenerator;
import dev.dirsync.cloud.graph.internal.RequestWriter;
import dev.dirsync.cloud.graph.internal.SingleRequestWriter;
import dev.dirsync.cloud.graph.internal.SoftMatcher;
import dev.dirsync.cloud.graph.internal.UnitWriter;
import dev.dirsync.cloud.graph.internal.WriteOutcomes;
import dev.dirsync.cloud.internal.AdaptiveRateLimiter;
import dev.dirsync.cloud.internal.Backoff;
import dev.dirsync.cloud.internal.DeadlineKeeper;
import dev.dirsync.cloud.internal.HttpClients;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.MemoryDeadlines;
import dev.dirsync.cloud.internal.ParallelApply;
import dev.dirsync.cloud.internal.RetrySettings;
import dev.dirsync.cloud.internal.Sleeper;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.ThrottleDeadlines;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Microsoft Graph v1.0 as the cloud directory: users carrying an onPremisesImmutableId are
 * dirsync's; they are created, patched and deleted in JSON batches (or one request each, with
 * {@code batch} off), by up to {@code concurrency} requests at a time, paced under the write budget.
 * Authorised by app-only tokens (client credentials: a secret or a certificate). Throttling and
 * passing server errors are retried per request or per batch item; what still fails becomes that
 * change's result. {@link #apply} is meant to be called from one thread at a time; it reports on
 * the calling thread, in the order of the changes.
 *
 * <p>A Retry-After, of any length, stops every writer of the tenant until it passes; its end is
 * kept in the {@link ThrottleDeadlines} under {@link #serviceKey}, and a later adapter does not
 * write before it either. One ending later than the run waits defers the writes: their results
 * are retryable with the code {@value WriteOutcomes#DEFERRED}, and {@link #writesDeferredUntil}
 * names the time.
 */
public final class GraphCloudDirectory implements CloudDirectory {

    private final GraphSettings settings;
    private final OkHttpClient client;
    private final GraphUserReader reader;
    private final GraphAddressReader addresses;
    private final UnitWriter writer;
    private final ParallelApply parallel;
    private final int unitSize;
    private final AdaptiveRateLimiter limiter;

    /** Keeps throttle deadlines for its own life only. */
    public GraphCloudDirectory(GraphSettings settings) {
        this(settings, new MemoryDeadlines());
    }

    /** Honours and keeps throttle deadlines in {@code deadlines} (the state store). */
    public GraphCloudDirectory(GraphSettings settings, ThrottleDeadlines deadlines) {
        this(settings, HttpClients.create(settings.http()), Sleeper.SYSTEM, Clock.systemUTC(), deadlines);
    }

    GraphCloudDirectory(GraphSettings settings, OkHttpClient client, Sleeper sleeper, Clock clock) {
        this(settings, client, sleeper, clock, new MemoryDeadlines());
    }

    /** Takes ownership of {@code client} (closed with this adapter); waits through {@code sleeper}. */
    GraphCloudDirectory(
            GraphSettings settings, OkHttpClient client, Sleeper sleeper, Clock clock, ThrottleDeadlines deadlines) {
        this.settings = settings;
        this.client = client;
        RetrySettings retry = RetrySettings.withMaxAttempts(settings.maxAttempts());
        Random random = new Random();
        HttpPolicy http = new HttpPolicy(client, retry, sleeper, clock, random);
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(
                http, settings.tokenUrl(), settings.clientId(), credential(settings, clock), settings.scope(), clock);
        GraphEndpoints endpoints = new GraphEndpoints(settings.graphUrl());
        GraphCollections collections = new GraphCollections(http, tokens, endpoints, settings.clientId());
        this.reader = new GraphUserReader(collections, endpoints);
        this.addresses = new GraphAddressReader(collections, endpoints);
        DeadlineKeeper keeper = new DeadlineKeeper(deadlines, serviceKey(settings));
        this.limiter = new AdaptiveRateLimiter(
                settings.writeBudget().count(),
                settings.writeBudget().window(),
                clock,
                sleeper,
                retry.maxRetryAfter(),
                keeper);
        keeper.stored().ifPresent(limiter::pauseUntil);
        WriteOutcomes outcomes = new WriteOutcomes(new ConflictExplainer(reader, endpoints));
        CreateLookup createLookup = new CreateLookup(reader::findByAnchor);
        RequestWriter requests = settings.batch()
                ? new BatchRequestWriter(
                        http,
                        tokens,
                        endpoints,
                        limiter,
                        outcomes,
                        createLookup,
                        retry,
                        new Backoff(retry.baseDelay(), retry.maxDelay(), random),
                        sleeper,
                        clock,
                        settings.clientId())
                : new SingleRequestWriter(http, tokens, limiter, outcomes, createLookup, settings.clientId());
        SoftMatcher matcher =
                switch (settings.softMatch()) {
                    case OFF -> null;
                    case UPN -> new SoftMatcher(SoftMatcher.By.UPN, reader, endpoints);
                    case SMTP -> new SoftMatcher(SoftMatcher.By.SMTP, reader, endpoints);
                };
        this.writer = new UnitWriter(matcher, requests, endpoints, new PasswordGenerator(new SecureRandom()), limiter);
        this.unitSize = settings.batch()
                ? BatchRequestWriter.batchSize(settings.writeBudget().perSecond())
                : 1;
        this.parallel = new ParallelApply(settings.concurrency(), "graph-write");
    }

    /** The key of the tenant's throttle deadline: Graph's root and the tenant. */
    public static String serviceKey(GraphSettings settings) {
        return settings.graphUrl() + " tenant " + settings.tenantId();
    }

    private static ClientCredential credential(GraphSettings settings, Clock clock) {
        if (settings.certificate() == null) {
            return new ClientSecret(settings.clientSecret().reveal());
        }
        GraphCertificate certificate = settings.certificate();
        String password =
                certificate.password() == null ? null : certificate.password().reveal();
        return new ClientAssertion(
                CertificateFiles.load(certificate.path(), password), settings.tokenUrl(), settings.clientId(), clock);
    }

    @Override
    public void listUsers(Consumer<CloudUser> handler) {
        reader.listUsers(handler);
    }

    /**
     * Pages through {@code /users} (all of them, with or without an anchor), {@code /groups} and
     * {@code /contacts} (organizational contacts). A user holds its userPrincipalName and its SMTP
     * addresses: mail, the SMTP proxyAddresses without their prefix, and its otherMails when it
     * holds no proxy address; a group or contact its mail and SMTP proxyAddresses.
     *
     * <p>Reading groups and contacts takes application permissions beyond the user writes:
     * GroupMember.Read.All (or Group.Read.All or Directory.Read.All) and OrgContact.Read.All (or
     * Directory.Read.All). Without them Graph answers 403 and this throws a {@link
     * dev.dirsync.core.CredentialsRejectedException} naming the missing permission, rather than
     * passing on users only: an index missing the groups or contacts would let an address they hold
     * through as free.
     */
    @Override
    public void listAddresses(Consumer<CloudAddresses> handler) {
        addresses.listAddresses(handler);
    }

    @Override
    public Optional<CloudUser> findByAnchor(Anchor anchor) {
        return reader.findByAnchor(anchor);
    }

    /**
     * Sends the changes, a batch (or a request) per unit, up to {@code concurrency} at once. An
     * interrupted thread stops sending: the changes not yet sent are reported retryable, so every
     * change still gets its result.
     */
    @Override
    public void apply(List<Change> changes, Consumer<ChangeResult> results) {
        parallel.apply(changes, unitSize, writer, results);
    }

    @Override
    public Optional<Instant> writesDeferredUntil() {
        return limiter.deferredUntil();
    }

    /** Enough changes to keep every concurrent request busy with a full unit. */
    @Override
    public int preferredBatchSize() {
        return unitSize * settings.concurrency();
    }

    /** With {@code softMatch} on, a create adopts the unanchored user holding its UPN or address. */
    @Override
    public boolean matchesUnanchoredUsers() {
        return settings.softMatch() != SoftMatch.OFF;
    }

    @Override
    public String describe() {
        return "Microsoft Graph " + settings.graphUrl() + " (tenant " + settings.tenantId() + ")";
    }

    @Override
    public void close() {
        parallel.close();
        HttpClients.shutdown(client);
    }

    @Override
    public String toString() {
        return "GraphCloudDirectory[" + describe() + "]";
    }
}
