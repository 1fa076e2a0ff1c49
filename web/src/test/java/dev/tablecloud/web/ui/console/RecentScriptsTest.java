package dev.tablecloud.web.ui.console;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecentScriptsTest {

    @Test
    void theLastRunComesFirstAndARerunMovesUpInsteadOfRepeating() {
        RecentScripts recent = new RecentScripts(List.of("select 1;", "select 2;"));
        recent.ran("  select 2;\n");
        recent.ran("select 3;");

        assertThat(recent.list()).containsExactly("select 3;", "select 2;", "select 1;");
    }

    @Test
    void keepsTheNewestTwentyAndIgnoresBlanksAndHugeScripts() {
        RecentScripts recent = new RecentScripts(List.of());
        IntStream.range(0, 25).forEach(i -> recent.ran("select " + i + ";"));
        recent.ran("   ");
        recent.ran("x".repeat(RecentScripts.LONGEST + 1));

        assertThat(recent.list()).hasSize(RecentScripts.KEPT).first().isEqualTo("select 24;");
        assertThat(recent.list()).last().isEqualTo("select 5;");
    }

    @Test
    void whatTheBrowserKeptIsReadCarefully() {
        List<String> stored = new ArrayList<>(List.of("a", "a", "", "b"));
        stored.add(null);
        assertThat(new RecentScripts(stored).list()).containsExactly("a", "b");
        assertThat(ConsoleView.parse(elemental.json.Json.create("[\"select 1;\", 3, \"select 2;\"]")))
                .containsExactly("select 1;", "select 2;");
        assertThat(ConsoleView.parse(elemental.json.Json.create("not json"))).isEmpty();
        assertThat(ConsoleView.parse(elemental.json.Json.createNull())).isEmpty();
    }

    @Test
    void aScriptIsListedByItsFirstLine() {
        assertThat(RecentScripts.caption("select 1;\nselect 2;\nselect 3;")).isEqualTo("select 1;  (+2 lines)");
        assertThat(RecentScripts.caption("select 1;")).isEqualTo("select 1;");
        assertThat(RecentScripts.storageKey("alice", "staging")).isEqualTo("tablecloud.console.recent.alice.staging");
    }
}
