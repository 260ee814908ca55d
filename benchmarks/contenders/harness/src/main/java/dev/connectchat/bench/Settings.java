package dev.connectchat.bench;

/**
 * How long and how hard the runner measures.
 *
 * @param rounds rounds, each running every contender once (the order turning by one)
 * @param inflight calls outstanding at every moment
 * @param warmupSeconds the least warm-up of each load run; it goes on while the JIT is busy (see {@link Load})
 * @param maxWarmupSeconds the most warm-up of each load run
 * @param measureSeconds the measured window
 * @param write whether to write BENCHMARKS.md, the chart and the README's table
 * @param command the command line, as BENCHMARKS.md prints it
 */
record Settings(int rounds, int inflight, int warmupSeconds, int maxWarmupSeconds, int measureSeconds, boolean write,
                String command) {

    /**
     * {@code --quick}: 3 rounds, shorter windows, about 5 minutes with its build (336 s on a fresh clone): its warm-up stops at 12 s, long
     * before the AWS SDK's JIT is done on a 2-core machine (its JIT column shows it), so the published table comes
     * from the full run;
     * {@code --smoke}: one short round, nothing written.
     */
    static Settings of(String[] args) {
        String mode = args.length == 0 ? "" : args[0];
        return switch (mode) {
            case "--smoke" -> new Settings(1, 16, 1, 1, 1, false, "benchmarks/run.sh --smoke");
            case "--quick" -> new Settings(3, 256, 5, 12, 3, true, "benchmarks/run.sh --quick");
            case "" -> new Settings(5, 256, 20, 150, 15, true, "benchmarks/run.sh");
            default -> throw new IllegalArgumentException("usage: benchmarks/run.sh [--quick | --smoke]");
        };
    }
}
