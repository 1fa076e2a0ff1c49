package dev.tablecloud.web.ui.tables;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowJsonTest {

    @Test
    void indentsARowForReading() {
        assertThat(RowJson.pretty("{\"id\":1,\"tags\":{\"Name\":\"web\"}}"))
                .contains("\"id\": 1").contains("\n").contains("\"Name\": \"web\"");
        assertThat(RowJson.pretty("not json")).isEqualTo("not json");
    }
}
