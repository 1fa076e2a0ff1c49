package dev.tablecloud.web.ui.transaction;

import dev.tablecloud.transaction.TransactionChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangesByUserTest {

    private static TransactionChange change(long position, String actor, String row) {
        return new TransactionChange(position, actor, Instant.parse("2026-12-01T10:02:11Z"), "INSERT", "vpc", row);
    }

    @Test
    void groupsByUserInTheOrderTheyFirstChangedARow() {
        var grouped = ChangesByUser.grouped(List.of(change(1, "bob", "a"), change(2, "alice", "b"), change(3, "bob", "c")));

        assertThat(grouped.keySet()).containsExactly("bob", "alice");
        assertThat(grouped.get("bob")).extracting(TransactionChange::row).containsExactly("a", "c");
    }

    @Test
    void showsEachUsersChangesInWords() {
        ChangesByUser view = new ChangesByUser();
        view.show(List.of(change(1, "bob", "web")), false);

        assertThat(view.getElement().getTextRecursively()).isEqualTo("bob · 1 change");
        assertThat(ChangesByUser.list(List.of(change(1, "bob", "<b>web</b>"))))
                .isEqualTo("<ul class=\"tc-mono\"><li>insert vpc '&lt;b&gt;web&lt;/b&gt;' at 10:02:11 UTC</li></ul>");
    }
}
