package dev.tablecloud.web.ui.tables;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowsGridTest {

    @Test
    void cloudIdsAndTagsGetRoomForTheirLongestValuesNotTheFirstPagesWidths() {
        assertThat(RowsGrid.width("vpc_id")).isEqualTo("14rem");
        assertThat(RowsGrid.width("tags")).isEqualTo("18rem");
        assertThat(RowsGrid.width("id")).isEqualTo("6rem");
        assertThat(RowsGrid.width("cidr_block")).isEqualTo("10rem");
    }
}
