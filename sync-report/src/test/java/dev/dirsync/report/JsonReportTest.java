package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {};

    @Test
    void sample_matchesGoldenFile() throws IOException {
        Golden.assertMatches("report.json", ReportFixtures.render(ReportFormat.JSON, ReportFixtures.sample()));
    }

    @Test
    void sample_parsesBackWithContextFindingsAndTotals() throws IOException {
        JsonNode report = MAPPER.readTree(ReportFixtures.render(ReportFormat.JSON, ReportFixtures.sample()));

        assertThat(report.get("generatedAt").asText()).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(report.get("source").asText()).isEqualTo(ReportFixtures.CONTEXT.source());
        assertThat(report.get("profile").asText()).isEqualTo("multiTenant");
        assertThat(report.get("findings")).hasSize(9);

        JsonNode chloe = report.get("findings").get(3);
        assertThat(chloe.get("dn").asText()).isEqualTo(ReportFixtures.CHLOE.dn());
        assertThat(chloe.get("commonName").asText()).isEqualTo("Chlo\u00e9 Dubois");
        assertThat(chloe.get("objectClass").asText()).isEqualTo("inetOrgPerson");
        assertThat(chloe.get("attribute").asText()).isEqualTo("userPrincipalName");
        assertThat(MAPPER.convertValue(chloe.get("error"), STRINGS)).containsExactly("Character", "TopLevelDomain");
        assertThat(chloe.get("value").asText()).isEqualTo("chlo\u00e9.dubois@corp.local");
        assertThat(chloe.get("update").asText()).isEqualTo("chloe.dubois@corp.example.com");
        assertThat(chloe.get("proposedAction").asText()).isEqualTo("EDIT");
        assertThat(chloe.get("detail").isNull()).isTrue();
        assertThat(report.get("findings").get(0).get("value").isNull()).isTrue();

        JsonNode totals = report.get("totals");
        assertThat(totals.get("findings").asLong()).isEqualTo(9);
        assertThat(totals.get("objectsWithFindings").asLong()).isEqualTo(7);
        assertThat(MAPPER.convertValue(totals.get("byErrorClass"), COUNTS))
                .containsExactly(
                        Map.entry("Blank", 1L),
                        Map.entry("Character", 5L),
                        Map.entry("Format", 2L),
                        Map.entry("TopLevelDomain", 1L),
                        Map.entry("Duplicate", 1L));
        assertThat(MAPPER.convertValue(totals.get("byAttribute"), COUNTS))
                .containsExactly(
                        Map.entry("displayName", 1L),
                        Map.entry("mail", 2L),
                        Map.entry("mailNickname", 1L),
                        Map.entry("proxyAddresses", 3L),
                        Map.entry("sAMAccountName", 1L),
                        Map.entry("userPrincipalName", 1L));
    }

    @Test
    void emptyReport_isValidJsonWithZeroTotals() throws IOException {
        JsonNode report = MAPPER.readTree(ReportFixtures.render(ReportFormat.JSON, List.of()));

        assertThat(report.get("findings")).isEmpty();
        assertThat(report.get("totals").get("findings").asLong()).isZero();
        assertThat(report.get("totals").get("byErrorClass")).isEmpty();
    }
}
