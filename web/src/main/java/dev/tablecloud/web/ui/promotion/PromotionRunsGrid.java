package dev.tablecloud.web.ui.promotion;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.promotion.PromotionRunData;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.Times;

import java.util.Locale;
import java.util.stream.Collectors;

/** A promotion's runs, newest first: what each carried, how it ended and why, its review, and how the target settled it. */
class PromotionRunsGrid extends Grid<PromotionRunData> {

    PromotionRunsGrid() {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        addComponentColumn(PromotionRunsGrid::started).setHeader("Started").setWidth("11rem").setFlexGrow(0);
        addComponentColumn(PromotionRunsGrid::outcome).setHeader("Outcome").setWidth("7rem").setFlexGrow(0);
        addColumn(PromotionRunData::message).setHeader("What happened").setFlexGrow(1);
        addColumn(PromotionRunsGrid::carries).setHeader("Carries").setWidth("12rem").setFlexGrow(0);
        addComponentColumn(PromotionRunsGrid::review).setHeader("Review").setWidth("5rem").setFlexGrow(0);
        addColumn(PromotionRunsGrid::settled).setHeader("In the target").setWidth("9rem").setFlexGrow(0);
        setEmptyStateText("This promotion has not run yet.");
        addClassName("tc-promotion-runs");
    }

    /** When, and below it by whom (a person, or the schedule) on which node. */
    private static Component started(PromotionRunData run) {
        Span by = new Span("by " + run.startedBy() + " on " + run.node());
        by.addClassName("tc-muted");
        Div cell = new Div(new Div(Times.of(run.startedAt())), by);
        return cell;
    }

    static Span outcome(PromotionRunData run) {
        Span badge = new Span(run.outcome().toLowerCase(Locale.ROOT));
        badge.getElement().getThemeList().add("badge small " + switch (run.outcome()) {
            case PromotionRunData.PROMOTED -> "success";
            case PromotionRunData.FAILED, PromotionRunData.CONFLICT -> "error";
            case PromotionRunData.RUNNING -> "";
            default -> "contrast";
        });
        return badge;
    }

    static String carries(PromotionRunData run) {
        if (run.sourceTransactions().isEmpty()) {
            return "—";
        }
        return (run.sourceTransactions().size() == 1 ? "transaction " : "transactions ")
                + run.sourceTransactions().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " by " + String.join(", ", run.sourceAuthors());
    }

    private static Component review(PromotionRunData run) {
        if (run.reviewId() == null) {
            return new Span("—");
        }
        Anchor link = new Anchor(Links.review(run.reviewId()), "#" + run.reviewId());
        link.addClassName("tc-promotion-review");
        return link;
    }

    static String settled(PromotionRunData run) {
        if (run.settled() != null) {
            return run.settled().equals(PromotionRunData.COMMITTED) ? "committed" : "rolled back";
        }
        return run.targetTransactionId() == null ? "—" : "transaction " + run.targetTransactionId() + " open";
    }
}
