package dev.tablecloud.web.ui.transaction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiffLineTest {

    @Test
    void splitsTheEnginesChangeText() {
        assertThat(DiffLine.parse("cidr_block: 10.0.1.0/24 → 10.0.2.0/24"))
                .isEqualTo(new DiffLine("cidr_block", "10.0.1.0/24", "10.0.2.0/24"));
        assertThat(DiffLine.parse("tags: {\"a\": \"x → y\"} → {}"))
                .isEqualTo(new DiffLine("tags", "{\"a\": \"x", "y\"} → {}"));
        assertThat(DiffLine.parse("odd")).isEqualTo(new DiffLine("odd", null, null));
    }
}
