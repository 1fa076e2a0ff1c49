package dev.tablecloud.web.ui.console;

/**
 * Where PostgreSQL's error position falls in the script: its line and column (1-based, as a
 * person counts them) and the offset the editor counts in. PostgreSQL counts characters (code
 * points) from 1; the editor counts UTF-16 units from 0, which differ after an emoji.
 */
record ErrorPlace(int line, int column, int offset) {

    /** Null when PostgreSQL gave no position or one outside the script. */
    static ErrorPlace of(String script, Integer position) {
        if (position == null || position < 1 || script == null) {
            return null;
        }
        int characters = script.codePointCount(0, script.length());
        if (position - 1 > characters) {
            return null;
        }
        int offset = script.offsetByCodePoints(0, position - 1);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (script.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new ErrorPlace(line, script.codePointCount(lineStart, offset) + 1, offset);
    }

    String label() {
        return "line " + line + ", column " + column;
    }
}
