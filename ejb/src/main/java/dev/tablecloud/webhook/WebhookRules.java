package dev.tablecloud.webhook;

import dev.tablecloud.drift.DriftFound;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.review.ReviewEvent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** What an environment's list of webhooks must look like to be kept. */
public final class WebhookRules {

    static final int MAX_WEBHOOKS = 20;
    static final int MAX_URL_LENGTH = 2000;
    /** Short keys could be guessed from one signed body; 16 characters is the least we accept. */
    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 200;

    /** The events a webhook may subscribe to: a review's, in the order they happen, then drift. */
    public static final List<String> EVENTS = Stream.concat(
            Arrays.stream(ReviewEvent.Kind.values()).map(ReviewEvent.Kind::label), Stream.of(DriftFound.KIND)).toList();

    private WebhookRules() {
    }

    /**
     * Every broken rule of the list, by field ({@code webhooks[1].url}), so that nothing is kept
     * unless all of it is right.
     *
     * @param urlsWithSecret the URLs the environment has now: a webhook that keeps its URL may
     *                       leave its secret out, and keeps the stored one
     */
    public static List<FieldError> errors(List<WebhookData> webhooks, Set<String> urlsWithSecret) {
        List<FieldError> errors = new ArrayList<>();
        if (webhooks.size() > MAX_WEBHOOKS) {
            errors.add(new FieldError("webhooks", "An environment has at most " + MAX_WEBHOOKS + " webhooks."));
        }
        Set<String> earlierUrls = new HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            WebhookData webhook = webhooks.get(i);
            String field = "webhooks[" + i + "]";
            if (webhook == null) {
                errors.add(new FieldError(field, "Give a webhook: url, secret and events (none: all of them)."));
                continue;
            }
            String urlError = urlError(webhook.url());
            if (urlError != null) {
                errors.add(new FieldError(field + ".url", urlError));
            } else if (!earlierUrls.add(webhook.url())) {
                errors.add(new FieldError(field + ".url", "An earlier webhook already posts to " + webhook.url() + "."));
            }
            String secretError = secretError(webhook.secret(),
                    webhook.url() != null && urlsWithSecret.contains(webhook.url()));
            if (secretError != null) {
                errors.add(new FieldError(field + ".secret", secretError));
            }
            String eventsError = eventsError(webhook.events());
            if (eventsError != null) {
                errors.add(new FieldError(field + ".events", eventsError));
            }
        }
        return errors;
    }

    /** The labels as they are kept: once each, in the order events happen; empty for every event. */
    public static List<String> normalizedEvents(List<String> events) {
        if (events == null) {
            return List.of();
        }
        Set<String> given = Set.copyOf(events);
        return EVENTS.stream().filter(given::contains).toList();
    }

    /** Whether a webhook subscribed to these labels is sent an event of this kind. */
    static boolean wants(List<String> events, String kind) {
        return events.isEmpty() || events.contains(kind);
    }

    private static String urlError(String url) {
        if (url == null || url.isBlank()) {
            return "Give the URL each event is posted to (http or https).";
        }
        if (url.length() > MAX_URL_LENGTH) {
            return "A webhook's URL has at most " + MAX_URL_LENGTH + " characters.";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a URL: " + e.getReason() + ".";
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return "A webhook's URL starts with http:// or https://, such as https://hooks.example.com/tablecloud.";
        }
        if (uri.getHost() == null) {
            return "'" + url + "' names no host.";
        }
        if (uri.getRawUserInfo() != null) {
            return "A webhook's URL carries no user or password: the secret is what proves a delivery is ours.";
        }
        if (uri.getRawFragment() != null) {
            return "A webhook's URL has no #fragment: it would never reach the receiver.";
        }
        return null;
    }

    private static String secretError(String secret, boolean storedOne) {
        if (secret == null) {
            return storedOne ? null : "Give the secret that signs every delivery (openssl rand -hex 32 makes one).";
        }
        if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            return "A webhook's secret has " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                    + " characters (openssl rand -hex 32 makes one).";
        }
        return null;
    }

    private static String eventsError(List<String> events) {
        if (events == null) {
            return null;
        }
        List<String> unknown = events.stream()
                .filter(label -> label == null || !EVENTS.contains(label))
                .map(label -> "'" + label + "'").distinct().toList();
        if (unknown.isEmpty()) {
            return null;
        }
        return (unknown.size() == 1 ? unknown.get(0) + " is not an event" : String.join(", ", unknown)
                + " are not events") + "; the events are " + String.join(", ", EVENTS) + " (none: all of them).";
    }
}
