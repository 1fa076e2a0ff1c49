package dev.tablecloud.web.ui.environment;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.web.ui.Links;

import java.util.Optional;

/** The transaction not ended, if any: who opened it and when, and the way to its page. */
class OpenTransactionCard extends Div {

    final Facts facts = new Facts();
    final Paragraph none = new Paragraph("No transaction is open: rows change only inside one.");
    final Anchor open;
    private final TransactionService transactions;
    private final String environment;

    OpenTransactionCard(TransactionService transactions, String environment) {
        this.transactions = transactions;
        this.environment = environment;
        addClassName("tc-card");
        setId("open-transaction");
        none.addClassName("tc-empty");
        open = new Anchor(Links.transaction(environment), "Open the transaction page");
        open.setId("transaction-link");
        add(new H3("Transaction"), none, facts, open);
        refresh();
    }

    void refresh() {
        show(transactions.current(environment));
    }

    void show(Optional<TransactionData> current) {
        none.setVisible(current.isEmpty());
        facts.setVisible(current.isPresent());
        facts.clear();
        current.ifPresent(transaction -> {
            facts.fact("Transaction", "#" + transaction.id() + " · " + transaction.state().name().toLowerCase())
                    .fact("Opened by", transaction.openedBy())
                    .fact("Opened at", Facts.time(transaction.openedAt()));
            if (transaction.error() != null) {
                facts.fact("Last commit", transaction.error());
            }
        });
        open.setText(current.isPresent() ? "Open the transaction page" : "Transaction page (begin one there)");
    }
}
