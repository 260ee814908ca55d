package dev.connectchat.bench;

import java.util.Collection;

/** Min, median and max of a figure over the rounds: what every runner publishes. */
final class Spread {
    private Spread() {
    }

    /** @return {min, median, max} of {@code values} (the median of an even count is the mean of the middle two) */
    static double[] of(Collection<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new double[]{v[0], median, v[n - 1]};
    }
}
