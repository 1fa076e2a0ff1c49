package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.List;
import java.util.function.Consumer;

/**
 * "Commit without approvals…": shown only while the review policy holds the commit back. An admin
 * gives a written reason (DESIGN §6), which the engine checks again, records in the review's history
 * and the audit log, and shows with the commit. Others see only the commit's "Not yet" reason: the
 * override is not theirs to take.
 */
class CommitOverride extends Button {

    final Dialog dialog = new Dialog();
    final Paragraph held = new Paragraph();
    final TextArea reason = new TextArea("Why commit without the approvals?");
    final Button confirm = new Button("Commit without approvals");

    /** @param commit starts the commit with the reason given */
    CommitOverride(Consumer<String> commit) {
        super("Commit without approvals…");
        setId("commit-override");
        addThemeVariants(ButtonVariant.LUMO_ERROR);
        held.addClassName("tc-reason");
        reason.setId("override-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        reason.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        reason.addValueChangeListener(change -> reason.setInvalid(false));
        reason.setHelperText("Kept with the commit: the review's history and the environment's audit log show it.");
        confirm.setId("override-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Give the reason: an override without one is refused.");
                return;
            }
            dialog.close();
            commit.accept(reason.getValue().strip());
        });
        dialog.setHeaderTitle("Commit without the approvals");
        dialog.add(held, reason);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.setWidth("36em");
        addClickListener(click -> {
            reason.clear();
            reason.setInvalid(false);
            dialog.open();
        });
    }

    /**
     * @param reviewRefusals why the policy holds the commit now; none hides the button
     * @param admin          whether the user is an admin of the environment (the engine checks again)
     * @param otherwiseReady whether the commit could run but for the review (transaction open, author role)
     */
    void show(List<String> reviewRefusals, boolean admin, boolean otherwiseReady) {
        setVisible(admin && otherwiseReady && !reviewRefusals.isEmpty());
        held.setText("The review policy holds this commit: " + String.join("; ", reviewRefusals)
                + ". As an admin you may commit now; the cloud changes as the preview shows.");
    }
}
