package dev.dirsync.cloud.scim;

import dev.dirsync.cloud.internal.HttpClients;
import dev.dirsync.cloud.internal.HttpPolicy;
import dev.dirsync.cloud.internal.RetrySettings;
import dev.dirsync.cloud.internal.Sleeper;
import dev.dirsync.cloud.scim.internal.ProviderConfig;
import dev.dirsync.cloud.scim.internal.ProviderConfigReader;
import dev.dirsync.cloud.scim.internal.ScimBulkWriter;
import dev.dirsync.cloud.scim.internal.ScimEndpoints;
import dev.dirsync.cloud.scim.internal.ScimHttp;
import dev.dirsync.cloud.scim.internal.ScimUserReader;
import dev.dirsync.cloud.scim.internal.ScimUserWriter;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.port.CloudDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * A SCIM 2.0 service (RFC 7643/7644) as the cloud directory: users carrying an externalId are
 * dirsync's. At first use it reads {@code /ServiceProviderConfig} and adapts: PATCH with only the
 * changed attributes or PUT of the whole resource, {@code /Bulk} within the advertised limits or one
 * request per change, filters or a scan to find a user by anchor, RFC 9865 cursors or index paging.
 * Authorised by a static bearer token. Throttling and passing server errors are retried per
 * request through the shared {@link HttpPolicy}; what still fails becomes that change's result.
 * Meant to be called from one thread at a time.
 */
public final class ScimCloudDirectory implements CloudDirectory {
    /** Changes per {@link #apply} call: with /Bulk, split further by the service's limits. */
    public static final int BATCH_SIZE = 50;

    private final ScimSettings settings;
    private final OkHttpClient client;
    private final ProviderConfigReader configReader;
    private final ScimUserReader reader;
    private final ScimUserWriter writer;
    private final ScimBulkWriter bulk;
    private ProviderConfig config;

    public ScimCloudDirectory(ScimSettings settings) {
        this(settings, HttpClients.create(settings.http()), Sleeper.SYSTEM, Clock.systemUTC());
    }

    /** Takes ownership of {@code client} (closed with this adapter); waits through {@code sleeper}. */
    ScimCloudDirectory(ScimSettings settings, OkHttpClient client, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.client = client;
        HttpPolicy policy = new HttpPolicy(
                client, RetrySettings.withMaxAttempts(settings.maxAttempts()), sleeper, clock, new Random());
        ScimHttp http = new ScimHttp(policy, settings.token().reveal(), settings.url());
        ScimEndpoints endpoints = new ScimEndpoints(settings.url());
        this.configReader = new ProviderConfigReader(http, endpoints);
        this.reader = new ScimUserReader(http, endpoints, this::config);
        this.writer = new ScimUserWriter(http, endpoints, this::config, reader::findByAnchor);
        this.bulk = new ScimBulkWriter(http, endpoints, writer, this::config);
    }

    @Override
    public void listUsers(Consumer<CloudUser> handler) {
        reader.listUsers(handler);
    }

    /**
     * Pages through {@code /Users}, all of them, with or without an externalId: each holds its
     * userName as its user principal name and its {@code emails[].value} as SMTP addresses. Users
     * only: SCIM's Group resource (RFC 7643 section 4.2) carries no addresses and SCIM has no
     * contacts, so nothing else is read.
     */
    @Override
    public void listAddresses(Consumer<CloudAddresses> handler) {
        reader.listAddresses(handler);
    }

    @Override
    public Optional<CloudUser> findByAnchor(Anchor anchor) {
        return reader.findByAnchor(anchor);
    }

    /**
     * Through /Bulk when the service offers it, else one request per change, in order. An
     * interrupted thread stops sending: the changes not yet sent are reported retryable, so every
     * change still gets its result.
     */
    @Override
    public void apply(List<Change> changes, Consumer<ChangeResult> results) {
        if (changes.isEmpty()) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            changes.forEach(change -> results.accept(interrupted(change)));
            return;
        }
        if (bulk.active()) {
            bulk.apply(changes, results);
            return;
        }
        for (Change change : changes) {
            results.accept(Thread.currentThread().isInterrupted() ? interrupted(change) : writer.apply(change));
        }
    }

    @Override
    public int preferredBatchSize() {
        return BATCH_SIZE;
    }

    @Override
    public String describe() {
        return "SCIM 2.0 service " + settings.url();
    }

    @Override
    public void close() {
        HttpClients.shutdown(client);
    }

    @Override
    public String toString() {
        return "ScimCloudDirectory[" + describe() + "]";
    }

    private static ChangeResult interrupted(Change change) {
        return ChangeResult.failed(
                change, ChangeResult.Outcome.RETRYABLE, "INTERRUPTED", "not sent: the run was interrupted");
    }

    /** The service's capabilities, read at first use. */
    private synchronized ProviderConfig config() {
        if (config == null) {
            config = configReader.read();
        }
        return config;
    }
}
