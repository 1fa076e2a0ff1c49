package dev.tablecloud.web.ui.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import dev.tablecloud.review.ReviewQueryService;
import dev.tablecloud.security.UserData;
import dev.tablecloud.security.UserService;
import dev.tablecloud.web.apidocs.ApiDocsAddress;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.signin.SignOut;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/**
 * The frame of every signed-in page (the sign-in view opts out). The reviews badge counts what
 * waits for the user's decision, asked again on each navigation.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    final SideNavItem environments = new SideNavItem("Environments", Links.ENVIRONMENTS, VaadinIcon.CLOUD.create());
    final SideNavItem reviews = new SideNavItem("Reviews", Links.REVIEWS, VaadinIcon.CHECK_SQUARE_O.create());
    final SideNavItem users = new SideNavItem("Users", Links.USERS, VaadinIcon.USERS.create());
    final SideNavItem promotions = new SideNavItem("Promotions", Links.PROMOTIONS, VaadinIcon.ARROW_FORWARD.create());
    final SideNavItem jobs = new SideNavItem("Job history", Links.JOBS, VaadinIcon.CLOCK.create());
    final SideNavItem tokens = new SideNavItem("API tokens", Links.TOKENS, VaadinIcon.KEY.create());
    final SideNavItem apiDocs = new SideNavItem("API", ApiDocsAddress.PAGE, VaadinIcon.CODE.create());
    final Span reviewsBadge = new Span();
    final Span user = new Span();
    private final ReviewQueryService reviewQueries;

    @Inject
    public MainLayout(UserService userService, ReviewQueryService reviewQueries) {
        this.reviewQueries = reviewQueries;
        UserData me = userService.me();
        Span title = new Span("Tablecloud");
        title.addClassName("tc-app-title");
        user.setText(me.name());
        user.setId("signed-in-user");
        user.addClassName("tc-user");
        addToNavbar(new DrawerToggle(), title, user, new SignOut());

        reviewsBadge.setId("reviews-badge");
        reviewsBadge.getElement().getThemeList().add("badge contrast pill small");
        reviews.setSuffixComponent(reviewsBadge);
        environments.setMatchNested(true);
        reviews.setMatchNested(true);
        SideNav nav = new SideNav();
        nav.addItem(environments, reviews, promotions, jobs);
        if (NavigationItems.isAdminEverywhere(me)) {
            nav.addItem(users);
        }
        tokens.getElement().setAttribute("id", "nav-tokens");
        nav.addItem(tokens);
        // The API page is not a view of this UI but a page of its own: the browser loads it.
        apiDocs.setRouterIgnore(true);
        apiDocs.getElement().setAttribute("id", "nav-api-docs");
        nav.addItem(apiDocs);
        nav.setId("side-nav");
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String badge = NavigationItems.badge(reviewQueries.inbox().size());
        reviewsBadge.setText(badge == null ? "" : badge);
        reviewsBadge.setVisible(badge != null);
        reviewsBadge.getElement().setAttribute("title", badge == null ? "" : badge + " waiting for your decision");
    }
}
