package dev.tablecloud.web.ui.tables;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowsGridTest {

    @Test
    void cloudIdsAndTagsGetRoomForTheirLongestValuesNotTheFirstPagesWidths() {
        assertThat(RowsGrid.width("vpc_id")).isEqualTo("14em");
        assertThat(RowsGrid.width("tags")).isEqualTo("18em");
        assertThat(RowsGrid.width("id")).isEqualTo("6em");
        assertThat(RowsGrid.width("cidr_block")).isEqualTo("10em");
    }
}
