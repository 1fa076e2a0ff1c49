package dev.tablecloud.web.ui.failure;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception a click or a push update lets escape becomes a notification with the server's
 * words. The engine's refusals are expected and not logged; anything else is logged in full here
 * and shown without its stack trace.
 */
@ApplicationScoped
public class FailureHandler implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(FailureHandler.class.getName());

    void installOn(@Observes ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable thrown = event.getThrowable();
        if (FailureMessages.engineFailure(thrown).isEmpty()) {
            LOG.log(Level.WARNING, "Unexpected failure in the UI", thrown);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            FailureNotification.show(thrown);
        }
    }
}
