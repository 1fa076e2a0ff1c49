package dev.tablecloud.web.ui.export;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.provider.Query;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.mapping.MappingData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MappingsEditorTest {

    /** Keeps mappings as the engine would, refusing a value mapping without a column. */
    private static final class Kept implements MappingsEditor.Mappings {
        final List<MappingData> all = new ArrayList<>();
        long next = 1;

        @Override
        public List<MappingData> list() {
            return List.copyOf(all);
        }

        @Override
        public MappingData add(MappingData mapping) {
            check(mapping);
            MappingData kept = new MappingData(next++, mapping.kind(), mapping.table(), mapping.column(), mapping.from(),
                    mapping.to());
            all.add(kept);
            return kept;
        }

        @Override
        public MappingData update(long id, MappingData mapping) {
            check(mapping);
            MappingData kept = new MappingData(id, mapping.kind(), mapping.table(), mapping.column(), mapping.from(),
                    mapping.to());
            all.replaceAll(old -> old.id() == id ? kept : old);
            return kept;
        }

        @Override
        public void remove(long id) {
            all.removeIf(mapping -> mapping.id() == id);
        }

        private static void check(MappingData mapping) {
            if (mapping.kind().equals("value") && mapping.column() == null) {
                throw new InvalidInputException(List.of(new FieldError("column", "A value mapping names the column it rewrites.")));
            }
        }
    }

    private final Kept kept = new Kept();

    @Test
    void anAdminAddsEditsAndDeletesAMapping() {
        MappingsEditor editor = new MappingsEditor("prod", kept, null);
        assertThat(editor.add.isEnabled()).isTrue();

        editor.add.click();
        editor.kind.setValue("value");
        editor.table.setValue("instance");
        editor.column.setValue("instance_type");
        editor.from.setValue("t3.micro");
        editor.to.setValue("m5.large");
        editor.save.click();
        assertThat(shown(editor)).containsExactly(new MappingData(1L, "value", "instance", "instance_type", "t3.micro", "m5.large"));
        assertThat(editor.form.isVisible()).isFalse();

        editor.edit(kept.all.get(0));
        editor.to.setValue("m5.xlarge");
        editor.save.click();
        assertThat(shown(editor)).extracting(MappingData::to).containsExactly("m5.xlarge");
        assertThat(shown(editor)).extracting(MappingData::id).containsExactly(1L);

        kept.remove(1L);
        editor.refresh();
        assertThat(shown(editor)).isEmpty();
    }

    @Test
    void aBrokenRuleShowsOnItsFieldAndKeepsWhatWasTyped() {
        MappingsEditor editor = new MappingsEditor("prod", kept, null);
        editor.add.click();
        editor.kind.setValue("value");
        editor.from.setValue("t3.micro");
        editor.to.setValue("m5.large");

        editor.save.click();

        assertThat(editor.column.isInvalid()).isTrue();
        assertThat(editor.column.getErrorMessage()).contains("names the column");
        assertThat(editor.form.isVisible()).isTrue();
        assertThat(editor.from.getValue()).isEqualTo("t3.micro");
        assertThat(kept.all).isEmpty();
    }

    @Test
    void someoneWhoIsNotAnAdminSeesTheMappingsButNotTheButtonsWithTheReason() {
        kept.add(new MappingData(null, "region", null, null, "us-east-1", "eu-west-1"));
        String refusal = "vera may not change the value mappings of environment 'prod': that needs the admin role";

        MappingsEditor editor = new MappingsEditor("prod", kept, refusal);

        assertThat(shown(editor)).hasSize(1);
        assertThat(editor.add.isEnabled()).isFalse();
        assertThat(editor.reason.getText()).isEqualTo(refusal);
        assertThat(editor.getChildren()).contains(editor.reason);
        HorizontalLayout actions = editor.actions(kept.all.get(0));
        assertThat(actions.getChildren().map(Button.class::cast)).extracting(Button::getText, Button::isEnabled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Edit", false),
                        org.assertj.core.groups.Tuple.tuple("Delete", false));
    }

    private static List<MappingData> shown(MappingsEditor editor) {
        return editor.grid.getDataProvider().fetch(new Query<>()).toList();
    }
}
