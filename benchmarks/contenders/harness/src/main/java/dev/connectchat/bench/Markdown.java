package dev.connectchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The parts of BENCHMARKS.md that each runner owns, between its start and end markers. */
final class Markdown {
    private Markdown() {
    }

    /**
     * Puts {@code block} (which begins with {@code start} and ends with {@code end}) in place of the file's part
     * between those markers, or at its end when it has none; a missing file starts with the title.
     */
    static void putBlock(Path file, String start, String end, String block) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int s = text.indexOf(start);
        int e = text.indexOf(end);
        text = s >= 0 && e > s ? text.substring(0, s) + block + text.substring(e + end.length()) : text + "\n" + block + "\n";
        Files.writeString(file, text);
    }
}
