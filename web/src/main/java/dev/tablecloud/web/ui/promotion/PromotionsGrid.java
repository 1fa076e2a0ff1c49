package dev.tablecloud.web.ui.promotion;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.promotion.PromotionData;
import dev.tablecloud.web.ui.Times;

/** The promotions one may see: where from and to, when they run, how far they got, how the last run ended. */
class PromotionsGrid extends Grid<PromotionData> {

    PromotionsGrid() {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(PromotionData::id).setHeader("#").setWidth("3.5rem").setFlexGrow(0);
        addColumn(PromotionData::route).setHeader("From → into").setWidth("16rem").setFlexGrow(0);
        addColumn(promotion -> (promotion.paused() ? "paused · " : "") + promotion.describeSchedule())
                .setHeader("Runs").setWidth("12rem").setFlexGrow(0);
        addColumn(promotion -> PromotionData.NEXT_WINDOW.equals(promotion.commit()) ? "next window" : "by a person")
                .setHeader("Commit").setWidth("8rem").setFlexGrow(0);
        addColumn(promotion -> promotion.promotedPosition() == 0 ? "nothing yet"
                : "audit entry " + promotion.promotedPosition()).setHeader("Promoted up to").setWidth("9rem")
                .setFlexGrow(0);
        addColumn(promotion -> promotion.runningOn() != null ? "running on " + promotion.runningOn()
                : Times.of(promotion.nextRunAt())).setHeader("Next run").setWidth("11rem").setFlexGrow(0);
        addComponentColumn(PromotionsGrid::lastRun).setHeader("Last run").setFlexGrow(1);
        setEmptyStateText("No promotion yet: set one up above, from staging into prod for instance.");
        addClassName("tc-promotions");
    }

    /** Its outcome and when: the runs below say what happened. */
    private static Span lastRun(PromotionData promotion) {
        if (promotion.lastRun() == null) {
            return new Span("never ran");
        }
        Span line = new Span(PromotionRunsGrid.outcome(promotion.lastRun()),
                new Span(" " + Times.of(promotion.lastRun().startedAt())));
        line.getElement().setAttribute("title", promotion.lastRun().message());
        return line;
    }
}
