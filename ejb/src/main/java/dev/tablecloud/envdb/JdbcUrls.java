package dev.tablecloud.envdb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL JDBC URLs: the same server, another database. */
final class JdbcUrls {

    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private JdbcUrls() {
    }

    static String withDatabase(String url, String database) {
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        String query = matcher.group(3) == null ? "" : matcher.group(3);
        return matcher.group(1) + "/" + java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8)
                + query;
    }
}
