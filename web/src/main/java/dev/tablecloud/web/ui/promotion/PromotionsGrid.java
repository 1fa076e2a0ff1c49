package dev.tablecloud.web.ui.promotion;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.promotion.PromotionData;
import dev.tablecloud.web.ui.Times;

/** The promotions one may see: where from and to, when they run, how far they got, how the last run ended. */
class PromotionsGrid extends Grid<PromotionData> {

    PromotionsGrid() {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(PromotionData::id).setHeader("#").setWidth("4rem").setFlexGrow(0);
        addColumn(PromotionData::route).setHeader("From → into").setWidth("18rem").setFlexGrow(0);
        addColumn(promotion -> (promotion.paused() ? "paused · " : "") + promotion.describeSchedule())
                .setHeader("Runs").setWidth("14rem").setFlexGrow(0);
        addColumn(promotion -> PromotionForm.commitLabel(promotion.commit())).setHeader("Commit").setWidth("13rem")
                .setFlexGrow(0);
        addColumn(promotion -> promotion.promotedPosition() == 0 ? "nothing yet"
                : "audit entry " + promotion.promotedPosition()).setHeader("Promoted up to").setWidth("10rem")
                .setFlexGrow(0);
        addColumn(promotion -> promotion.runningOn() != null ? "running on " + promotion.runningOn()
                : Times.of(promotion.nextRunAt())).setHeader("Next run").setWidth("12rem").setFlexGrow(0);
        addComponentColumn(PromotionsGrid::lastRun).setHeader("Last run").setFlexGrow(1);
        addColumn(PromotionData::createdBy).setHeader("Made by").setWidth("8rem").setFlexGrow(0);
        setEmptyStateText("No promotion yet: set one up above, from staging into prod for instance.");
        addClassName("tc-promotions");
    }

    private static Span lastRun(PromotionData promotion) {
        if (promotion.lastRun() == null) {
            return new Span("never ran");
        }
        Span line = new Span(PromotionRunsGrid.outcome(promotion.lastRun()), new Span(" " + promotion.lastRun().message()));
        line.addClassName("tc-promotion-last-run");
        return line;
    }
}
