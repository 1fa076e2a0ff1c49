package dev.tablecloud.promotion;

import dev.tablecloud.review.CarriedAuthors;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The authors a promoted transaction carries: whoever made, in the source, the changes a promotion
 * run replayed into it. The review's four-eyes rule counts them as the target transaction's authors.
 */
@Dependent
public class PromotedAuthors implements CarriedAuthors {

    @Inject
    PromotionStore store;

    @Override
    public List<Carried> of(String environment, long transactionId) {
        List<Carried> carried = new ArrayList<>();
        for (Object[] pair : store.runsThatBegan(environment, transactionId)) {
            PromotionRunData run = ((PromotionRun) pair[0]).toData((Promotion) pair[1]);
            List<Long> ids = run.sourceTransactions();
            String source = (ids.size() == 1 ? "transaction " : "transactions ")
                    + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " of " + run.source();
            run.sourceAuthors().forEach(author -> carried.add(new Carried(author, source)));
        }
        return carried;
    }
}
