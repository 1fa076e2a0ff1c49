package dev.tablecloud.web.ui.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPlaceTest {

    @Test
    void aPositionOnTheSecondLineReadsAsItsLineAndColumn() {
        String script = "select 1;\nselect nosuchcolumn from vpc;";
        ErrorPlace place = ErrorPlace.of(script, script.indexOf("nosuchcolumn") + 1);

        assertThat(place.label()).isEqualTo("line 2, column 8");
        assertThat(script.substring(place.offset())).startsWith("nosuchcolumn");
    }

    @Test
    void postgresCountsCharactersWhereTheEditorCountsUtf16Units() {
        String script = "select '🚀' as x, nosuch;";
        // PostgreSQL's position: the rocket is one character.
        int position = script.codePointCount(0, script.indexOf("nosuch")) + 1;
        ErrorPlace place = ErrorPlace.of(script, position);

        assertThat(script.substring(place.offset())).startsWith("nosuch");
        assertThat(place.column()).isEqualTo(position);
    }

    @Test
    void noPositionOrOneBeyondTheScriptMarksNothing() {
        assertThat(ErrorPlace.of("select", null)).isNull();
        assertThat(ErrorPlace.of("select", 0)).isNull();
        assertThat(ErrorPlace.of("select", 99)).isNull();
        assertThat(ErrorPlace.of("select", 7).offset()).isEqualTo(6);
    }
}
