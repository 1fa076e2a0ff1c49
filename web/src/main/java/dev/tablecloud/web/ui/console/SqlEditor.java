package dev.tablecloud.web.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * CodeMirror 6 with PostgreSQL highlighting and line numbers; Ctrl+Enter runs. The script is
 * the element's {@code value}, synchronised when the editor loses focus and sent whole with each run.
 * The {@code @codemirror/*} packages beside {@code codemirror} are the ones it depends on, named so
 * the element can import from them; their versions are the newest the registry had, so npm keeps
 * one copy of each (two copies of {@code @codemirror/state} break CodeMirror).
 */
@Tag("tc-sql-editor")
@NpmPackage(value = "codemirror", version = "6.0.2")
@NpmPackage(value = "@codemirror/lang-sql", version = "6.10.0")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@JsModule("./src/tc-sql-editor.js")
class SqlEditor extends Component {

    SqlEditor() {
        getElement().addPropertyChangeListener("value", "value-changed", event -> { });
    }

    String getValue() {
        String value = getElement().getProperty("value");
        return value == null ? "" : value;
    }

    void setValue(String script) {
        getElement().setProperty("value", script == null ? "" : script);
    }

    void setReadOnly(boolean readOnly) {
        getElement().setProperty("readOnly", readOnly);
    }

    /** Asks the browser to run what is in the editor, as Ctrl+Enter does. */
    void requestRun() {
        getElement().callJsFunction("run");
    }

    /** Marks PostgreSQL's error at a 0-based offset into the script as the editor counts (UTF-16). */
    void markError(int offset, String message) {
        getElement().callJsFunction("markError", offset, message);
    }

    void clearError() {
        getElement().callJsFunction("clearError");
    }

    Registration addRunListener(ComponentEventListener<RunEvent> listener) {
        return addListener(RunEvent.class, listener);
    }

    /** Public with a public constructor: Vaadin looks for the DOM event's constructor among the public ones. */
    @DomEvent("run")
    public static class RunEvent extends ComponentEvent<SqlEditor> {
        final String script;

        public RunEvent(SqlEditor source, boolean fromClient, @EventData("event.detail.value") String script) {
            super(source, fromClient);
            this.script = script == null ? "" : script;
        }
    }
}
