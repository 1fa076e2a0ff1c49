package dev.tablecloud.sqlconsole;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements the way PostgreSQL reads it: semicolons inside quotes, quoted
 * identifiers, dollar-quoted bodies and comments do not end a statement. Each statement keeps its
 * offset in the script so that error positions can be reported against what the user typed.
 */
public final class SqlScript {

    /** One statement and the 0-based offset of its first character in the script. */
    public record Statement(String sql, int offset) {

        /** What the statement does to the transaction it runs in, as PostgreSQL reads its first words. */
        public TransactionControl control() {
            return SqlScript.control(sql);
        }
    }

    /**
     * Statements that open, end or work in a transaction block. {@code COMMIT PREPARED} and {@code
     * ROLLBACK PREPARED} are {@link #NONE}: they leave the session's block as it is.
     */
    public enum TransactionControl {
        /** BEGIN, START TRANSACTION. */
        BEGIN,
        /** COMMIT, END; also PREPARE TRANSACTION, which ends the block as far as the session is concerned. */
        COMMIT,
        /** ROLLBACK, ABORT. */
        ROLLBACK,
        /** SAVEPOINT, RELEASE, ROLLBACK TO: work inside the block that is open. */
        SAVEPOINT,
        NONE
    }

    private SqlScript() {
    }

    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int length = script.length();
        while (i < length) {
            char c = script.charAt(i);
            if (c == '\'') {
                boolean backslashEscapes = i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierChar(script.charAt(i - 2)));
                i = endOfQuoted(script, i, '\'', backslashEscapes);
            } else if (c == '"') {
                i = endOfQuoted(script, i, '"', false);
            } else if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                int newline = script.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            } else if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
                i = endOfBlockComment(script, i);
            } else if (c == '$' && (i == 0 || !isIdentifierChar(script.charAt(i - 1)))) {
                i = endOfDollarQuoted(script, i);
            } else if (c == ';') {
                add(statements, script, start, i);
                i++;
                start = i;
            } else {
                i++;
            }
        }
        add(statements, script, start, length);
        return statements;
    }

    static TransactionControl control(String sql) {
        List<String> words = leadingWords(sql, 3);
        if (words.isEmpty()) {
            return TransactionControl.NONE;
        }
        String second = words.size() > 1 ? words.get(1) : "";
        return switch (words.get(0)) {
            case "begin" -> TransactionControl.BEGIN;
            case "start" -> second.equals("transaction") ? TransactionControl.BEGIN : TransactionControl.NONE;
            case "commit", "end" -> second.equals("prepared") ? TransactionControl.NONE : TransactionControl.COMMIT;
            case "prepare" -> second.equals("transaction") ? TransactionControl.COMMIT : TransactionControl.NONE;
            case "savepoint", "release" -> TransactionControl.SAVEPOINT;
            case "rollback", "abort" -> second.equals("prepared") ? TransactionControl.NONE
                    : second.equals("to") || (second.equals("work") || second.equals("transaction"))
                    && words.size() > 2 && words.get(2).equals("to") ? TransactionControl.SAVEPOINT
                    : TransactionControl.ROLLBACK;
            default -> TransactionControl.NONE;
        };
    }

    /** The first words of a statement, lower case, comments skipped. */
    private static List<String> leadingWords(String sql, int count) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < sql.length() && words.size() < count) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? sql.length() : newline + 1;
            } else if (sql.startsWith("/*", i)) {
                i = endOfBlockComment(sql, i);
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < sql.length() && isIdentifierChar(sql.charAt(i))) {
                    i++;
                }
                words.add(sql.substring(start, i).toLowerCase(java.util.Locale.ROOT));
            } else {
                break;
            }
        }
        return words;
    }

    private static void add(List<Statement> statements, String script, int from, int to) {
        String text = script.substring(from, to);
        if (isOnlyCommentsAndSpace(text)) {
            return;
        }
        int leading = 0;
        while (leading < text.length() && Character.isWhitespace(text.charAt(leading))) {
            leading++;
        }
        statements.add(new Statement(text.substring(leading).stripTrailing(), from + leading));
    }

    private static boolean isOnlyCommentsAndSpace(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i)) {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? text.length() : newline + 1;
            } else if (text.startsWith("/*", i)) {
                i = endOfBlockComment(text, i);
            } else {
                return false;
            }
        }
        return true;
    }

    /** Index after the closing quote; a doubled quote is part of the text. */
    private static int endOfQuoted(String s, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** Block comments nest in PostgreSQL. */
    private static int endOfBlockComment(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** $tag$ ... $tag$; a parameter such as $1 is not a quote. */
    private static int endOfDollarQuoted(String s, int open) {
        int close = open + 1;
        if (close < s.length() && Character.isDigit(s.charAt(close))) {
            return close;
        }
        while (close < s.length() && isIdentifierChar(s.charAt(close))) {
            close++;
        }
        if (close >= s.length() || s.charAt(close) != '$') {
            return open + 1;
        }
        String tag = s.substring(open, close + 1);
        int end = s.indexOf(tag, close + 1);
        return end < 0 ? s.length() : end + tag.length();
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
