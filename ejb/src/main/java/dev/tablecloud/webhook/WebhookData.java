package dev.tablecloud.webhook;

import java.util.List;

/**
 * One webhook of an environment.
 *
 * @param url    where each event is posted (http or https)
 * @param secret the key that signs the deliveries; on the way in the secret itself (or null to keep
 *               the one stored for this URL), on the way out only {@value #SECRET_SET}
 * @param events the event labels it is sent ({@code approved}, {@code committed}…); empty: all of them
 */
public record WebhookData(String url, String secret, List<String> events) {

    /** What an answer shows instead of a secret: there is one, and it never leaves the server. */
    public static final String SECRET_SET = "set";
}
