package dev.tablecloud.module;

import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.module.awsaccount.AwsAccountModule;
import dev.tablecloud.module.awsec2.AwsEc2Module;
import dev.tablecloud.module.awsroute53.AwsRoute53Module;
import dev.tablecloud.module.awss3.AwsS3Module;
import dev.tablecloud.module.awssecuritygroup.AwsSecurityGroupModule;
import dev.tablecloud.module.awsvpc.AwsVpcModule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every module Tablecloud knows, and the order their dependencies impose. */
public final class ModuleCatalog {

    /**
     * The module every environment database starts with and keeps: the account's regions, which
     * every sync and every regional table need. It is never uninstalled.
     */
    public static final String BASE = AwsAccountModule.NAME;

    private static final Map<String, ModuleDefinition> MODULES = List.of(
                    AwsAccountModule.definition(),
                    AwsVpcModule.definition(),
                    AwsSecurityGroupModule.definition(),
                    AwsEc2Module.definition(),
                    AwsS3Module.definition(),
                    AwsRoute53Module.definition())
            .stream()
            .collect(Collectors.toMap(ModuleDefinition::name, Function.identity(), (a, b) -> a,
                    LinkedHashMap::new));

    private ModuleCatalog() {
    }

    public static Collection<ModuleDefinition> all() {
        return MODULES.values();
    }

    public static ModuleDefinition get(String name) {
        ModuleDefinition module = MODULES.get(name);
        if (module == null) {
            throw new NotFoundException("There is no module named '" + name + "'; available: "
                    + String.join(", ", MODULES.keySet()) + ".");
        }
        return module;
    }

    /** The module and everything it needs, dependencies first. */
    public static List<ModuleDefinition> withDependencies(String name) {
        Set<String> ordered = new LinkedHashSet<>();
        addWithDependencies(get(name), ordered);
        return ordered.stream().map(MODULES::get).toList();
    }

    private static void addWithDependencies(ModuleDefinition module, Set<String> ordered) {
        for (String dependency : module.dependencies()) {
            addWithDependencies(get(dependency), ordered);
        }
        ordered.add(module.name());
    }

    /** Of the given installed modules, those that need the named one. */
    public static List<String> dependentsAmong(String name, Collection<String> installed) {
        List<String> dependents = new ArrayList<>();
        for (String candidate : installed) {
            if (!candidate.equals(name) && withDependencies(candidate).stream().anyMatch(m -> m.name().equals(name))) {
                dependents.add(candidate);
            }
        }
        return dependents;
    }

    /**
     * The resource tables of the given modules, parents before children. The catalog lists modules
     * after their dependencies and each module lists parents first, which a unit test keeps true.
     */
    public static List<ResourceTable> tablesInDependencyOrder(Collection<String> moduleNames) {
        List<ResourceTable> tables = new ArrayList<>();
        for (ModuleDefinition module : all()) {
            if (moduleNames.contains(module.name())) {
                tables.addAll(module.tables());
            }
        }
        return tables;
    }
}
