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

    /** Header values, query parameters and JSON members that carry a secret, wherever they stand in a text. */
    private static final java.util.regex.Pattern SECRETS = java.util.regex.Pattern.compile(
            "(?i)((?:x-amz-bearer|authorization|x-amz-security-token)\\s*[:=]\\s*)[^\\r\\n,}]+"
                    + "|((?:AuthToken|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|Credential)=)[^&\\s\"',]+"
                    + "|(\"(?:ConnectionToken|ParticipantToken|JoinToken|Url|UploadMetadata|AuthenticationUrl)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*");

    /**
     * @param text any text: a log line, a request's head, a body
     * @return the text with every bearer token, signature, credential and connection or participant token
     *         replaced by {@link #REDACTED}
     */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = SECRETS.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String keep = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(keep + REDACTED));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
