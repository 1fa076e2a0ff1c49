package dev.tablecloud.web.ui.failure;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An address the UI has no page for (a mistyped link, or a page the browser does not offer yet). */
@ParentLayout(MainLayout.class)
@PermitAll
public class NoSuchPage extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    final Paragraph reason = new Paragraph();

    public NoSuchPage() {
        addClassName("tc-page");
        setId("no-such-page");
        add(new H2("No page here"), reason, new Anchor(Links.ENVIRONMENTS, "Back to the environments"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        reason.setText("The browser has no page at /" + event.getLocation().getPath()
                + " (yet): the REST API under /api/v1 does everything the UI does.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
