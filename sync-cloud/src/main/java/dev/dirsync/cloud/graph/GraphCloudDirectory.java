package dev.dirsync.cloud.graph;

import dev.dirsync.cloud.graph.internal.BatchRequestWriter;
import dev.dirsync.cloud.graph.internal.CertificateFiles;
import dev.dirsync.cloud.graph.internal.ClientAssertion;
import dev.dirsync.cloud.graph.internal.ClientCredential;
import dev.dirsync.cloud.graph.internal.ClientCredentialsTokens;
import dev.dirsync.cloud.graph.internal.ClientSecret;
import dev.dirsync.cloud.graph.internal.ConflictExplainer;
import dev.dirsync.cloud.graph.internal.CreateLookup;
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
import dev.dirsync.cloud.internal.HttpClients;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.ParallelApply;
import dev.dirsync.cloud.internal.RetrySettings;
import dev.dirsync.cloud.internal.Sleeper;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.port.CloudDirectory;
import java.security.SecureRandom;
import java.time.Clock;
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
 */
public final class GraphCloudDirectory implements CloudDirectory {

    private final GraphSettings settings;
    private final OkHttpClient client;
    private final GraphUserReader reader;
    private final UnitWriter writer;
    private final ParallelApply parallel;
    private final int unitSize;

    public GraphCloudDirectory(GraphSettings settings) {
        this(settings, HttpClients.create(settings.http()), Sleeper.SYSTEM, Clock.systemUTC());
    }

    /** Takes ownership of {@code client} (closed with this adapter); waits through {@code sleeper}. */
    GraphCloudDirectory(GraphSettings settings, OkHttpClient client, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.client = client;
        RetrySettings retry = RetrySettings.withMaxAttempts(settings.maxAttempts());
        Random random = new Random();
        HttpPolicy http = new HttpPolicy(client, retry, sleeper, clock, random);
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(
                http, settings.tokenUrl(), settings.clientId(), credential(settings, clock), settings.scope(), clock);
        GraphEndpoints endpoints = new GraphEndpoints(settings.graphUrl());
        this.reader = new GraphUserReader(http, tokens, endpoints, settings.clientId());
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(
                settings.writeBudget().count(), settings.writeBudget().window(), clock, sleeper);
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
        this.writer = new UnitWriter(matcher, requests, endpoints, new PasswordGenerator(new SecureRandom()));
        this.unitSize = settings.batch()
                ? BatchRequestWriter.batchSize(settings.writeBudget().perSecond())
                : 1;
        this.parallel = new ParallelApply(settings.concurrency(), "graph-write");
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

    /** Enough changes to keep every concurrent request busy with a full unit. */
    @Override
    public int preferredBatchSize() {
        return unitSize * settings.concurrency();
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
