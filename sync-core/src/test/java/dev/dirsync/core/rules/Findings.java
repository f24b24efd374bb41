package dev.dirsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

/** Looks findings up in a check result. */
final class Findings {
    private Findings() {}

    static List<Finding> on(CheckResult result, String attribute) {
        return result.findings().stream()
                .filter(f -> f.attribute().equals(attribute))
                .toList();
    }

    /** The only finding on {@code attribute}. */
    static Finding single(CheckResult result, String attribute) {
        List<Finding> found = on(result, attribute);
        if (found.size() != 1) {
            throw new AssertionError("expected one finding on " + attribute + " but got " + result.findings());
        }
        return found.get(0);
    }

    /**
     * Asserts the outcome on one value: no finding when {@code labels} is blank, else exactly one
     * finding with those classes and that suggested value.
     */
    static void assertOutcome(CheckResult result, String attribute, String labels, String suggested) {
        List<ErrorClass> expected = classes(labels);
        if (expected.isEmpty()) {
            assertThat(on(result, attribute)).as("findings on " + attribute).isEmpty();
            return;
        }
        Finding finding = single(result, attribute);
        assertThat(finding.classes()).as("classes").isEqualTo(expected);
        assertThat(finding.suggested()).as("suggested").isEqualTo(suggested);
    }

    /** "Blank, Length" from a table cell; empty (or "-") for a clean value. */
    static List<ErrorClass> classes(String labels) {
        if (labels == null || labels.isBlank() || labels.equals("-")) {
            return List.of();
        }
        return Arrays.stream(labels.split(","))
                .map(String::trim)
                .map(ErrorClass::fromLabel)
                .toList();
    }
}
