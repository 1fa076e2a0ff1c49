package dev.tablecloud.web.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The address of every page, relative to the UI's root: what a webhook or a chat message links
 * to, and how views reach each other without depending on each other's classes.
 */
public final class Links {

    public static final String ENVIRONMENTS = "environments";
    public static final String REVIEWS = "reviews";
    public static final String USERS = "users";
    public static final String JOBS = "jobs";
    public static final String TOKENS = "tokens";
    public static final String PROMOTIONS = "promotions";

    private Links() {
    }

    public static String environment(String name) {
        return ENVIRONMENTS + "/" + segment(name);
    }

    public static String transaction(String environment) {
        return environment(environment) + "/transaction";
    }

    public static String console(String environment) {
        return environment(environment) + "/console";
    }

    public static String audit(String environment) {
        return environment(environment) + "/audit";
    }

    public static String schedule(String environment) {
        return environment(environment) + "/schedule";
    }

    public static String drift(String environment) {
        return environment(environment) + "/drift";
    }

    public static String export(String environment) {
        return environment(environment) + "/export";
    }

    public static String table(String environment, String table) {
        return environment(environment) + "/tables/" + segment(table);
    }

    public static String tables(String environment) {
        return environment(environment) + "/tables";
    }

    public static String promotion(long id) {
        return PROMOTIONS + "/" + id;
    }

    public static String review(long id) {
        return REVIEWS + "/" + id;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
