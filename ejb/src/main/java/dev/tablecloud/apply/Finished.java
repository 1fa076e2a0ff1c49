package dev.tablecloud.apply;

import dev.tablecloud.module.CloudResource;

import java.util.List;

/**
 * What a worker reports when a step ends: its result or failure, and what it changed in the cloud
 * either way (a replace may have deleted before its create failed).
 */
record Finished(StepRun run, CloudResource after, String message, List<Effect> effects, Throwable failure) {

    static Finished done(StepRun run, CloudResource after, String message, List<Effect> effects) {
        return new Finished(run, after, message, List.copyOf(effects), null);
    }

    static Finished failed(StepRun run, List<Effect> effects, Throwable failure) {
        return new Finished(run, null, null, List.copyOf(effects), failure);
    }
}
