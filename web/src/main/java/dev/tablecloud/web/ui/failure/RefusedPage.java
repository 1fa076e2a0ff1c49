package dev.tablecloud.web.ui.failure;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.failure.TablecloudException;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a deep link shows when the engine refuses to open it (no such environment, a missing role):
 * the server's words, inside the shell, with a way on; the notification says it too.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class RefusedPage extends VerticalLayout implements HasErrorParameter<TablecloudException> {

    final H2 title = new H2();
    final Paragraph reason = new Paragraph();

    public RefusedPage() {
        addClassName("tc-page");
        setId("refused");
        add(title, reason, new Anchor(Links.ENVIRONMENTS, "Back to the environments"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<TablecloudException> parameter) {
        TablecloudException failure = parameter.getException();
        title.setText(failure.title());
        reason.setText(failure.getMessage());
        FailureNotification.show(failure);
        if (failure instanceof NotFoundException) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        return failure instanceof ForbiddenException ? HttpServletResponse.SC_FORBIDDEN
                : HttpServletResponse.SC_CONFLICT;
    }
}
