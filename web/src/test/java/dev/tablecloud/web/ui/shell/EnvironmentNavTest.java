package dev.tablecloud.web.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentNavTest {

    @Test
    void linksEveryPageOfTheEnvironmentAndMarksTheOneShown() {
        EnvironmentNav nav = new EnvironmentNav("my staging", EnvironmentNav.Page.CONSOLE);

        List<Anchor> links = nav.getChildren().filter(Anchor.class::isInstance).map(Anchor.class::cast).toList();
        assertThat(links).extracting(Anchor::getText)
                .containsExactly("Overview", "Tables", "SQL console", "Transaction", "Schedule", "Drift", "Audit log",
                        "Export");
        assertThat(links).extracting(Anchor::getHref).containsExactly("environments/my%20staging",
                "environments/my%20staging/tables", "environments/my%20staging/console",
                "environments/my%20staging/transaction", "environments/my%20staging/schedule",
                "environments/my%20staging/drift", "environments/my%20staging/audit",
                "environments/my%20staging/export");
        assertThat(links).filteredOn(link -> "page".equals(link.getElement().getAttribute("aria-current")))
                .extracting(Anchor::getText).containsExactly("SQL console");
    }
}
