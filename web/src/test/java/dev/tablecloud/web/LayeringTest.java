package dev.tablecloud.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the front doors thin: they call the engine's session beans and nothing below them. */
class LayeringTest {

    private final JavaClasses web = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.tablecloud.web");

    @Test
    void webNeverTouchesPersistence() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..")
                .because("the UI and the API reach data only through session beans")
                .check(web);
    }

    @Test
    void webNeverCallsTheCloudDirectly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
                .because("cloud calls belong to the engine")
                .check(web);
    }

    @Test
    void apiAndUiStayApart() {
        noClasses().that().resideInAPackage("dev.tablecloud.web.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.tablecloud.web.ui..")
                .check(web);
        noClasses().that().resideInAPackage("dev.tablecloud.web.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.tablecloud.web.api..")
                .check(web);
    }

    @Test
    void uiReachesTheEngineOnlyThroughSessionBeansAndTheirRecords() {
        noClasses().that().resideInAPackage("dev.tablecloud.web.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tablecloud.module..", "dev.tablecloud.plan..",
                        "dev.tablecloud.envdb..", "dev.tablecloud.controldb..", "dev.tablecloud.apply..")
                .because("views call use cases; what lies below them is the engine's business")
                .check(web);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.tablecloud.web.(**)").should().beFreeOfCycles()
                .because("a feature links to another by its address, never by its class")
                .check(web);
    }
}
