package dev.connectchat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Ratios to raw Reactor Netty, paired within each round, as min/median/max over the rounds; and where they go. */
final class Report {
    private static final String BASE = "raw Reactor Netty";
    private static final String START = "<!-- benchmarks:start (written by benchmarks/run.sh) -->";
    private static final String END = "<!-- benchmarks:end -->";

    /** A figure: its name, how to read it off a result, and whether higher is better. */
    record Figure(String name, ToDoubleFunction<Result> value, boolean higherIsBetter) {
    }

    static final List<Figure> FIGURES = List.of(
            new Figure("throughput", Result::callsPerSecond, true),
            new Figure("CPU per call", Result::cpuMicrosPerCall, false),
            new Figure("bytes allocated per call", Result::bytesPerCall, false),
            new Figure("JVM spawn to first answer", Result::coldStartMillis, false));

    private final List<Map<String, Result>> rounds;
    private final Settings settings;
    private final List<String> contenders;

    Report(List<Map<String, Result>> rounds, Settings settings, List<String> contenders) {
        this.rounds = rounds;
        this.settings = settings;
        this.contenders = contenders;
    }

    /** @return min, median and max over the rounds of the contender's figure divided by raw's of the same round */
    double[] ratios(String contender, Figure figure) {
        List<Double> ratios = new ArrayList<>();
        for (Map<String, Result> round : rounds) {
            ratios.add(figure.value().applyAsDouble(round.get(contender)) / figure.value().applyAsDouble(round.get(BASE)));
        }
        return Spread.of(ratios);
    }

    /** @return min, median and max of the absolute figure of raw Reactor Netty */
    double[] absolute(String contender, Figure figure) {
        List<Double> values = new ArrayList<>();
        rounds.forEach(round -> values.add(figure.value().applyAsDouble(round.get(contender))));
        return Spread.of(values);
    }

    /** @return the Markdown table: one row per figure, one column per contender, medians with their range */
    String table() {
        StringBuilder t = new StringBuilder("| figure (SendMessage, loopback, separate JVMs, " + rounds.size()
                + " rounds, ratio to raw: median (min-max)) |");
        contenders.forEach(c -> t.append(' ').append(c).append(" |"));
        t.append("\n|---|").append("---|".repeat(contenders.size())).append('\n');
        String[] units = {" calls/s", " us", " B", " ms"};
        for (int f = 0; f < FIGURES.size(); f++) {
            Figure figure = FIGURES.get(f);
            double[] base = absolute(BASE, figure);
            t.append("| ").append(figure.name()).append(" |");
            for (String c : contenders) {
                if (c.equals(BASE)) {
                    t.append(String.format(Locale.ROOT, " 1.00 (%s%s) |", round(base[1]), units[f]));
                } else {
                    double[] r = ratios(c, figure);
                    t.append(String.format(Locale.ROOT, " %.2fx (%.2f-%.2f) |", r[1], r[0], r[2]));
                }
            }
            t.append('\n');
        }
        return t.toString();
    }

    private static String round(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Around the table of benchmarks' IdleSessions, pasted from its output. */
    static final String IDLE_START = "<!-- idle:start -->";
    static final String IDLE_END = "<!-- idle:end -->";

    void write(Path root) throws IOException {
        String machine = Machine.describe();
        String table = table();
        StringBuilder md = new StringBuilder("# Benchmarks\n\n")
                .append("Written by `").append(settings.command()).append("` on ").append(LocalDate.now())
                .append(". Machine: ").append(machine).append(".\n\n")
                .append("Each contender runs in its own JVM, with its own class path and its own defaults, against a server in ")
                .append("another JVM on loopback (SendMessage, a fixed answer). Per round: a cold start (JVM spawn to the ")
                .append("first answer) and a load run (").append(settings.inflight()).append(" calls in flight, ")
                .append("a warm-up of ").append(settings.warmupSeconds()).append(" to ").append(settings.maxWarmupSeconds())
                .append(" s that ends when the JIT is done (its compilers busy less than 5% of a 5 s step, the rate steady), ")
                .append(settings.measureSeconds())
                .append(" s measured; CPU of the whole JVM, bytes allocated by its threads). The order of the contenders ")
                .append("turns by one each round; each ratio is taken within its round, then min/median/max over the rounds. ")
                .append("Every JVM runs with its own defaults (heap, collector), as its users get them.\n\n")
                .append(table).append("\n![Ratios to raw Reactor Netty](docs/images/benchmarks.svg)\n\n## Rounds\n\n")
                .append("Warm-up is what each load run took; JIT is how busy its compilers still were while measured ")
                .append("(percent of one core).\n\n")
                .append("| round | contender | calls/s | CPU us/call | B/call | cold start ms | warm-up s | JIT % | errors |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rounds.size(); i++) {
            for (Result r : rounds.get(i).values()) {
                md.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.2f | %.0f | %.0f | %d | %.1f | %d |%n", i + 1,
                        r.contender(), r.callsPerSecond(), r.cpuMicrosPerCall(), r.bytesPerCall(),
                        r.coldStartMillis(), r.warmupSeconds(), r.jitPercent(), r.errors()));
            }
        }
        Path file = root.resolve("BENCHMARKS.md");
        if (Files.exists(file)) {
            // the parts written by run.sh --paging and --fan-in, and IdleSessions' table, stay
            String old = Files.readString(file);
            for (String[] part : new String[][]{{PagingRunner.START, PagingRunner.END}, {FanInRunner.START, FanInRunner.END},
                {IDLE_START, IDLE_END}}) {
                int s = old.indexOf(part[0]);
                int e = old.indexOf(part[1]);
                if (s >= 0 && e > s) {
                    md.append('\n').append(old, s, e + part[1].length()).append('\n');
                }
            }
        }
        Files.writeString(file, md, StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("docs/images"));
        Files.writeString(root.resolve("docs/images/benchmarks.svg"), Chart.svg(this, contenders), StandardCharsets.UTF_8);
        Path readme = root.resolve("README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start >= 0 && end > start) {
            String block = START + "\n" + table + "\nMeasured by `" + settings.command() + "` on " + LocalDate.now()
                    + " (" + machine + "); every round in [BENCHMARKS.md](BENCHMARKS.md).\n\n"
                    + "![Ratios to raw Reactor Netty](docs/images/benchmarks.svg)\n" + END;
            Files.writeString(readme, text.substring(0, start) + block + text.substring(end + END.length()));
        }
    }
}
