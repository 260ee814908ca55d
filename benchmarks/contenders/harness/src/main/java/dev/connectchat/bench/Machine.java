package dev.connectchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine and JDK a run was measured on, as BENCHMARKS.md states them. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the name stays unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + System.getProperty("os.name") + ", JDK " + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.version");
    }
}
