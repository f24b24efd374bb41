package dev.dirsync.daemon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dirsync.core.engine.RunOptions;
import dev.dirsync.core.engine.SyncListener;
import dev.dirsync.core.state.InMemoryStateStore;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.demo.DirectoryGenerator;
import dev.dirsync.daemon.run.SyncRunner;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-memory LDAP -> engine -> Graph adapter -> cloud emulator, with WireMock as a recording proxy
 * in front of the emulator so the exact write requests can be asserted.
 */
class EndToEndSyncTest {
    private static final int PEOPLE = 60;

    @TempDir
    Path dir;

    private CloudEmulator cloud;
    private WireMockServer proxy;
    private Path ldif;
    private DirsyncConfig config;
    private final InMemoryStateStore state = new InMemoryStateStore();

    @BeforeEach
    void start() throws IOException {
        cloud = CloudEmulator.start(EmulatorSettings.builder()
                .storeFile(dir.resolve("cloud.json"))
                .clientId("e2e")
                .clientSecret("e2e-secret")
                .build());
        proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(cloud.url())));

        ldif = dir.resolve("directory.ldif");
        try (Writer writer = Files.newBufferedWriter(ldif)) {
            DirectoryGenerator.write(writer, PEOPLE, 7, true);
        }
        Files.writeString(
                dir.resolve("dirsync.yaml"),
                """
                source:
                  url: embedded:directory.ldif
                  bindDn: CN=dirsync,DC=corp,DC=example,DC=com
                  password: ${env:LDAP_PW}
                  baseDn: DC=corp,DC=example,DC=com
                  pageSize: 7
                target:
                  url: %s
                  tokenUrl: %s/e2e-tenant/oauth2/v2.0/token
                  tenantId: e2e-tenant
                  clientId: e2e
                  clientSecret: ${env:CLIENT_SECRET}
                mapping:
                  upnSuffix: example.com
                  usageLocation: DE
                """
                        .formatted(proxy.baseUrl(), proxy.baseUrl()));
        config = new ConfigLoader(Map.of("LDAP_PW", "ldap-pw", "CLIENT_SECRET", "e2e-secret"))
                .load(dir.resolve("dirsync.yaml"));
    }

    @AfterEach
    void stop() {
        proxy.stop();
        cloud.close();
    }

    private RunSummary sync() {
        return new SyncRunner(config, state)
                .run(RunOptions.APPLY, SyncListener.NONE)
                .summary();
    }

    @Test
    void firstRunCreatesMailUsers_secondRunWritesNothing() {
        RunSummary first = sync();

        assertThat(first.created()).isGreaterThan(PEOPLE * 3 / 4);
        assertThat(first.failed()).isZero();
        assertThat(first.read()).isEqualTo(first.skipped() + first.blocked() + first.created() + first.unchanged());
        assertThat(first.skipped())
                .as("Administrator, Guest, krbtgt, MSOL_ and HealthMailbox accounts")
                .isEqualTo(5);
        assertThat(cloud.users()).hasSize((int) first.created());
        assertThat(cloud.users()).allSatisfy(user -> {
            assertThat(user.get("onPremisesImmutableId")).isNotNull();
            assertThat(user).doesNotContainKey("passwordProfile");
        });
        assertThat(anchorsInLdif())
                .containsAll(cloud.users().stream()
                        .map(u -> (String) u.get("onPremisesImmutableId"))
                        .collect(Collectors.toSet()));

        proxy.resetRequests();
        RunSummary second = sync();
        assertThat(second.written()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.created());
        proxy.verify(0, postRequestedFor(urlMatching("/v1.0/users.*")));
        proxy.verify(0, postRequestedFor(urlEqualTo("/v1.0/$batch")));
        proxy.verify(0, patchRequestedFor(urlMatching("/v1.0/users.*")));
        proxy.verify(0, deleteRequestedFor(urlMatching("/v1.0/users.*")));
    }

    @Test
    void oneChangedAttribute_sendsExactlyOnePatchCarryingOnlyThatAttribute() throws IOException {
        sync();
        String content = Files.readString(ldif);
        String target = content.lines()
                .filter(l -> l.startsWith("displayName: "))
                .skip(3)
                .findFirst()
                .orElseThrow();
        Files.writeString(ldif, content.replace(target + "\n", "displayName: Renamed Person\n"));

        proxy.resetRequests();
        RunSummary summary = sync();

        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.created()).isZero();
        // Writes travel in Graph JSON batches: exactly one batch holding exactly one PATCH of that property.
        proxy.verify(1, postRequestedFor(urlEqualTo("/v1.0/$batch")));
        proxy.verify(postRequestedFor(urlEqualTo("/v1.0/$batch"))
                .withRequestBody(matchingJsonPath("$.requests.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.requests[0].method", equalTo("PATCH")))
                .withRequestBody(matchingJsonPath("$.requests[0].url", matching("/users/.+")))
                .withRequestBody(
                        matchingJsonPath("$.requests[0].body", equalToJson("{\"displayName\":\"Renamed Person\"}"))));
        proxy.verify(0, patchRequestedFor(urlMatching("/v1.0/users.*")));
        proxy.verify(0, postRequestedFor(urlMatching("/v1.0/users.*")));
        assertThat(cloud.users())
                .anySatisfy(u -> assertThat(u.get("displayName")).isEqualTo("Renamed Person"));
    }

    @Test
    void dryRun_writesNothing() {
        RunSummary planned = new SyncRunner(config, state)
                .run(RunOptions.DRY_RUN, SyncListener.NONE)
                .summary();
        assertThat(planned.created()).isGreaterThan(0);
        assertThat(cloud.users()).isEmpty();
        proxy.verify(0, postRequestedFor(urlMatching("/v1.0/users.*")));
        proxy.verify(0, postRequestedFor(urlEqualTo("/v1.0/$batch")));
    }

    @Test
    void cleanupReport_isWrittenAsCsvAndHtml() throws IOException {
        sync();
        Path csv = config.report().directory().resolve("cleanup-report.csv");
        assertThat(csv).exists();
        assertThat(Files.readString(csv))
                .contains("DISTINGUISHEDNAME,COMMONNAME,OBJECTCLASS,ATTRIBUTE,ERROR,VALUE,UPDATE,"
                        + "PROPOSEDACTION,ACTION");
        assertThat(config.report().directory().resolve("cleanup-report.html")).exists();
    }

    private Set<String> anchorsInLdif() {
        try {
            return Files.readAllLines(ldif).stream()
                    .filter(l -> l.startsWith("objectGUID:: "))
                    .map(l -> l.substring("objectGUID:: ".length()))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
