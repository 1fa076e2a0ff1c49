package dev.tablecloud.web.ui.schedule;

import dev.tablecloud.schedule.CommitFreeze;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreezesEditorTest {

    @Test
    void aFreezeSetWithTheFormsDefaultsCoversNowForADay() {
        List<List<CommitFreeze>> saved = new ArrayList<>();
        FreezesEditor editor = new FreezesEditor(saved::add, null);
        editor.reason.setValue("Black Friday sale");
        editor.addFreeze();

        CommitFreeze freeze = saved.get(0).get(0);
        assertThat(freeze.from()).isBeforeOrEqualTo(Instant.now());
        assertThat(freeze.to()).isAfter(Instant.now().plusSeconds(23 * 3600));
        assertThat(freeze.reason()).isEqualTo("Black Friday sale");
    }
}
