package dev.connectchat.participant.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.io.IOException;

/**
 * Writes a flat JSON object of string members straight into a buffer, byte for byte as Jackson writes it with its
 * defaults (and so as the AWS SDK does): members in the order given, absent ones left out, UTF-8, and only what
 * must be escaped escaped: {@code "} and {@code \}, the control characters below U+0020 as {@code \b \t \n \f \r}
 * or else {@code \}{@code u00XX}, and a character beyond U+FFFF as its two surrogates, {@code \}{@code uD83D\}{@code
 * uDE00}, hex in upper case. A lone surrogate has no UTF-8 form and is refused (the request checks refuse it first).
 */
final class ByteJsonWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ByteBuf out;
    private boolean first = true;

    /** Starts the object. @param out where it goes */
    ByteJsonWriter(ByteBuf out) {
        this.out = out;
        out.writeByte('{');
    }

    /**
     * @param name the member's name: ASCII with nothing to escape
     * @param value its value; the member is left out when {@code null}
     * @return this writer
     */
    ByteJsonWriter member(String name, String value) throws IOException {
        if (value == null) {
            return this;
        }
        if (!first) {
            out.writeByte(',');
        }
        first = false;
        out.writeByte('"');
        out.writeCharSequence(name, java.nio.charset.StandardCharsets.US_ASCII);
        out.writeByte('"').writeByte(':');
        string(value);
        return this;
    }

    /** Ends the object. */
    void end() {
        out.writeByte('}');
    }

    /** Writes runs of plain text with Netty's UTF-8 encoder, escapes between them. */
    private void string(String s) throws IOException {
        out.writeByte('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                ByteBufUtil.writeUtf8(out, s, run, i);
                escape(c);
                run = i + 1;
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IOException("a lone surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                            + ") at index " + i + " is not text");
                }
                ByteBufUtil.writeUtf8(out, s, run, i);
                unicodeEscape(c);
                unicodeEscape(s.charAt(++i));
                run = i + 1;
            }
        }
        ByteBufUtil.writeUtf8(out, s, run, s.length());
        out.writeByte('"');
    }

    private void escape(char c) {
        char shortForm = switch (c) {
            case '"', '\\' -> c;
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm == 0) {
            unicodeEscape(c);
        } else {
            out.writeByte('\\').writeByte(shortForm);
        }
    }

    /** A character as {@code \}{@code uXXXX}, upper-case. */
    private void unicodeEscape(char c) {
        out.writeByte('\\').writeByte('u').writeByte(HEX[c >> 12]).writeByte(HEX[(c >> 8) & 0xF])
                .writeByte(HEX[(c >> 4) & 0xF]).writeByte(HEX[c & 0xF]);
    }
}
