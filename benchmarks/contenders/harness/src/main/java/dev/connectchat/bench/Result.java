package dev.connectchat.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one contender's JVM measured in one round.
 *
 * @param contender its name
 * @param callsPerSecond calls completed per second
 * @param cpuMicrosPerCall CPU time of its whole JVM per call
 * @param bytesPerCall bytes its threads allocated per call
 * @param coldStartMillis JVM spawn to the first answer, in a JVM of its own
 * @param warmupSeconds how long its warm-up lasted (it ends when the JIT is quiet)
 * @param jitPercent how busy its JIT compilers were while measured, in percent of one core
 * @param errors calls that failed while measured
 */
record Result(String contender, double callsPerSecond, double cpuMicrosPerCall, double bytesPerCall,
              double coldStartMillis, long warmupSeconds, double jitPercent, long errors) {

    /** @return the result of the JSON line {@link Load} prints, with the cold start measured apart */
    static Result parse(String line, double coldStartMillis) {
        return new Result(text(line, "contender"), number(line, "callsPerSecond"), number(line, "cpuMicrosPerCall"),
                number(line, "bytesPerCall"), coldStartMillis, (long) number(line, "warmupSeconds"),
                number(line, "jitPercent"), (long) number(line, "errors"));
    }

    static String text(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static double number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([-0-9.Ee]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }
}
