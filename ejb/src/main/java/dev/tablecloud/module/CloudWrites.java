package dev.tablecloud.module;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How users' rows of one table reach the cloud.
 *
 * @param writer           the write half of the adapter
 * @param generated        columns the cloud fills (ids, ARNs, state, counts): never compared, never
 *                         sent, written back after a create
 * @param replacedOn       columns AWS cannot change in place: a change to one of them replaces the
 *                         resource (delete, then create)
 * @param chosenByCloud    columns a row may leave null for the cloud to choose (the default VPC of a
 *                         security group, the default subnet of an instance): null there matches any
 *                         value, and the cloud's choice is written back
 * @param valueReferences  text columns that name a row of another table by one of its columns, with
 *                         no foreign key (an instance's key_pair_name): the named resource must exist
 *                         before this one is made, which a commit's plan orders by
 * @param deletedWith      by foreign key column, the resources the cloud deletes together with the
 *                         parent that column points at, and refuses to delete alone (a VPC's default
 *                         security group): a plan that deletes the parent leaves their deletes out
 * @param createdWithLinks by link table, the links to this table's rows that the cloud makes in the
 *                         resource's own create call (EC2 launches an instance into its security
 *                         groups, and into its VPC's default group when given none): a create is given
 *                         the cloud ids of the rows they link it to ({@link DesiredResource#linked}),
 *                         so those resources must exist before it is made, which a commit's plan
 *                         orders by; the links' own creates then find themselves made
 * @param newBesideOld     AWS lets the new resource of a replace exist beside the old one (VPCs may
 *                         share a block, zones a name): a replace whose children move with it makes
 *                         the new resource first, moves the children, and deletes the old one last.
 *                         Otherwise (a subnet's block, a group's name are unique) the old one goes
 *                         first, after its children, and the new one is made before theirs
 * @param changesInPlace   some column changes in place ({@link CloudUpdater}); false when AWS
 *                         changes nothing of the resource after its create, so that any change
 *                         replaces it, whatever {@code replacedOn} lists
 */
public record CloudWrites(CloudWriter writer, Set<String> generated, Set<String> replacedOn,
                          Set<String> chosenByCloud, Map<String, ValueReference> valueReferences,
                          Map<String, Predicate<CloudResource>> deletedWith,
                          Map<String, LinkColumns> createdWithLinks, boolean newBesideOld,
                          boolean changesInPlace) {

    /** The row of {@code table} whose {@code column} holds the referring column's value. */
    public record ValueReference(String table, String column) {
    }

    /**
     * The two foreign keys of a link table: {@code toCreated} points at the row whose create makes the
     * link, {@code toLinked} at the row it is linked to.
     */
    public record LinkColumns(String toCreated, String toLinked) {
    }

    public CloudWrites {
        if (changesInPlace && !(writer instanceof CloudUpdater)) {
            throw new IllegalArgumentException("A kind that changes in place needs a CloudUpdater");
        }
        generated = Set.copyOf(generated);
        replacedOn = Set.copyOf(replacedOn);
        chosenByCloud = Set.copyOf(chosenByCloud);
        valueReferences = Map.copyOf(valueReferences);
        deletedWith = Map.copyOf(deletedWith);
        createdWithLinks = Map.copyOf(createdWithLinks);
    }

    /** The writes of a kind with columns AWS changes in place: those not in {@link #replacedOn(String...)}. */
    public static CloudWrites by(CloudUpdater writer) {
        return new CloudWrites(writer, Set.of(), Set.of(), Set.of(), Map.of(), Map.of(), Map.of(), false, true);
    }

    /**
     * The writes of a kind AWS changes nothing of after its create (a subnet, a key pair): a change to
     * any column users set replaces the resource, and no update exists to be called.
     */
    public static CloudWrites replacedOnAnyChange(CloudWriter writer) {
        return new CloudWrites(writer, Set.of(), Set.of(), Set.of(), Map.of(), Map.of(), Map.of(), false, false);
    }

    /** The writer's in-place update; only a kind that {@link #changesInPlace()} has one. */
    public CloudUpdater updater() {
        if (!changesInPlace) {
            throw new IllegalStateException("This kind changes nothing in place: a change replaces it");
        }
        return (CloudUpdater) writer;
    }

    public CloudWrites generated(String... columns) {
        return new CloudWrites(writer, Set.of(columns), replacedOn, chosenByCloud, valueReferences, deletedWith,
                createdWithLinks, newBesideOld, changesInPlace);
    }

    public CloudWrites replacedOn(String... columns) {
        return new CloudWrites(writer, generated, Set.of(columns), chosenByCloud, valueReferences, deletedWith,
                createdWithLinks, newBesideOld, changesInPlace);
    }

    public CloudWrites chosenByCloud(String... columns) {
        return new CloudWrites(writer, generated, replacedOn, Set.of(columns), valueReferences, deletedWith,
                createdWithLinks, newBesideOld, changesInPlace);
    }

    /** {@code column} names the row of {@code table} whose {@code tableColumn} holds the same value. */
    public CloudWrites references(String column, String table, String tableColumn) {
        Map<String, ValueReference> references = new HashMap<>(valueReferences);
        references.put(column, new ValueReference(table, tableColumn));
        return new CloudWrites(writer, generated, replacedOn, chosenByCloud, references, deletedWith, createdWithLinks,
                newBesideOld, changesInPlace);
    }

    /** Resources that {@code which} picks go with the parent {@code parentColumn} points at. */
    public CloudWrites deletedWith(String parentColumn, Predicate<CloudResource> which) {
        Map<String, Predicate<CloudResource>> carried = new HashMap<>(deletedWith);
        carried.put(parentColumn, which);
        return new CloudWrites(writer, generated, replacedOn, chosenByCloud, valueReferences, carried,
                createdWithLinks, newBesideOld, changesInPlace);
    }

    /**
     * A create of this table's resource makes the links of {@code linkTable} too: the rows that link
     * table's {@code toCreated} column ties to it, to the rows its {@code toLinked} column points at.
     */
    public CloudWrites createdWithLinks(String linkTable, String toCreated, String toLinked) {
        Map<String, LinkColumns> links = new HashMap<>(createdWithLinks);
        links.put(linkTable, new LinkColumns(toCreated, toLinked));
        return new CloudWrites(writer, generated, replacedOn, chosenByCloud, valueReferences, deletedWith, links,
                newBesideOld, changesInPlace);
    }

    /** The new resource of a replace may exist beside the old one: see {@link #newBesideOld()}. */
    public CloudWrites withNewBesideOld() {
        return new CloudWrites(writer, generated, replacedOn, chosenByCloud, valueReferences, deletedWith,
                createdWithLinks, true, changesInPlace);
    }
}
