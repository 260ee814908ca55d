package dev.connectchat.participant.internal;

/** How secrets look in {@code toString}, logs and exception messages. */
public final class Redaction {
    /** What a secret prints as. */
    public static final String REDACTED = "*** redacted ***";

    private Redaction() {
    }

    /** @return {@code null} for an absent secret, else {@link #REDACTED} */
    public static String secret(String value) {
        return value == null ? null : REDACTED;
    }

    /**
     * Pre-signed URLs carry their signature, and sometimes a session token, in the query: keep only what
     * comes before it.
     *
     * @return the URL without its query
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?" + REDACTED;
    }
}
