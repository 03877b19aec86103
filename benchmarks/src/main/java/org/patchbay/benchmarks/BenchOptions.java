package org.patchbay.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the call-routing benchmark does; every field has a command-line option.
 *
 * @param rates            calls per second of each measured step, in order ({@code --rate 300} or
 *                         {@code --rates 200,300,400}); with several rates the run stops after the first that breaks
 * @param seconds          how long calls are placed in each step
 * @param repeat           how many times each rate is measured (medians are reported)
 * @param concurrency      the most {@code POST /sim/calls} requests in flight at once
 * @param warmupRate       calls per second of the warm-up (not measured)
 * @param warmupSeconds    how long the warm-up places calls
 * @param holdCalls        calls held open at once to weigh a live session; 0 skips that part
 * @param timeScale        the simulator's time scale (1.0 = real time); the Say prompt's length sets how long calls live
 * @param say              the sentence the application server's {@code <Say>} speaks
 * @param statusCallback   whether the number has a status callback (Patchbay then posts {@code completed} per call)
 * @param patchbayJar      Patchbay's runnable jar
 * @param patchbayJavaOpts JVM options for Patchbay (default: none, as a user would start it)
 */
record BenchOptions(List<Integer> rates, int seconds, int repeat, int concurrency, int warmupRate, int warmupSeconds,
                    int holdCalls, double timeScale, String say, boolean statusCallback, Path patchbayJar,
                    List<String> patchbayJavaOpts, Map<String, String> patchbayEnv) {

    static final String USAGE = """
            java -jar benchmarks/target/patchbay-benchmarks.jar [options]
              --rate N | --rates N,N,..  calls per second of each step (default 300)
              --seconds N                seconds each step places calls (default 20)
              --repeat N                 runs of each rate; medians are reported (default 3)
              --concurrency N            most call requests to the simulator in flight (default 64)
              --warmup-rate N            calls per second of the warm-up (default 200)
              --warmup-seconds N         seconds of warm-up (default 30)
              --hold-calls N             calls held open to weigh a live session; 0 skips (default 1000)
              --time-scale X             the simulator's time scale (default 1.0 = real time)
              --say TEXT                 what <Say> speaks (default "%s")
              --no-status-callback       no status callback on the number
              --patchbay-jar PATH        Patchbay's jar (default plugin/server/target/patchbay.jar of this checkout)
              --patchbay-java-opts "..." JVM options for Patchbay (default none)
              --patchbay-env NAME=VALUE  a setting for Patchbay, e.g. PATCHBAY_LIMIT_CALLS_CONCURRENT=100000 (repeatable)
            """;

    private static final String DEFAULT_SAY = "Thank you for calling. Goodbye.";

    static BenchOptions parse(String[] args, Path repoRoot) {
        BenchOptions options = new BenchOptions(List.of(300), 20, 3, 64, 200, 30, 1000, 1.0, DEFAULT_SAY, true,
                repoRoot.resolve("plugin/server/target/patchbay.jar"), List.of(), Map.of());
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--no-status-callback")) {
                options = options.withStatusCallback(false);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name + "\n" + usage());
            }
            options = name.equals("--patchbay-env") ? options.withEnv(args[++i]) : options.with(name, args[++i]);
        }
        return options.validated();
    }

    static String usage() {
        return USAGE.formatted(DEFAULT_SAY);
    }

    private BenchOptions with(String name, String value) {
        return switch (name) {
            case "--rate", "--rates" -> copy(rates(value), seconds, repeat, concurrency, warmupRate, warmupSeconds,
                    holdCalls, timeScale, say, patchbayJar, patchbayJavaOpts);
            case "--seconds" -> copy(rates, positive(name, value), repeat, concurrency, warmupRate, warmupSeconds,
                    holdCalls, timeScale, say, patchbayJar, patchbayJavaOpts);
            case "--repeat" -> copy(rates, seconds, positive(name, value), concurrency, warmupRate, warmupSeconds,
                    holdCalls, timeScale, say, patchbayJar, patchbayJavaOpts);
            case "--concurrency" -> copy(rates, seconds, repeat, positive(name, value), warmupRate, warmupSeconds,
                    holdCalls, timeScale, say, patchbayJar, patchbayJavaOpts);
            case "--warmup-rate" -> copy(rates, seconds, repeat, concurrency, positive(name, value), warmupSeconds,
                    holdCalls, timeScale, say, patchbayJar, patchbayJavaOpts);
            case "--warmup-seconds" -> copy(rates, seconds, repeat, concurrency, warmupRate, positive(name, value),
                    holdCalls, timeScale, say, patchbayJar, patchbayJavaOpts);
            case "--hold-calls" -> copy(rates, seconds, repeat, concurrency, warmupRate, warmupSeconds,
                    atLeastZero(name, value), timeScale, say, patchbayJar, patchbayJavaOpts);
            case "--time-scale" -> copy(rates, seconds, repeat, concurrency, warmupRate, warmupSeconds, holdCalls,
                    Double.parseDouble(value), say, patchbayJar, patchbayJavaOpts);
            case "--say" -> copy(rates, seconds, repeat, concurrency, warmupRate, warmupSeconds, holdCalls,
                    timeScale, value, patchbayJar, patchbayJavaOpts);
            case "--patchbay-jar" -> copy(rates, seconds, repeat, concurrency, warmupRate, warmupSeconds, holdCalls,
                    timeScale, say, Path.of(value), patchbayJavaOpts);
            case "--patchbay-java-opts" -> copy(rates, seconds, repeat, concurrency, warmupRate, warmupSeconds,
                    holdCalls, timeScale, say, patchbayJar,
                    value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+")));
            default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
        };
    }

    private BenchOptions copy(List<Integer> newRates, int newSeconds, int newRepeat, int newConcurrency,
                              int newWarmupRate, int newWarmupSeconds, int newHoldCalls, double newTimeScale,
                              String newSay, Path newJar, List<String> newJavaOpts) {
        return new BenchOptions(newRates, newSeconds, newRepeat, newConcurrency, newWarmupRate, newWarmupSeconds,
                newHoldCalls, newTimeScale, newSay, statusCallback, newJar, newJavaOpts, patchbayEnv);
    }

    private BenchOptions withEnv(String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0 || !assignment.startsWith("PATCHBAY_")) {
            throw new IllegalArgumentException("--patchbay-env takes PATCHBAY_NAME=value, got " + assignment);
        }
        Map<String, String> env = new TreeMap<>(patchbayEnv);
        env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        return new BenchOptions(rates, seconds, repeat, concurrency, warmupRate, warmupSeconds, holdCalls, timeScale,
                say, statusCallback, patchbayJar, patchbayJavaOpts, Map.copyOf(env));
    }

    private BenchOptions withStatusCallback(boolean value) {
        return new BenchOptions(rates, seconds, repeat, concurrency, warmupRate, warmupSeconds, holdCalls, timeScale,
                say, value, patchbayJar, patchbayJavaOpts, patchbayEnv);
    }

    private BenchOptions validated() {
        if (timeScale <= 0) {
            throw new IllegalArgumentException("--time-scale must be positive");
        }
        if (!patchbayJar.toFile().isFile()) {
            throw new IllegalArgumentException("no Patchbay jar at " + patchbayJar
                    + " (build it: mvn -B -q -DskipTests package)");
        }
        return this;
    }

    private static List<Integer> rates(String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            out.add(positive("--rates", part.trim()));
        }
        return List.copyOf(out);
    }

    private static int positive(String name, String value) {
        int parsed = Integer.parseInt(value);
        if (parsed <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return parsed;
    }

    private static int atLeastZero(String name, String value) {
        int parsed = Integer.parseInt(value);
        if (parsed < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return parsed;
    }
}
