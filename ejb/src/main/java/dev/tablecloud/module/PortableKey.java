package dev.tablecloud.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a row is found in another environment database, where its serial id and cloud ids differ
 * (DESIGN §5): the columns users chose, a text inside a jsonb column (the Name tag), and the
 * parents it points at, each found by its own portable key. A key has alternatives, tried in
 * order: the first whose parts a row has (no null where a part is required) is the row's key; a
 * row with none has no portable key. Regional tables also match on their region, which the key
 * does not list.
 *
 * @param alternatives    the keys a row may be known by, the preferred first; each is a non-empty
 *                        list of parts
 * @param accountSpecific text columns that hold the cloud id of another resource (a route's
 *                        gateway_id): an id of this account, which another account does not have,
 *                        so a change that sets one cannot be replayed there
 */
public record PortableKey(List<List<Part>> alternatives, Set<String> accountSpecific) {

    /** One value of a key, compared with {@code =} (or {@code IS NULL} where a part may be null). */
    public sealed interface Part permits Column, JsonText, Parent {
    }

    /** A column of the table. A {@code nullable} part matches a null with {@code IS NULL}. */
    public record Column(String name, boolean nullable) implements Part {
    }

    /** The text at {@code key} of the jsonb {@code column}: {@code column->>'key'}; never null. */
    public record JsonText(String column, String key) implements Part {
    }

    /**
     * A foreign key column, matched by a subquery on the parent's portable key, recursively. A
     * {@code nullable} part matches a null with {@code IS NULL}.
     */
    public record Parent(String column, boolean nullable) implements Part {
    }

    public PortableKey {
        if (alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("A portable key needs at least one part in each alternative");
        }
        alternatives = alternatives.stream().map(List::copyOf).toList();
        accountSpecific = Set.copyOf(accountSpecific);
    }

    public PortableKey(List<List<Part>> alternatives) {
        this(alternatives, Set.of());
    }

    /** This key, for a table whose {@code columns} hold cloud ids of other resources as text. */
    public PortableKey withAccountSpecific(String... columns) {
        return new PortableKey(alternatives, Set.of(columns));
    }

    /** A key made of these parts. */
    public static PortableKey of(Part... parts) {
        return new PortableKey(List.of(List.of(parts)));
    }

    /** This key, or for a row that lacks one of its parts, these parts. */
    public PortableKey orElse(Part... parts) {
        List<List<Part>> more = new ArrayList<>(alternatives);
        more.add(List.of(parts));
        return new PortableKey(more, accountSpecific);
    }

    public static Part column(String name) {
        return new Column(name, false);
    }

    public static Part nullableColumn(String name) {
        return new Column(name, true);
    }

    /** The value of a tag in the row's {@code tags}: {@code tags->>'Name'}. */
    public static Part tag(String key) {
        return new JsonText("tags", key);
    }

    public static Part parent(String foreignKeyColumn) {
        return new Parent(foreignKeyColumn, false);
    }

    public static Part nullableParent(String foreignKeyColumn) {
        return new Parent(foreignKeyColumn, true);
    }
}
