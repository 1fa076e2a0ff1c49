package dev.tablecloud.module;

import dev.tablecloud.failure.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleCatalogTest {

    @Test
    void installsDependenciesFirst() {
        assertThat(ModuleCatalog.withDependencies("aws_security_group")).extracting(ModuleDefinition::name)
                .containsExactly("aws_account", "aws_vpc", "aws_security_group");
    }

    @Test
    void findsTheInstalledModulesThatNeedAModule() {
        assertThat(ModuleCatalog.dependentsAmong("aws_vpc", List.of("aws_account", "aws_vpc", "aws_security_group")))
                .containsExactly("aws_security_group");
        assertThat(ModuleCatalog.dependentsAmong("aws_security_group", List.of("aws_account", "aws_vpc",
                "aws_security_group"))).isEmpty();
    }

    @Test
    void listsEveryTableAfterTheTablesItPointsAt() {
        List<String> all = ModuleCatalog.all().stream().map(ModuleDefinition::name).toList();
        Set<String> seen = new HashSet<>();
        List<String> violations = new ArrayList<>();
        for (ResourceTable table : ModuleCatalog.tablesInDependencyOrder(all)) {
            table.parentTables().stream().filter(parent -> !seen.contains(parent))
                    .forEach(parent -> violations.add(table.name() + " before " + parent));
            seen.add(table.name());
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyTableUsersWriteDeclaresAPortableKeyOfItsOwnColumns() {
        List<String> violations = new ArrayList<>();
        for (ResourceTable table : ModuleCatalog.tablesInDependencyOrder(
                ModuleCatalog.all().stream().map(ModuleDefinition::name).toList())) {
            if (table.portableKey() == null) {
                if (!table.userPrivileges().isEmpty()) {
                    violations.add(table.name() + " has no portable key");
                }
                continue;
            }
            for (List<PortableKey.Part> alternative : table.portableKey().alternatives()) {
                for (PortableKey.Part part : alternative) {
                    boolean known;
                    if (part instanceof PortableKey.Column column) {
                        known = table.columns().containsKey(column.name()) || column.name().equals(table.rowIdColumn());
                    } else if (part instanceof PortableKey.JsonText text) {
                        known = "jsonb".equals(table.columns().get(text.column()));
                    } else {
                        known = table.parentColumns().containsKey(((PortableKey.Parent) part).column());
                    }
                    if (!known) {
                        violations.add(table.name() + ": " + part);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyModuleHasItsDdlAndCreatesItsTables() {
        for (ModuleDefinition module : ModuleCatalog.all()) {
            String ddl = module.ddl();
            module.tables().forEach(table -> assertThat(ddl).contains("create table " + table.name() + " ("));
        }
    }

    @Test
    void namesTheAvailableModulesWhenOneIsUnknown() {
        assertThatThrownBy(() -> ModuleCatalog.get("aws_nope"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("aws_account, aws_vpc, aws_security_group, aws_ec2, aws_s3, aws_route53");
    }
}
