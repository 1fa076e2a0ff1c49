package dev.tablecloud.review;

import dev.tablecloud.export.ExportService;
import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.transaction.PreviewRow;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.List;

/** Use cases on reviews of an environment's open transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReviewService {

    static final int MAX_TITLE_LENGTH = 200;

    @EJB
    TransactionService transactions;

    @EJB
    ExportService exports;

    /** The open transaction as markdown: needs the author role, since it previews (reads the cloud). */
    public String markdown(String environment, String title, String description) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
            throw new InvalidInputException(List.of(new FieldError("title",
                    "A review has a title of 1 to " + MAX_TITLE_LENGTH + " characters.")));
        }
        List<PreviewRow> preview = transactions.preview(environment);
        TransactionData open = transactions.current(environment).orElseThrow();
        TransactionSql sql = exports.forTransaction(environment, open.id(), null);
        return ReviewMarkdown.of(title, description, environment, open, preview, sql);
    }
}
