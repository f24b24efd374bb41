package dev.dirsync.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.it.Api;
import dev.dirsync.daemon.it.DaemonFixture;
import dev.dirsync.daemon.server.Daemon;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over real HTTP, on a daemon with its real parts (embedded LDAP, cloud emulator, H2 state). */
class AdminApiTest {
    @TempDir
    Path dir;

    private CloudEmulator cloud;
    private Daemon daemon;
    private DaemonFixture fixture;
    private Api api;

    @BeforeEach
    void start() {
        cloud = CloudEmulator.start(EmulatorSettings.builder()
                .clientId(DaemonFixture.CLIENT_ID)
                .clientSecret(DaemonFixture.CLIENT_SECRET)
                .writesPerSecond(25)
                .build());
    }

    private void startDaemon(String extra) {
        fixture = DaemonFixture.create(dir, 40, cloud.url(), null, extra);
        daemon = Daemon.start(new ConfigLoader(Map.of()).load(fixture.config()));
        api = new Api(fixture.adminUrl(), fixture.token());
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.shutdown();
        }
        cloud.close();
    }

    @Test
    void everyRequest_needsTheToken() {
        startDaemon(null);
        Api anonymous = new Api(fixture.adminUrl(), "");
        Api wrong = new Api(fixture.adminUrl(), fixture.token() + "x");

        for (String path : new String[] {"/api/status", "/api/runs", "/metrics", "/", "/api/report?format=csv"}) {
            assertThat(anonymous
                            .send(HttpRequest.newBuilder(URI.create(fixture.adminUrl() + path))
                                    .GET())
                            .status())
                    .as(path)
                    .isEqualTo(401);
            assertThat(wrong.get(path).status()).as(path).isEqualTo(401);
        }
        Api.Reply denied = wrong.post("/api/runs?type=full", null);
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.raw().headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(cloud.users()).isEmpty();
        assertThat(api.get("/api/status").status()).isEqualTo(200);
        String basic = Base64.getEncoder().encodeToString(("admin:" + fixture.token()).getBytes());
        assertThat(api.send(HttpRequest.newBuilder(URI.create(fixture.adminUrl() + "/"))
                                .GET()
                                .header("Authorization", "Basic " + basic))
                        .status())
                .as("a browser's Basic login")
                .isEqualTo(200);
    }

    @Test
    void generatedToken_isReadableByItsOwnerOnly() throws Exception {
        startDaemon(null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fixture.tokenFile())))
                .isEqualTo("rw-------");
        assertThat(fixture.token()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void status_runs_run_report_metrics_andPage_haveTheirShapes() {
        startDaemon(null);
        JsonNode status = api.get("/api/status").json();
        assertThat(status.path("schedule").path("deltaInterval").asText()).isEqualTo("PT30M");
        assertThat(status.path("schedule").path("fullCron").asText()).isEqualTo("0 0 3 * * ?");
        assertThat(status.path("schedule").path("nextDelta").asText()).isNotEmpty();
        assertThat(status.path("schedule").path("nextFull").asText()).isNotEmpty();
        assertThat(status.path("current").isNull()).isTrue();
        assertThat(status.path("lastRuns").isArray()).isTrue();
        assertThat(api.get("/api/report?format=csv").status())
                .as("no report before the first run")
                .isEqualTo(404);

        Api.Reply started = api.post("/api/runs", "{\"type\":\"full\"}");
        assertThat(started.status()).isEqualTo(202);
        long runId = started.json().path("runId").asLong();
        assertThat(runId).isPositive();
        assertThat(started.json().path("status").asText()).isEqualTo("started");

        Api.Reply second = api.post("/api/runs?type=delta", null);
        assertThat(second.status()).as("a run is in progress").isEqualTo(409);
        assertThat(second.json().path("status").asText()).isEqualTo("queued");
        assertThat(second.json().path("running").path("runId").asLong()).isEqualTo(runId);
        JsonNode live = api.get("/api/status").json();
        assertThat(live.path("current").path("runId").asLong()).isEqualTo(runId);
        assertThat(live.path("current").path("counts").has("read")).isTrue();
        assertThat(live.path("queued").path("type").asText()).isEqualTo("delta");

        JsonNode run = api.await(
                "/api/runs/" + runId, r -> !r.path("status").asText().equals("running"), Duration.ofSeconds(60));
        assertThat(run.path("type").asText()).isEqualTo("full");
        assertThat(run.path("trigger").asText()).isEqualTo("operator");
        assertThat(run.path("status").asText()).isIn("success", "partial");
        assertThat(run.path("counts").path("created").asLong())
                .isEqualTo(cloud.users().size());
        assertThat(run.path("errors").isArray()).isTrue();
        assertThat(run.path("summary").asText()).startsWith("read=");

        long queuedRequest = second.json().path("request").asLong();
        JsonNode queued = api.await(
                "/api/requests/" + queuedRequest,
                r -> r.path("state").asText().equals("finished"),
                Duration.ofSeconds(60));
        assertThat(api.get("/api/runs/" + queued.path("runId").asLong())
                        .json()
                        .path("counts")
                        .path("created")
                        .asLong())
                .isZero();

        JsonNode list = api.get("/api/runs?limit=5").json();
        assertThat(list.path("runs")).hasSize(2);
        assertThat(api.get("/api/runs/999").status()).isEqualTo(404);

        for (String format : new String[] {"csv", "json", "html"}) {
            Api.Reply report = api.get("/api/report?format=" + format);
            assertThat(report.status()).as(format).isEqualTo(200);
            assertThat(report.body()).isNotEmpty();
        }
        assertThat(api.get("/api/report?format=pdf").status()).isEqualTo(400);

        String metrics = api.get("/metrics").body();
        assertThat(metrics)
                .containsPattern(
                        "dirsync_runs_total\\{mode=\"done\",status=\"(success|partial)\",type=\"full\"} [12].0")
                .containsPattern("dirsync_run_duration_seconds_count\\{type=\"full\"} [12]\n")
                .contains("dirsync_objects_read_total")
                .contains("dirsync_objects_exported_total")
                .contains("dirsync_objects_failed_total")
                .contains("dirsync_last_success_time_seconds");
        assertThat(metrics).doesNotContain("dirsync_last_success_time_seconds 0.0");

        Api.Reply page = api.get("/");
        assertThat(page.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("text/html"));
        assertThat(page.body())
                .contains("Recent runs")
                .contains("/api/report?format=html")
                .doesNotContain("<script");
    }

    @Test
    void removalsApprove_pending_andBadRequests() {
        startDaemon(null);

        JsonNode approved = api.post("/api/removals/approve?runId=7", null).json();
        assertThat(approved.path("approved").asInt()).isZero();
        JsonNode pending = api.get("/api/pending").json();
        assertThat(pending.path("staging").asBoolean()).isFalse();
        assertThat(pending.path("changes").isArray()).isTrue();
        assertThat(pending.path("pendingRemovals").isArray()).isTrue();

        assertThat(api.post("/api/runs?type=sideways", null).status()).isEqualTo(400);
        assertThat(api.post("/api/runs", "not json").status()).isEqualTo(400);
        assertThat(api.post("/api/status", null).status()).isEqualTo(405);
        assertThat(api.get("/api/nothing").status()).isEqualTo(404);
    }

    @Test
    void stagingMode_plansAndShowsTheChanges_butExportsNothing() {
        startDaemon("schedule:\n  staging: true\n");

        long runId = api.post("/api/runs?type=full", null).json().path("runId").asLong();
        JsonNode run = api.await(
                "/api/runs/" + runId, r -> !r.path("status").asText().equals("running"), Duration.ofSeconds(60));

        assertThat(cloud.users()).isEmpty();
        JsonNode pending = api.get("/api/pending").json();
        assertThat(pending.path("staging").asBoolean()).isTrue();
        assertThat(pending.path("runId").asLong()).isEqualTo(runId);
        assertThat(pending.path("total").asLong())
                .isEqualTo(run.path("counts").path("created").asLong())
                .isPositive();
        JsonNode first = pending.path("changes").get(0);
        assertThat(first.path("kind").asText()).isEqualTo("create");
        assertThat(first.path("properties").path("userPrincipalName").asText()).endsWith("@example.com");
        assertThat(first.toString()).doesNotContainIgnoringCase("password");
    }
}
