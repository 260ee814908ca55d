package dev.connectchat.bench;

import java.util.List;
import java.util.Locale;

/**
 * The ratios as an SVG bar chart: one panel per figure, one bar per contender at its median ratio to raw Reactor
 * Netty, a whisker from the round's lowest to highest, and a line at 1.0 (raw). Plain SVG, no library.
 */
final class Chart {
    private static final String[] COLOURS = {"#9ca3af", "#2563eb", "#f59e0b", "#d97706"};
    private static final int PANEL_WIDTH = 300;
    private static final int BAR = 18;
    private static final int LABEL = 150;

    private Chart() {
    }

    static String svg(Report report, List<String> contenders) {
        int panels = Report.FIGURES.size();
        int height = 60 + contenders.size() * (BAR + 8) + 40;
        int width = LABEL + panels * (PANEL_WIDTH + 20);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height));
        for (int i = 0; i < contenders.size(); i++) {
            s.append(text(8, 60 + i * (BAR + 8) + 13, contenders.get(i), "start"));
        }
        for (int f = 0; f < panels; f++) {
            Report.Figure figure = Report.FIGURES.get(f);
            int x0 = LABEL + f * (PANEL_WIDTH + 20);
            double max = 1.0;
            for (String c : contenders) {
                max = Math.max(max, report.ratios(c, figure)[2]);
            }
            double scale = (PANEL_WIDTH - 40) / (max * 1.1);
            s.append(text(x0, 20, figure.name(), "start"))
                    .append(text(x0, 36, figure.higherIsBetter() ? "(ratio to raw, higher is better)"
                            : "(ratio to raw, lower is better)", "start"));
            for (int i = 0; i < contenders.size(); i++) {
                double[] r = report.ratios(contenders.get(i), figure);
                int y = 60 + i * (BAR + 8);
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                        x0, y, r[1] * scale, BAR, COLOURS[i % COLOURS.length]));
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                        x0 + r[0] * scale, x0 + r[2] * scale, y + BAR / 2, y + BAR / 2));
                s.append(text((int) (x0 + r[2] * scale) + 4, y + 13, String.format(Locale.ROOT, "%.2fx", r[1]), "start"));
            }
            int one = (int) (x0 + scale);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"50\" y2=\"%d\" stroke=\"#111\" "
                    + "stroke-dasharray=\"3,3\"/>%n", one, one, height - 30));
            s.append(text(one, height - 16, "1.0 = raw", "middle"));
        }
        return s.append("</svg>\n").toString();
    }

    private static String text(int x, int y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
                text.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
