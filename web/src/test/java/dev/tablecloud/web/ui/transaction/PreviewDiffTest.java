package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import dev.tablecloud.transaction.PreviewRow;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewDiffTest {

    private final PreviewDiff diff = new PreviewDiff(table -> table.equals("subnet") ? Set.of("cidr_block") : Set.of());

    @Test
    void eachActionGetsItsSignAndColourClass() {
        diff.show(List.of(
                new PreviewRow("create", "vpc", "1", "web", List.of("cidr_block: null → 10.0.0.0/16")),
                new PreviewRow("update", "vpc", "2", "db", List.of("tags: {} → {\"Name\":\"db\"}")),
                new PreviewRow("delete", "vpc", "vpc-123", "old", List.of())));

        List<org.jsoup.nodes.Element> blocks = blocks();
        assertThat(blocks).extracting(block -> block.attr("class"))
                .containsExactly("tc-diff-row tc-diff-create", "tc-diff-row tc-diff-update", "tc-diff-row tc-diff-delete");
        assertThat(blocks.get(0).text()).startsWith("+createvpcweb").contains("cidr_block: 10.0.0.0/16").doesNotContain("null");
        assertThat(blocks.get(1).text()).startsWith("~update").contains("tags: {} → {\"Name\":\"db\"}");
        assertThat(blocks.get(2).text()).startsWith("−delete").contains("vpc-123");
        assertThat(text(diff.summary.getElement())).isEqualTo("+ 1 create~ 1 update− 1 delete");
    }

    @Test
    void aReplaceNamesTheColumnsThatForceIt() {
        diff.show(List.of(new PreviewRow("replace", "subnet", "3", "app",
                List.of("cidr_block: 10.0.1.0/24 → 10.0.2.0/24", "tags: {} → {\"a\":\"b\"}"))));

        org.jsoup.nodes.Element block = blocks().get(0);
        assertThat(block.attr("class")).contains("tc-diff-replace");
        List<String> lines = block.select("li").eachText();
        assertThat(lines).containsExactly("cidr_block: 10.0.1.0/24 → 10.0.2.0/24 forces replace", "tags: {} → {\"a\":\"b\"}");
    }

    @Test
    void valuesAreTextNeverMarkup() {
        diff.show(List.of(new PreviewRow("create", "vpc", "1", "<img src=x onerror=alert(1)>",
                List.of("tags: null → {\"Name\":\"<b>x</b>\"}"))));

        org.jsoup.nodes.Element body = blocks().get(0);
        assertThat(body.select("img, b")).isEmpty();
        assertThat(body.select(".tc-diff-name").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(body.select(".tc-diff-new").text()).isEqualTo("{\"Name\":\"<b>x</b>\"}");
    }

    @Test
    void namesTableRowsAsRowsAndCloudIdsAsThemselves() {
        assertThat(PreviewDiff.idLabel("12")).isEqualTo("row 12");
        assertThat(PreviewDiff.idLabel("vpc-0a1b2c")).isEqualTo("vpc-0a1b2c");
    }

    @Test
    void anEmptyPlanSaysSo() {
        diff.show(List.of());

        assertThat(text(diff.getElement())).isEqualTo("No cloud changes: the rows match the cloud.");
    }

    @Test
    void theReviewPagesDiffKeepsAComponentPerRowForItsComments() {
        diff.show(List.of(new PreviewRow("create", "vpc", "1", "web", List.of("cidr_block: null → 10.0.0.0/16"))),
                (row, block) -> block.add(new com.vaadin.flow.component.html.Span("comment on " + row.description())));

        Element block = diff.getChildren().map(Component::getElement)
                .filter(e -> "tc-diff-row tc-diff-create".equals(e.getAttribute("class"))).findFirst().orElseThrow();
        assertThat(text(block)).contains("comment on web");
    }

    /** The rows as the browser gets them: the one piece of HTML of the whole diff, parsed. */
    private List<org.jsoup.nodes.Element> blocks() {
        String markup = diff.getChildren().map(Component::getElement).filter(child -> child.hasProperty("innerHTML"))
                .findFirst().map(Element::getOuterHTML).orElseThrow();
        return Jsoup.parseBodyFragment(markup).select(".tc-diff-row");
    }

    static String text(Element element) {
        return element.getTextRecursively();
    }
}
