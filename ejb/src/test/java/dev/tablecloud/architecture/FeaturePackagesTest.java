package dev.tablecloud.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Each feature owns its tables: entities stay inside their package, failures stay plain. */
class FeaturePackagesTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.tablecloud");

    @Test
    void entitiesAreNotPublic() {
        classes().that().areAnnotatedWith(Entity.class)
                .should().notBePublic()
                .because("other features and the front doors see records, not entities")
                .check(engine);
    }

    @Test
    void failuresDependOnNothingOfTheEngine() {
        classes().that().resideInAPackage("dev.tablecloud.failure..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tablecloud.failure..", "java..", "jakarta.ejb..")
                .because("every feature and front door uses them")
                .check(engine);
    }
}
