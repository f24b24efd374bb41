package dev.dirsync.cloud.graph;

import dev.dirsync.cloud.graph.internal.ClientCredentialsTokens;
import dev.dirsync.cloud.graph.internal.GraphEndpoints;
import dev.dirsync.cloud.graph.internal.GraphUserReader;
import dev.dirsync.cloud.graph.internal.GraphUserWriter;
import dev.dirsync.cloud.graph.internal.PasswordGenerator;
import dev.dirsync.cloud.internal.HttpClients;
import dev.dirsync.cloud.internal.HttpPolicy;
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
 * dirsync's, created, patched and deleted one request per change, authorised by app-only tokens
 * (client credentials). Throttling and passing server errors are retried per request (see
 * {@link HttpPolicy}); what still fails becomes that change's result. Meant to be called from one
 * thread at a time; only the token cache is shared safely.
 */
public final class GraphCloudDirectory implements CloudDirectory {

    private final GraphSettings settings;
    private final OkHttpClient client;
    private final GraphUserReader reader;
    private final GraphUserWriter writer;

    public GraphCloudDirectory(GraphSettings settings) {
        this(settings, HttpClients.create(settings.connectTimeout(), settings.readTimeout()), Sleeper.SYSTEM,
                Clock.systemUTC());
    }

    /** Takes ownership of {@code client} (closed with this adapter); waits through {@code sleeper}. */
    GraphCloudDirectory(GraphSettings settings, OkHttpClient client, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.client = client;
        HttpPolicy http = new HttpPolicy(client, RetrySettings.withMaxAttempts(settings.maxAttempts()), sleeper, clock,
                new Random());
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(http, settings.tokenUrl(), settings.clientId(),
                settings.clientSecret(), settings.scope(), clock);
        GraphEndpoints endpoints = new GraphEndpoints(settings.graphUrl());
        this.reader = new GraphUserReader(http, tokens, endpoints, settings.clientId());
        this.writer = new GraphUserWriter(http, tokens, endpoints, reader::findByAnchor,
                new PasswordGenerator(new SecureRandom()), settings.clientId());
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
     * One request per change, in order. An interrupted thread stops sending: the changes not yet
     * sent are reported retryable, so every change still gets its result.
     */
    @Override
    public void apply(List<Change> changes, Consumer<ChangeResult> results) {
        for (Change change : changes) {
            if (Thread.currentThread().isInterrupted()) {
                results.accept(ChangeResult.failed(change, ChangeResult.Outcome.RETRYABLE, "INTERRUPTED",
                        "not sent: the run was interrupted"));
                continue;
            }
            results.accept(writer.apply(change));
        }
    }

    @Override
    public String describe() {
        return "Microsoft Graph " + settings.graphUrl() + " (tenant " + settings.tenantId() + ")";
    }

    @Override
    public void close() {
        HttpClients.shutdown(client);
    }

    @Override
    public String toString() {
        return "GraphCloudDirectory[" + describe() + "]";
    }
}
