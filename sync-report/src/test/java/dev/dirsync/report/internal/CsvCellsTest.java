package dev.dirsync.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * | cell                  | written as               | why                              |
 * |-----------------------|--------------------------|----------------------------------|
 * | plain                 | plain                    | nothing to do                    |
 * | null / empty          | (empty)                  | absent value                     |
 * | a,b                   | "a,b"                    | comma                            |
 * | say "hi"              | "say ""hi"""             | quote doubled                    |
 * | line1 LF line2        | "line1 LF line2"         | line break                       |
 * | =1+1, +1, -1, @SUM    | '=1+1, '+1, '-1, '@SUM   | formula start neutralised        |
 * | TAB x, CR x           | 'TAB x, "'CR x"          | neutralised (CR also quoted)     |
 * | =a,b                  | "'=a,b"                  | neutralised, then quoted         |
 * | a=b, x-1              | a=b, x-1                 | only the first character counts  |
 */
class CsvCellsTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of(null, ""),
                Arguments.of("", ""),
                Arguments.of("a,b", "\"a,b\""),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("line1\nline2", "\"line1\nline2\""),
                Arguments.of("line1\r\nline2", "\"line1\r\nline2\""),
                Arguments.of("=1+1", "'=1+1"),
                Arguments.of("+1", "'+1"),
                Arguments.of("-1", "'-1"),
                Arguments.of("@SUM(A1)", "'@SUM(A1)"),
                Arguments.of("\tx", "'\tx"),
                Arguments.of("\rx", "\"'\rx\""),
                Arguments.of("=a,b", "\"'=a,b\""),
                Arguments.of("=\"x\"", "\"'=\"\"x\"\"\""),
                Arguments.of("a=b", "a=b"),
                Arguments.of("x-1", "x-1"),
                Arguments.of("'quoted", "'quoted"),
                Arguments.of("Chlo\u00e9", "Chlo\u00e9"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cells")
    void encode_neutralisesThenQuotes(String cell, String expected) {
        assertThat(CsvCells.encode(cell)).isEqualTo(expected);
    }
}
