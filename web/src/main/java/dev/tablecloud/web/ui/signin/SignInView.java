package dev.tablecloud.web.ui.signin;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.tablecloud.web.signin.Refusal;
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
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        AuthenticationStatus status = securityContext.authenticate(
                request,
                VaadinServletResponse.getCurrent().getHttpServletResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(user, new Password(password)))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            String home = VaadinServletRequest.getCurrent().getContextPath() + "/";
            getUI().ifPresent(ui -> ui.getPage().setLocation(home));
        } else {
            showRefusal(request.getAttribute(Refusal.ATTRIBUTE) instanceof Refusal refusal ? refusal : null);
            form.setError(true);
        }
    }

    /** After too many failures the form says how long to wait, rather than that the password is wrong. */
    void showRefusal(Refusal refusal) {
        LoginI18n i18n = LoginI18n.createDefault();
        if (refusal != null && refusal.status() == 429) {
            i18n.getErrorMessage().setTitle("Try again later");
            i18n.getErrorMessage().setMessage(refusal.detail());
        } else {
            i18n.getErrorMessage().setMessage("Check them and try again. After a few failures each try waits longer.");
        }
        form.setI18n(i18n);
    }
}
