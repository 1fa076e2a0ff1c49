package dev.tablecloud.web.ui.environment;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.browse.RegionRow;
import dev.tablecloud.browse.TableBrowseService;

import java.util.List;
import java.util.stream.Collectors;

/** The default region and the regions the environment syncs (aws_regions). */
class RegionsCard extends Div {

    final Facts facts = new Facts();

    RegionsCard(TableBrowseService browse, String environment) {
        addClassName("tc-card");
        setId("regions");
        add(new H3("Regions"), facts);
        show(browse.regions(environment));
    }

    void show(List<RegionRow> regions) {
        String defaultRegion = regions.stream().filter(RegionRow::isDefault).map(RegionRow::region).findFirst()
                .orElse(null);
        String enabled = regions.stream().filter(RegionRow::isEnabled).map(RegionRow::region)
                .collect(Collectors.joining(", "));
        facts.clear().fact("Default", defaultRegion).fact("Enabled", enabled)
                .fact("Known", new Span(regions.size() + (regions.size() == 1 ? " region" : " regions") + " in aws_regions"));
    }
}
