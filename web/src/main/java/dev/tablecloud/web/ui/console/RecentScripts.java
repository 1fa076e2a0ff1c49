package dev.tablecloud.web.ui.console;

import java.util.ArrayList;
import java.util.List;

/**
 * The scripts a user ran last, newest first, each once; kept to {@value #KEPT} and to scripts of
 * at most {@value #LONGEST} characters so the browser's storage stays small.
 */
final class RecentScripts {

    static final int KEPT = 20;
    static final int LONGEST = 20_000;

    private final List<String> scripts = new ArrayList<>();

    RecentScripts(List<String> stored) {
        for (String script : stored) {
            if (script != null && !script.isBlank() && !scripts.contains(script) && script.length() <= LONGEST
                    && scripts.size() < KEPT) {
                scripts.add(script);
            }
        }
    }

    void ran(String script) {
        String trimmed = script.strip();
        if (trimmed.isEmpty() || trimmed.length() > LONGEST) {
            return;
        }
        scripts.remove(trimmed);
        scripts.add(0, trimmed);
        while (scripts.size() > KEPT) {
            scripts.remove(scripts.size() - 1);
        }
    }

    List<String> list() {
        return List.copyOf(scripts);
    }

    /** The script's first line, shortened, for the list. */
    static String caption(String script) {
        String first = script.strip().lines().findFirst().orElse("");
        String shown = first.length() > 80 ? first.substring(0, 79) + "…" : first;
        long lines = script.strip().lines().count();
        return lines > 1 ? shown + "  (+" + (lines - 1) + " lines)" : shown;
    }

    /** Where a user's recent scripts of an environment are kept in the browser. */
    static String storageKey(String user, String environment) {
        return "tablecloud.console.recent." + user + "." + environment;
    }
}
