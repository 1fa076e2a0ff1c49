package dev.tablecloud.web.ui.signin;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends anyone who is not signed in to the sign-in view. Views say who may enter with annotations:
 * {@code @PermitAll} for every signed-in user, {@code @AnonymousAllowed} for the sign-in view itself.
 * What a user may then do is checked by the engine on every action.
 */
@ApplicationScoped
public class NavigationGuard {

    void installOn(@Observes ServiceInitEvent event) {
        NavigationAccessControl guard = new NavigationAccessControl();
        guard.setLoginView(SignInView.class);
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(guard));
    }
}
