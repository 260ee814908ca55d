package dev.connectchat.participant.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a small JSON answer straight from its buffer, for the operations called most (SendMessage, SendEvent):
 * data binding costs some 900 bytes of parser, contexts and symbol tables a call, and its first call loads and
 * builds the mapper. It reads what {@link Json#reader(Class)} reads and refuses what that refuses (RFC 8259
 * syntax, well-formed UTF-8, nesting up to 1,000 levels, nothing after the value): strings also from numbers
 * and booleans, {@code null} for an empty timestamp, members it does not know skipped, the last of two equal
 * names kept (wherever it comes: data binding refuses a name repeated once all members were read). Member names
 * are compared as bytes, never made into strings.
 *
 * <p>Not thread-safe: one reader per body.
 */
final class ByteJsonReader {
    private static final int MAX_DEPTH = 1_000;

    /** A copy of a direct body, per thread: an answer is parsed on its event loop, one at a time. */
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SCRATCH_BYTES];
        }
    };
    private static final int SCRATCH_BYTES = 4096;

    private final byte[] in;
    private final int base;
    private final int end;
    private int at;
    /** Whether a member was read in the object being read, so that a ',' or its end comes next. */
    private boolean afterMember;
    private int nameFrom;
    private int nameTo;
    private String escapedName;

    /**
     * @param body the body, from its reader index to its writer index; not consumed, not released. Read in place
     *             when it has an array, else copied once into a scratch array of the thread (or a new one when large):
     *             reading a direct buffer byte by byte checks its bounds and reference count at every byte
     */
    ByteJsonReader(ByteBuf body) {
        int length = body.readableBytes();
        if (body.hasArray()) {
            in = body.array();
            at = body.arrayOffset() + body.readerIndex();
        } else {
            in = length <= SCRATCH_BYTES ? SCRATCH.get() : new byte[length];
            body.getBytes(body.readerIndex(), in, 0, length);
            at = 0;
        }
        base = at;
        end = at + length;
        if (end - at >= 3 && (in[at] & 0xFF) == 0xEF && (in[at + 1] & 0xFF) == 0xBB && (in[at + 2] & 0xFF) == 0xBF) {
            at += 3; // a UTF-8 byte order mark, as Jackson skips it
        }
    }

    /** @return true, having read it, when the next value is {@code null}; false when it is an object */
    boolean nullOrObject() throws IOException {
        int c = peek();
        if (c == 'n') {
            literal("null");
            return true;
        }
        if (c != '{') {
            throw error("expected an object");
        }
        at++;
        afterMember = false;
        return false;
    }

    /**
     * Moves to the next member of the object being read: past its name and colon, to its value.
     *
     * @return false at the end of the object, which is then read
     */
    boolean nextMember() throws IOException {
        int c = peek();
        if (afterMember) {
            if (c == '}') {
                at++;
                return false;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
            at++;
        } else if (c == '}') {
            at++;
            return false;
        }
        boolean escaped = name();
        afterMember = true;
        escapedName = escaped ? decode(nameFrom, nameTo) : null;
        return true;
    }

    /** @return whether the current member's name is {@code ascii} */
    boolean named(String ascii) {
        if (escapedName != null) {
            return escapedName.equals(ascii);
        }
        if (nameTo - nameFrom != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (in[nameFrom + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Ends a nested object read with {@link #nullOrObject}: the enclosing object's members follow. */
    void resumeEnclosing() {
        afterMember = true;
        escapedName = null;
    }

    /**
     * @return a string value; a number or boolean as its text, {@code null} for null
     * @throws IOException for an object or array, as data binding refuses one for a string
     */
    String string() throws IOException {
        int c = peek();
        if (c == '"') {
            at++;
            int from = at;
            boolean escaped = skipString();
            int length = at - 1 - from;
            return escaped ? decode(from, at - 1) : new String(in, from, length,
                    ascii(from, at - 1) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        if (c == 'n') {
            literal("null");
            return null;
        }
        if (c == 't') {
            literal("true");
            return "true";
        }
        if (c == 'f') {
            literal("false");
            return "false";
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int from = at;
            number();
            return new String(in, from, at - from, StandardCharsets.ISO_8859_1);
        }
        if (c == '{' || c == '[') {
            throw error("a string member must not be an object or array");
        }
        throw error("expected a value");
    }

    /** @return a timestamp as {@link Json#readTimestamp} reads one: text, epoch seconds, {@code null} when empty */
    Instant timestamp() throws IOException {
        int c = peek();
        if (c == '{' || c == '[') {
            throw error("a timestamp must be a string or a number");
        }
        boolean number = c == '-' || (c >= '0' && c <= '9');
        String text = string();
        if (number) {
            return Timestamps.ofEpochSeconds(Double.parseDouble(text));
        }
        try {
            return Timestamps.parseUnlessEmpty(text);
        } catch (DateTimeParseException e) {
            throw error("not an ISO-8601 timestamp");
        }
    }

    /** Reads past the current value, whatever it is, checking its syntax. */
    void skipValue() throws IOException {
        skipValue(0);
    }

    /** Checks that nothing but white space follows the value read. */
    void end() throws IOException {
        if (peek() != -1) {
            throw error("something after the value");
        }
    }

    private void skipValue(int depth) throws IOException {
        int c = peek();
        if (c == '{' || c == '[') {
            if (depth >= MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
            at++;
            int close = c == '{' ? '}' : ']';
            if (peek() == close) {
                at++;
                return;
            }
            while (true) {
                if (close == '}') {
                    name();
                }
                skipValue(depth + 1);
                int next = peek();
                at++;
                if (next == close) {
                    return;
                }
                if (next != ',') {
                    at--;
                    throw error("expected ',' or '" + (char) close + "'");
                }
            }
        }
        string();
    }

    /**
     * Reads a member's name and its colon, to the member's value; {@link #nameFrom} and {@link #nameTo} hold the
     * name's bytes (also of a member skipped inside a value: {@link #named} asks before the value is read).
     *
     * @return whether the name held an escape
     */
    private boolean name() throws IOException {
        if (peek() != '"') {
            throw error("expected a member name");
        }
        at++;
        nameFrom = at;
        boolean escaped = skipString();
        nameTo = at - 1;
        if (peek() != ':') {
            throw error("expected ':'");
        }
        at++;
        return escaped;
    }

    /** From just after an opening quote to just after the closing one. @return whether it held an escape */
    private boolean skipString() throws IOException {
        boolean escaped = false;
        while (at < end) {
            int b = in[at] & 0xFF;
            if (b == '"') {
                at++;
                return escaped;
            }
            if (b == '\\') {
                escaped = true;
                at += escapeLength(at);
            } else if (b < 0x20) {
                throw error("a control character in a string must be escaped");
            } else if (b >= 0x80) {
                at += utf8Length(at);
            } else {
                at++;
            }
        }
        throw error("a string is not closed");
    }

    private int escapeLength(int i) throws IOException {
        if (i + 1 >= end) {
            throw error("a string is not closed");
        }
        int e = in[i + 1] & 0xFF;
        if (e == 'u') {
            for (int k = i + 2; k < i + 6; k++) {
                if (k >= end || !isHexDigit(in[k] & 0xFF)) {
                    throw error("a \\u escape needs four hex digits");
                }
            }
            return 6;
        }
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            return 2;
        }
        at = i;
        throw error("an unknown escape");
    }

    /** @return the length of the well-formed UTF-8 sequence at {@code i} */
    private int utf8Length(int i) throws IOException {
        int b = in[i] & 0xFF;
        int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > end) {
            throw error("not UTF-8");
        }
        int second = in[i + 1] & 0xFF;
        int low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
        int high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            throw error("not UTF-8");
        }
        for (int k = i + 2; k < i + length; k++) {
            int next = in[k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                throw error("not UTF-8");
            }
        }
        return length;
    }

    private boolean ascii(int from, int to) {
        for (int i = from; i < to; i++) {
            if (in[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the text of a string already checked by {@link #skipString}, its escapes undone */
    private String decode(int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int run = from;
        for (int i = from; i < to; ) {
            if (in[i] != '\\') {
                i++;
                continue;
            }
            out.append(new String(in, run, i - run, StandardCharsets.UTF_8));
            int e = in[i + 1];
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append((char) Integer.parseInt(new String(in, i + 2, 4, StandardCharsets.ISO_8859_1), 16));
                default -> out.append((char) e);
            }
            i += e == 'u' ? 6 : 2;
            run = i;
        }
        return out.append(new String(in, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private void number() throws IOException {
        if (byteAt(at) == '-') {
            at++;
        }
        if (byteAt(at) == '0') {
            at++;
            if (isDigit(byteAt(at))) {
                throw error("a number must not start with 0");
            }
        } else {
            digits();
        }
        if (byteAt(at) == '.') {
            at++;
            digits();
        }
        if (byteAt(at) == 'e' || byteAt(at) == 'E') {
            at++;
            if (byteAt(at) == '+' || byteAt(at) == '-') {
                at++;
            }
            digits();
        }
    }

    private void digits() throws IOException {
        if (!isDigit(byteAt(at))) {
            throw error("expected a digit");
        }
        while (isDigit(byteAt(at))) {
            at++;
        }
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (byteAt(at + i) != word.charAt(i)) {
                throw error("expected " + word);
            }
        }
        at += word.length();
        int next = byteAt(at);
        if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || isDigit(next) || next == '_') {
            throw error("expected " + word);
        }
    }

    /** @return the byte at {@code i}, or -1 past the end */
    private int byteAt(int i) {
        return i < end ? in[i] & 0xFF : -1;
    }

    /** @return the next byte that is not white space, not consumed; -1 at the end */
    private int peek() {
        while (at < end) {
            int b = in[at] & 0xFF;
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
            at++;
        }
        return -1;
    }

    private IOException error(String what) {
        return new IOException("at byte " + (at - base) + ": " + what);
    }
}
