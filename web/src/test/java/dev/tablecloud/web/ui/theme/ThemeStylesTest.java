package dev.tablecloud.web.ui.theme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The theme's style sheet is hand-edited by everyone who adds a page; one unclosed rule makes the
 * browser drop every rule after it, and the pages below it render unstyled with no error anywhere.
 */
class ThemeStylesTest {

    private static final Path STYLES = Path.of("src/main/frontend/themes/tablecloud/styles.css");

    @Test
    void everyRuleIsClosedBeforeTheNextTopLevelRuleBegins() throws IOException {
        List<String> lines = Files.readAllLines(STYLES);
        int depth = 0;
        boolean inMedia = false;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).replaceAll("/\\*.*?\\*/", "");
            int opens = count(line, '{');
            if (opens > 0 && depth > (inMedia ? 1 : 0)) {
                throw new AssertionError(STYLES + ":" + number + " opens a rule inside an unclosed one: " + line.strip());
            }
            if (depth == 0) {
                inMedia = line.strip().startsWith("@");
            }
            depth += opens - count(line, '}');
            assertThat(depth).as(STYLES + ":" + number + " closes a rule never opened").isNotNegative();
        }
        assertThat(depth).as("rules still open at the end of " + STYLES).isZero();
    }

    private static int count(String line, char brace) {
        return (int) line.chars().filter(c -> c == brace).count();
    }
}
