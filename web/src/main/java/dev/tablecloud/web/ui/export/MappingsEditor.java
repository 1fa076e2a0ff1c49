package dev.tablecloud.web.ui.export;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.mapping.MappingData;
import dev.tablecloud.mapping.MappingKind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An environment's value mappings, applied when SQL from another environment is exported for it.
 * Its admins add, edit and delete them; everyone else sees them with the buttons disabled and the
 * server's reason. Rules broken by a mapping are shown on the field they concern.
 */
class MappingsEditor extends Div {

    /** The mappings of one environment, as the editor changes them: the engine in the server. */
    interface Mappings {
        List<MappingData> list();

        MappingData add(MappingData mapping);

        MappingData update(long id, MappingData mapping);

        void remove(long id);
    }

    final Grid<MappingData> grid = new Grid<>();
    final Button add = new Button("Add mapping", VaadinIcon.PLUS.create());
    final Paragraph reason = new Paragraph();
    final FormLayout form = new FormLayout();
    final Select<String> kind = new Select<>();
    final TextField table = new TextField("Table");
    final TextField column = new TextField("Column");
    final TextField from = new TextField("From");
    final TextField to = new TextField("To");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private final Mappings mappings;
    private final String refusal;
    private Long editing;

    /** @param refusal why the viewer may not change them (the engine's words), or null for an admin */
    MappingsEditor(String environment, Mappings mappings, String refusal) {
        this.mappings = mappings;
        this.refusal = refusal;
        setId("mappings-editor");
        addClassNames("tc-card", "tc-mappings");
        Paragraph about = new Paragraph("Applied when SQL from another environment is exported for " + environment
                + ", in this order.");
        about.addClassName("tc-muted");
        grid.setId("mappings");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(MappingData::kind).setHeader("Kind").setWidth("9rem").setFlexGrow(0);
        grid.addColumn(mapping -> orAny(mapping.table())).setHeader("Table").setWidth("9rem");
        grid.addColumn(mapping -> orAny(mapping.column())).setHeader("Column").setWidth("9rem");
        grid.addColumn(MappingData::from).setHeader("From").setWidth("10rem");
        grid.addColumn(MappingData::to).setHeader("To").setWidth("10rem");
        grid.addComponentColumn(this::actions).setHeader("").setWidth("12rem").setFlexGrow(0);
        grid.setEmptyStateText("No value mappings: exported SQL runs here as it was written.");
        add.setId("mapping-add");
        add.addClickListener(click -> edit(null));
        reason.setId("mappings-reason");
        reason.addClassName("tc-reason");
        buildForm();
        Div head = new Div(new H3("Value mappings of " + environment), about);
        add(head, grid, add, form);
        if (refusal != null) {
            add.setEnabled(false);
            reason.setText(refusal);
            add(reason);
        }
        refresh();
    }

    private void buildForm() {
        form.setId("mapping-form");
        form.addClassName("tc-mapping-form");
        kind.setId("mapping-kind");
        kind.setLabel("Kind");
        kind.setItems(Arrays.stream(MappingKind.values()).map(MappingKind::label).toList());
        table.setId("mapping-table");
        table.setPlaceholder("every table");
        column.setId("mapping-column");
        column.setPlaceholder("by its kind");
        from.setId("mapping-from");
        to.setId("mapping-to");
        save.setId("mapping-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        cancel.setId("mapping-cancel");
        cancel.addClickListener(click -> form.setVisible(false));
        form.add(kind, table, column, from, to, new HorizontalLayout(save, cancel));
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.setVisible(false);
    }

    HorizontalLayout actions(MappingData mapping) {
        Button edit = new Button("Edit", click -> edit(mapping));
        edit.setId("mapping-edit-" + mapping.id());
        Button delete = new Button("Delete", click -> {
            mappings.remove(mapping.id());
            refresh();
        });
        delete.setId("mapping-delete-" + mapping.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button button : List.of(edit, delete)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            button.setEnabled(refusal == null);
            if (refusal != null) {
                button.setTooltipText(refusal);
            }
        }
        return new HorizontalLayout(edit, delete);
    }

    void edit(MappingData mapping) {
        editing = mapping == null ? null : mapping.id();
        kind.setValue(mapping == null ? MappingKind.VALUE.label() : mapping.kind());
        table.setValue(mapping == null ? "" : orEmpty(mapping.table()));
        column.setValue(mapping == null ? "" : orEmpty(mapping.column()));
        from.setValue(mapping == null ? "" : mapping.from());
        to.setValue(mapping == null ? "" : mapping.to());
        save.setText(mapping == null ? "Add" : "Save");
        clearErrors();
        form.setVisible(true);
    }

    void save() {
        MappingData typed = new MappingData(editing, kind.getValue(), blankAsNull(table.getValue()),
                blankAsNull(column.getValue()), from.getValue(), to.getValue());
        clearErrors();
        try {
            if (editing == null) {
                mappings.add(typed);
            } else {
                mappings.update(editing, typed);
            }
        } catch (InvalidInputException wrong) {
            // What the person typed stays; each broken rule shows on its field.
            wrong.errors().forEach(this::show);
            return;
        }
        form.setVisible(false);
        refresh();
    }

    void refresh() {
        grid.setItems(mappings.list());
    }

    private void show(FieldError error) {
        Map<String, HasValidation> fields = Map.of("kind", kind, "table", table, "column", column, "from", from,
                "to", to);
        HasValidation field = fields.getOrDefault(error.field(), from);
        field.setErrorMessage(error.message());
        field.setInvalid(true);
    }

    private void clearErrors() {
        for (HasValidation field : List.<HasValidation>of(kind, table, column, from, to)) {
            field.setInvalid(false);
        }
    }

    private static String orAny(String value) {
        return value == null ? "any" : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
