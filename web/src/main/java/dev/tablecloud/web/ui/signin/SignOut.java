package dev.tablecloud.web.ui.signin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.ServletException;

/** A button that ends the user's session and returns to the sign-in view. */
public class SignOut extends Button {

    public SignOut() {
        super("Sign out");
        setId("sign-out");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClickListener(click -> signOut());
    }

    private static void signOut() {
        try {
            VaadinServletRequest.getCurrent().getHttpServletRequest().logout();
        } catch (ServletException ignored) {
            // The session is invalidated below either way.
        }
        VaadinSession.getCurrent().getSession().invalidate();
        UI.getCurrent().getPage().setLocation("login");
    }
}
