package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the workspace answers a person in headless Chromium, on the real server with moto: the
 * preview diff of 300 plan rows, and the tables grid over 10,000 rows. Prints figures; asserts only
 * that what was timed is what a person would see. Not part of the test run (no {@code IT} in its
 * name): {@code bench/ui-bench} runs it.
 */
class WorkspaceBench extends DeployedTablecloud {

    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final int PLAN_ROWS = Integer.getInteger("bench.planRows", 300);
    static final int TABLE_ROWS = Integer.getInteger("bench.tableRows", 10_000);

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(deployment);
        browser.signIn(Api.ADMIN, Api.adminPassword());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void previewDiffOf300PlanRows() {
        Api api = new Api(deployment);
        String name = "bench-diff-" + UUID.randomUUID().toString().substring(0, 6);
        api.environment(name, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        api.begin(name);
        // Uncommitted rows: the plan creates each of them, and nothing reaches the cloud.
        SqlAnswers.ok(api.sql(name, """
                insert into vpc (cidr_block, tags)
                select ('10.' || (100 + n / 250) || '.' || (n %% 250) || '.0/24')::cidr, jsonb_build_object('Name', '%s-' || n)
                from generate_series(0, %d) as n
                """.formatted(name, PLAN_ROWS - 1)));

        List<Long> server = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long asked = System.nanoTime();
            assertThat(api.post("environments/" + name + "/transactions/current/preview").status()).isEqualTo(200);
            server.add(millisSince(asked));
        }
        List<Long> firstPaint = new ArrayList<>();
        List<Long> refresh = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long opened = System.nanoTime();
            browser.open("environments/" + name + "/transaction");
            await(() -> diffRows() == PLAN_ROWS);
            firstPaint.add(millisSince(opened));

            markRenderedDiff();
            long clicked = System.nanoTime();
            browser.click("preview");
            await(() -> !renderedDiffStillMarked() && diffRows() == PLAN_ROWS);
            refresh.add(millisSince(clicked));
        }
        assertThat(browser.text("diff-summary")).contains("+ " + PLAN_ROWS + " create");
        report("REST preview of " + PLAN_ROWS + " plan rows (the server's part)", server);
        report("transaction page opened to a rendered diff of " + PLAN_ROWS + " plan rows", firstPaint);
        report("\"Refresh preview\" click to a re-rendered diff of " + PLAN_ROWS + " plan rows", refresh);
    }

    @Test
    void tablesGridOver10000Rows() {
        Api api = new Api(deployment);
        String name = "bench-grid-" + UUID.randomUUID().toString().substring(0, 6);
        api.environment(name, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        api.begin(name);
        SqlAnswers.ok(api.sql(name, """
                insert into vpc (cidr_block, tags)
                select ('10.' || (n / 256) || '.' || (n %% 256) || '.0/24')::cidr, jsonb_build_object('Name', '%s-' || n)
                from generate_series(0, %d) as n
                """.formatted(name, TABLE_ROWS - 1)));
        String last = name + "-" + (TABLE_ROWS - 1);

        List<Long> firstPaint = new ArrayList<>();
        List<Long> sorted = new ArrayList<>();
        List<Long> deepScroll = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long opened = System.nanoTime();
            browser.open("environments/" + name + "/tables/vpc");
            await(() -> renderedCells().stream().anyMatch(cell -> cell.contains(name + "-")));
            firstPaint.add(millisSince(opened));
            // The region's default VPC, imported with the module, is a row too.
            assertThat(Long.parseLong(browser.text("row-count").replaceAll("[^0-9]", ""))).isBetween(
                    (long) TABLE_ROWS, TABLE_ROWS + 1L);

            long scrolled = System.nanoTime();
            ((JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('rows').scrollToIndex(arguments[0])", TABLE_ROWS / 2);
            java.util.regex.Pattern middle = java.util.regex.Pattern.compile(name + "-" + (TABLE_ROWS / 2) + "\\b");
            await(() -> renderedCells().stream().anyMatch(cell -> middle.matcher(cell).find()));
            deepScroll.add(millisSince(scrolled));

            long clicked = System.nanoTime();
            ((JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('rows').scrollToIndex(0)");
            sortDescendingBy("id");
            await(() -> firstVisibleRowHolds(last));
            sorted.add(millisSince(clicked));
        }
        report("tables page opened to the first rows of " + String.format(Locale.ROOT, "%,d", TABLE_ROWS), firstPaint);
        report("scroll to row " + TABLE_ROWS / 2 + " to its cells shown", deepScroll);
        report("sort by id descending to the new first page shown", sorted);
    }

    private void sortDescendingBy(String column) {
        // A sorter cycles none → ascending → descending.
        var sorter = browser.driver.findElements(By.cssSelector("#rows vaadin-grid-sorter")).stream()
                .filter(header -> header.getText().equals(column)).findFirst().orElseThrow();
        sorter.click();
        sorter.click();
    }

    /**
     * The grid's cell texts in one script call: reading them cell by cell through WebDriver costs a
     * round trip each (some 250 cells), which is the harness's time, not the page's.
     */
    @SuppressWarnings("unchecked")
    private List<String> renderedCells() {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return [...document.querySelectorAll('#rows vaadin-grid-cell-content')].map(c => c.innerText)");
    }

    private boolean firstVisibleRowHolds(String value) {
        Object first = ((JavascriptExecutor) browser.driver).executeScript("""
                const grid = document.getElementById('rows');
                const row = [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(r => !r.hidden).sort((a, b) => a.index - b.index)[0];
                return row ? [...row.querySelectorAll('slot')].map(s => s.assignedNodes()[0]?.innerText).join(' ') : '';
                """);
        return String.valueOf(first).contains(value);
    }

    private long diffRows() {
        Object count = ((JavascriptExecutor) browser.driver).executeScript(
                "return document.querySelectorAll('#diff .tc-diff-row').length");
        return ((Number) count).longValue();
    }

    private void markRenderedDiff() {
        ((JavascriptExecutor) browser.driver).executeScript(
                "document.querySelectorAll('#diff .tc-diff-row').forEach(r => r.dataset.benchOld = '1')");
    }

    private boolean renderedDiffStillMarked() {
        return (Boolean) ((JavascriptExecutor) browser.driver).executeScript(
                "return document.querySelector('#diff .tc-diff-row[data-bench-old]') !== null");
    }

    /** Polls every 10 ms: the default half second would be most of what is measured. */
    private void await(BooleanSupplier condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(120), Duration.ofMillis(10))
                .until(driver -> condition.getAsBoolean());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void report(String what, List<Long> millis) {
        List<Long> ordered = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "BENCH %-75s median %,6d ms  (min %,d, max %,d; %d runs: %s)%n", what,
                ordered.get(ordered.size() / 2), ordered.get(0), ordered.get(ordered.size() - 1), millis.size(), millis);
    }
}
