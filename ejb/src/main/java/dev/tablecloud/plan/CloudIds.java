package dev.tablecloud.plan;

/** The cloud ids rows hold now, for rows the plan reads but has no step for (parents outside it). */
@FunctionalInterface
public interface CloudIds {

    /** The cloud id the row holds, or null if it holds none (or does not exist). */
    String of(RowRef row);
}
