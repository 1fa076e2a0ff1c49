package dev.tablecloud.web.headers;

/**
 * The headers and their values. The UI's policy is what Vaadin Flow needs and no more: its
 * bootstrap page has inline scripts and its client runs server-sent JavaScript through
 * {@code new Function} ({@code 'unsafe-inline' 'unsafe-eval'}), Lumo sets inline styles, and push
 * goes over a WebSocket to the same origin ({@code connect-src 'self'}). The API serves JSON only,
 * so nothing may load from it.
 */
final class SecurityHeaders {

    static final String UI_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** The policy for a request path inside the application (e.g. {@code /api/v1/environments}). */
    static String policyFor(String pathInApplication) {
        return pathInApplication != null && pathInApplication.startsWith("/api/") ? API_POLICY : UI_POLICY;
    }
}
