package dev.connectchat.bench;

/**
 * How long and how hard the runner measures.
 *
 * @param rounds rounds, each running every contender once (the order turning by one)
 * @param inflight calls outstanding at every moment
 * @param warmupSeconds warm-up of each load run: long enough for the JIT to compile the SDK's paths (20 s)
 * @param measureSeconds the measured window
 * @param write whether to write BENCHMARKS.md, the chart and the README's table
 * @param command the command line, as BENCHMARKS.md prints it
 */
record Settings(int rounds, int inflight, int warmupSeconds, int measureSeconds, boolean write,
                String command) {

    /** {@code --quick}: 3 rounds, shorter windows, under 5 minutes; {@code --smoke}: one short round, nothing written. */
    static Settings of(String[] args) {
        String mode = args.length == 0 ? "" : args[0];
        return switch (mode) {
            case "--smoke" -> new Settings(1, 16, 1, 1, false, "benchmarks/run.sh --smoke");
            case "--quick" -> new Settings(3, 256, 12, 5, true, "benchmarks/run.sh --quick");
            case "" -> new Settings(5, 256, 20, 15, true, "benchmarks/run.sh");
            default -> throw new IllegalArgumentException("usage: benchmarks/run.sh [--quick | --smoke]");
        };
    }
}
