package dev.tablecloud.web.ui.console;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlEditorTest {

    @Test
    void aRunFromTheBrowserReachesTheListenerWithTheScript() {
        SqlEditor editor = new SqlEditor();
        List<String> ran = new ArrayList<>();
        editor.addRunListener(event -> ran.add(event.script));

        com.vaadin.flow.component.ComponentUtil.fireEvent(editor, new SqlEditor.RunEvent(editor, true, "select 1;"));

        assertThat(ran).containsExactly("select 1;");
    }
}
