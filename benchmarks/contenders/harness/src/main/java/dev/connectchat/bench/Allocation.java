package dev.connectchat.bench;

import java.lang.management.ManagementFactory;

/** The bytes the JVM's threads have allocated. */
final class Allocation {
    private Allocation() {
    }

    /** @return the bytes allocated so far by the threads alive now (a thread that ended takes its count with it) */
    static long bytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            allocated += Math.max(0, bytes);
        }
        return allocated;
    }
}
