package dev.tablecloud.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Features depend on each other one way only: a feature can be read, tested and moved without
 * the ones that use it.
 */
class PackageCyclesTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.tablecloud");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dev.tablecloud.(*)..")
                .should().beFreeOfCycles()
                .check(engine);
    }
}
