package dev.tablecloud.plan;

/**
 * Which part of a replace a step does. A replace whose children move with it (a VPC whose block
 * changes, with its subnets; a zone renamed, with its record sets; a subnet moved to another zone,
 * with its instances) cannot be one step: AWS refuses to delete the old parent while children are in
 * it, and the children's new resources need the new parent. It is split into a step that deletes the
 * old resource and one that makes the new one, ordered by {@link ReplaceHalves}.
 */
public enum Half {
    /** The whole replace in one step: the old resource is deleted, then the new one made. */
    WHOLE,
    /** Deletes the old resource; another step of the same row makes the new one. */
    OLD,
    /** Makes the new resource after the step of half {@link #OLD} deleted the old one. */
    NEW_AFTER_OLD,
    /** Makes the new resource while the old one still exists; the step of half {@link #OLD} runs after. */
    NEW_BESIDE_OLD;

    /** Whether the step makes the row's new resource. */
    public boolean makesNew() {
        return this != OLD;
    }

    /** Whether the step deletes the row's old resource. */
    public boolean removesOld() {
        return this == WHOLE || this == OLD;
    }
}
