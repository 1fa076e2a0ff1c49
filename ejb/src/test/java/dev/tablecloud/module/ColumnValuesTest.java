package dev.tablecloud.module;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnValuesTest {

    @Test
    void jsonbIsComparedAsJsonNotAsText() {
        assertThat(ColumnValues.same("jsonb", "{\"b\": \"2\", \"a\": \"1\"}", "{\"a\":\"1\",\"b\":\"2\"}")).isTrue();
        assertThat(ColumnValues.same("jsonb", "{\"a\": \"1\"}", "{\"a\": \"2\"}")).isFalse();
    }

    @Test
    void anEmptyTagSetIsNoTags() {
        assertThat(ColumnValues.same("jsonb", "{}", null)).isTrue();
        assertThat(ColumnValues.same("jsonb", "{\"a\": \"1\"}", null)).isFalse();
    }

    @Test
    void numbersCompareByValueWhateverTheirJavaType() {
        assertThat(ColumnValues.same("integer", 8, 8L)).isTrue();
        assertThat(ColumnValues.same("integer", 8, 9)).isFalse();
        assertThat(ColumnValues.same("integer", null, 0)).isFalse();
    }

    @Test
    void textIsExact() {
        assertThat(ColumnValues.same("text", "t3.micro", "t3.micro")).isTrue();
        assertThat(ColumnValues.same("text", "t3.micro", "T3.micro")).isFalse();
        assertThat(ColumnValues.same("boolean", true, "true")).isTrue();
    }
}
