package dev.dirsync.daemon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dependency rules of the whole code base (every module's main classes, as this module's
 * test class path holds them all): no cycle between packages, where a package and its own
 * {@code internal} packages count as one; no {@code internal} package used from outside its
 * module; and nothing in sync-core but the JDK and SLF4J.
 */
class ArchitectureTest {
    private static final List<String> MODULES =
            List.of("core", "ldap", "cloud", "report", "state", "emulator", "daemon");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.dirsync");
    }

    static List<String> modules() {
        return MODULES;
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyModuleIsImported(String module) {
        String base = "dev.dirsync." + module;
        assertThat(classes.stream()
                        .map(JavaClass::getPackageName)
                        .anyMatch(name -> name.equals(base) || name.startsWith(base + ".")))
                .isTrue();
    }

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        slices().assignedFrom(packagesWithTheirInternals())
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @ParameterizedTest
    @MethodSource("modules")
    void internalPackagesAreUsedOnlyInsideTheirModule(String module) {
        String base = "dev.dirsync." + module;
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage(base + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(base + "..internal..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void coreDependsOnTheJdkAndSlf4jOnly() {
        classes()
                .that()
                .resideInAPackage("dev.dirsync.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.dirsync.core..", "java..", "org.slf4j..")
                .check(classes);
    }

    /** Each package is a slice, with its {@code internal} packages folded into it. */
    private static SliceAssignment packagesWithTheirInternals() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                int internal = (name + ".").indexOf(".internal.");
                return SliceIdentifier.of(internal < 0 ? name : name.substring(0, internal));
            }

            @Override
            public String getDescription() {
                return "packages with their internal packages";
            }
        };
    }
}
