package dev.tablecloud.webhook;

import dev.tablecloud.failure.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRulesTest {

    private static final String SECRET = "0123456789abcdef0123";

    private static String errors(Set<String> stored, WebhookData... webhooks) {
        return WebhookRules.errors(Arrays.asList(webhooks), stored).stream()
                .map(error -> error.field() + ": " + error.message()).reduce("", (a, b) -> a + b + "\n");
    }

    private static String errors(WebhookData... webhooks) {
        return errors(Set.of(), webhooks);
    }

    private static WebhookData hook(String url, String secret, String... events) {
        return new WebhookData(url, secret, List.of(events));
    }

    @Test
    void wellFormedWebhooksPass() {
        assertThat(errors(hook("https://hooks.example.com/tablecloud", SECRET),
                hook("http://127.0.0.1:9000/in?team=infra", SECRET, "approved", "committed"),
                new WebhookData("HTTPS://chat.example.com/T0/B0/xyz", SECRET, null))).isEmpty();
        assertThat(errors()).isEmpty();
    }

    @Test
    void eachMistakeIsNamedOnItsFieldWithItsPlaceInTheList() {
        assertThat(errors(hook("ftp://example.com/x", SECRET))).startsWith("webhooks[0].url: A webhook's URL starts"
                + " with http:// or https://");
        assertThat(errors(hook("https://ok.example.com", SECRET), hook("hooks.example.com/x", SECRET)))
                .startsWith("webhooks[1].url: A webhook's URL starts with http:// or https://");
        assertThat(errors(hook("https://exa mple.com", SECRET))).contains("webhooks[0].url: 'https://exa mple.com'"
                + " is not a URL");
        assertThat(errors(hook(null, SECRET))).contains("webhooks[0].url: Give the URL");
        assertThat(errors(hook("https:///path", SECRET))).contains("names no host");
        assertThat(errors(hook("https://user:pw@example.com/", SECRET))).contains("carries no user or password");
        assertThat(errors(hook("https://example.com/#top", SECRET))).contains("no #fragment");
        assertThat(errors(hook("https://example.com/" + "x".repeat(2000), SECRET))).contains("at most 2000 characters");
        assertThat(errors(hook("https://example.com/", null))).contains("webhooks[0].secret: Give the secret");
        assertThat(errors(hook("https://example.com/", "set"))).contains("webhooks[0].secret: A webhook's secret has 16"
                + " to 200 characters");
        assertThat(errors(hook("https://example.com/", SECRET, "approved", "approve", "merged")))
                .contains("webhooks[0].events: 'approve', 'merged' are not events; the events are opened, revision,"
                        + " approved, rejected, commented, stale, overridden, committed, commit-failed, rolled-back, drift");
        assertThat(errors(hook("https://example.com/", SECRET, "Approved"))).contains("'Approved' is not an event");
    }

    @Test
    void aNullEventOrWebhookIsAnErrorNotACrash() {
        List<String> events = new ArrayList<>();
        events.add(null);
        assertThat(errors(new WebhookData("https://example.com/", SECRET, events))).contains("'null' is not an event");
        assertThat(WebhookRules.errors(Collections.singletonList(null), Set.of())).extracting(FieldError::field)
                .containsExactly("webhooks[0]");
    }

    @Test
    void aUrlIsPostedToOnceAndAKnownOneMayKeepItsSecret() {
        assertThat(errors(hook("https://example.com/a", SECRET), hook("https://example.com/a", SECRET)))
                .isEqualTo("webhooks[1].url: An earlier webhook already posts to https://example.com/a.\n");
        assertThat(errors(Set.of("https://example.com/a"), hook("https://example.com/a", null))).isEmpty();
        assertThat(errors(Set.of("https://example.com/a"), hook("https://example.com/b", null)))
                .contains("webhooks[0].secret: Give the secret");
    }

    @Test
    void atMostTwentyWebhooks() {
        WebhookData[] many = new WebhookData[21];
        for (int i = 0; i < many.length; i++) {
            many[i] = hook("https://example.com/" + i, SECRET);
        }
        assertThat(errors(many)).isEqualTo("webhooks: An environment has at most 20 webhooks.\n");
    }

    @Test
    void eventsAreKeptOnceEachInTheOrderTheyHappenAndNoneMeansAll() {
        assertThat(WebhookRules.normalizedEvents(List.of("committed", "opened", "committed")))
                .containsExactly("opened", "committed");
        assertThat(WebhookRules.normalizedEvents(null)).isEmpty();
        assertThat(WebhookRules.wants(List.of(), "stale")).isTrue();
        assertThat(WebhookRules.wants(List.of("approved"), "stale")).isFalse();
        assertThat(WebhookRules.wants(List.of("approved"), "approved")).isTrue();
    }
}
