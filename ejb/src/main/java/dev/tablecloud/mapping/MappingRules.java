package dev.tablecloud.mapping;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a mapping must look like to be kept: a known kind, and a table and column it can rewrite. */
public final class MappingRules {

    static final int MAX_VALUE_LENGTH = 1000;

    private MappingRules() {
    }

    public static void check(MappingData mapping) {
        List<FieldError> errors = errors(mapping);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static List<FieldError> errors(MappingData mapping) {
        List<FieldError> errors = new ArrayList<>();
        if (mapping == null) {
            return List.of(new FieldError("kind", "Give a mapping: kind, from, to (and table, column where they apply)."));
        }
        Optional<MappingKind> kind = MappingKind.ofLabel(mapping.kind());
        if (kind.isEmpty()) {
            errors.add(new FieldError("kind", "A mapping's kind is one of " + Arrays.stream(MappingKind.values())
                    .map(MappingKind::label).collect(Collectors.joining(", ")) + "."));
        }
        text("from", mapping.from(), errors);
        text("to", mapping.to(), errors);
        if (kind.isEmpty()) {
            return errors;
        }
        switch (kind.get()) {
            case CIDR, REGION, AVAILABILITY_ZONE -> {
                if (mapping.table() != null || mapping.column() != null) {
                    errors.add(new FieldError("column", "A " + kind.get().label() + " mapping applies to every "
                            + columnsOf(kind.get()) + " column; give no table or column."));
                }
                if (kind.get() == MappingKind.CIDR) {
                    cidrErrors(mapping, errors);
                }
            }
            case VALUE -> {
                if (mapping.column() == null) {
                    errors.add(new FieldError("column", "A value mapping names the column it rewrites."));
                } else {
                    columnErrors(mapping, errors);
                }
            }
            case NAME -> {
                if (mapping.column() != null) {
                    columnErrors(mapping, errors);
                } else if (mapping.table() != null && table(mapping.table()).isEmpty()) {
                    errors.add(unknownTable(mapping.table()));
                }
            }
        }
        return errors;
    }

    /** The columns a mapping of a kind that names none rewrites. */
    private static String columnsOf(MappingKind kind) {
        return switch (kind) {
            case CIDR -> "cidr and inet";
            case REGION -> "region";
            default -> "availability_zone";
        };
    }

    private static void columnErrors(MappingData mapping, List<FieldError> errors) {
        if (mapping.table() != null) {
            Optional<ResourceTable> table = table(mapping.table());
            if (table.isEmpty()) {
                errors.add(unknownTable(mapping.table()));
            } else if (!ValueMappings.mappable(table.get(), mapping.column())) {
                errors.add(new FieldError("column", "'" + mapping.column() + "' is not a column of " + mapping.table()
                        + " whose values another environment shares (keys, cloud ids, foreign keys and what the"
                        + " cloud generates are never mapped)."));
            }
        } else if (tables().stream().noneMatch(table -> ValueMappings.mappable(table, mapping.column()))) {
            errors.add(new FieldError("column", "No table has a column '" + mapping.column()
                    + "' whose values another environment shares."));
        }
    }

    /** Two blocks of one size and family, given by their first address. */
    private static void cidrErrors(MappingData mapping, List<FieldError> errors) {
        if (mapping.from() == null || mapping.to() == null) {
            return;
        }
        Optional<CidrBlock> from = block("from", mapping.from(), errors);
        Optional<CidrBlock> to = block("to", mapping.to(), errors);
        if (from.isPresent() && to.isPresent() && (from.get().bits() != to.get().bits()
                || from.get().prefix() != to.get().prefix())) {
            errors.add(new FieldError("to", "A block moves to a block of the same size and family: '"
                    + mapping.from() + "' and '" + mapping.to() + "' differ."));
        }
    }

    private static Optional<CidrBlock> block(String field, String given, List<FieldError> errors) {
        Optional<CidrBlock> block = CidrBlock.parse(given).filter(parsed -> given.contains("/"));
        if (block.isEmpty()) {
            errors.add(new FieldError(field, "'" + given + "' is not a block such as 10.80.0.0/16."));
        } else if (!block.get().isNetwork()) {
            errors.add(new FieldError(field, "'" + given + "' has address bits set below its prefix; give the"
                    + " block's first address (" + block.get().masked() + ")."));
            return Optional.empty();
        }
        return block;
    }

    private static void text(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "Give the value to map " + field + "."));
        } else if (value.length() > MAX_VALUE_LENGTH) {
            errors.add(new FieldError(field, "A mapped value has at most " + MAX_VALUE_LENGTH + " characters."));
        }
    }

    private static FieldError unknownTable(String table) {
        return new FieldError("table", "'" + table + "' is not a table of a module Tablecloud knows.");
    }

    private static Optional<ResourceTable> table(String name) {
        return tables().stream().filter(table -> table.name().equals(name)).findFirst();
    }

    private static List<ResourceTable> tables() {
        return ModuleCatalog.all().stream().map(ModuleDefinition::tables).flatMap(List::stream).toList();
    }
}
