package dev.tablecloud.module;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Why a module cannot be uninstalled now, in the words every door shows: the UI disables its
 * button with them, {@code iasql_uninstall} and the REST API refuse with them.
 */
public final class UninstallRules {

    private UninstallRules() {
    }

    /**
     * @param name      the module asked about
     * @param wanted    every module uninstalled in the same call (dependents inside it go along)
     * @param installed the modules installed now
     * @return the refusal, or empty when the module may go; a module not installed has none here
     */
    public static Optional<String> refusal(String name, Collection<String> wanted, List<String> installed) {
        if (!installed.contains(name)) {
            return Optional.empty();
        }
        List<String> outside = ModuleCatalog.dependentsAmong(name, installed).stream()
                .filter(dependent -> !wanted.contains(dependent)).toList();
        boolean base = ModuleCatalog.BASE.equals(name);
        if (outside.isEmpty() && !base) {
            return Optional.empty();
        }
        StringBuilder refusal = new StringBuilder("Module " + name + " cannot be uninstalled: ");
        if (!outside.isEmpty()) {
            refusal.append(String.join(", ", outside)).append(outside.size() == 1 ? " depends" : " depend")
                    .append(" on it");
        }
        if (base) {
            refusal.append(outside.isEmpty() ? "it" : ", and it")
                    .append(" is the base of every environment: its regions are where the engine reads and"
                            + " writes the account, and every other module needs it.");
        } else {
            refusal.append(". Uninstall ").append(outside.size() == 1 ? "it" : "them").append(" first")
                    .append(wanted.size() > 1 ? ", or with it in the same call." : ".");
        }
        return Optional.of(refusal.toString());
    }
}
