package dev.tablecloud.web.ui.signin;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** The sign-in form. A successful sign-in reloads the page, so that every request carries the user. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Tablecloud")
@AnonymousAllowed
public class SignInView extends VerticalLayout {

    final LoginForm form = new LoginForm();
    private final SecurityContext securityContext;

    @Inject
    public SignInView(SecurityContext securityContext) {
        this.securityContext = securityContext;
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(new H1("Tablecloud"), form);
    }

    void signIn(String user, String password) {
        AuthenticationStatus status = securityContext.authenticate(
                VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(user, new Password(password)))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            String home = VaadinServletRequest.getCurrent().getContextPath() + "/";
            getUI().ifPresent(ui -> ui.getPage().setLocation(home));
        } else {
            form.setError(true);
        }
    }
}
