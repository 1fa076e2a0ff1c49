package dev.tablecloud.web.ui.failure;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.html.Div;

/** A failure shown to the user: stays until closed or for a while, long enough to read it. */
public final class FailureNotification {

    static final int SHOWN_MILLIS = 12_000;

    private FailureNotification() {
    }

    public static Notification show(String text) {
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setPosition(Notification.Position.TOP_CENTER);
        notification.setDuration(SHOWN_MILLIS);
        Span message = new Span(text);
        message.addClassName("tc-failure-text");
        Button close = new Button("Close", click -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.getElement().setAttribute("aria-label", "Close");
        Div content = new Div(message, close);
        content.addClassName("tc-failure");
        notification.add(content);
        notification.open();
        return notification;
    }

    public static Notification show(Throwable failure) {
        return show(FailureMessages.text(failure));
    }
}
