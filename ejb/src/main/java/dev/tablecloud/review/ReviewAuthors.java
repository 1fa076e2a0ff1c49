package dev.tablecloud.review;

import dev.tablecloud.transaction.TransactionChange;
import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Everyone the four-eyes rule counts as an author of a transaction: who changed its rows, and whose changes it carries. */
@Dependent
class ReviewAuthors {

    @EJB
    TransactionService transactions;

    @Inject
    Instance<CarriedAuthors> carriers;

    /**
     * @param own     each author's first change of the transaction
     * @param carried the authors of the changes it replays from elsewhere
     */
    record Authors(List<TransactionChange> own, List<CarriedAuthors.Carried> carried) {
    }

    Authors of(String environment, long transactionId) {
        List<CarriedAuthors.Carried> carried = new ArrayList<>();
        for (CarriedAuthors carrier : carriers) {
            carried.addAll(carrier.of(environment, transactionId));
        }
        return new Authors(transactions.authors(environment, transactionId), List.copyOf(carried));
    }
}
