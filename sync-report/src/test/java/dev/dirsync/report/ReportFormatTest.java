package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportFormatTest {

    @ParameterizedTest
    @CsvSource({"csv, CSV", "json, JSON", "html, HTML", "HTML, HTML", "' Csv ', CSV"})
    void parse_knownName_returnsFormat(String name, ReportFormat expected) {
        assertThat(ReportFormat.parse(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"xlsx", "htm", "c s v"})
    void parse_unknownName_namesTheChoices(String name) {
        assertThatThrownBy(() -> ReportFormat.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected csv, json or html");
    }

    @ParameterizedTest
    @CsvSource({"CSV, csv", "JSON, json", "HTML, html"})
    void extension_isTheParsedName(ReportFormat format, String extension) {
        assertThat(format.extension()).isEqualTo(extension);
        assertThat(ReportFormat.parse(format.toString())).isEqualTo(format);
    }
}
