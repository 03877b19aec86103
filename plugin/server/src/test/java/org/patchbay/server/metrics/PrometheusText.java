package org.patchbay.server.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus's text exposition format 0.0.4: every line a comment ({@code # HELP},
 * {@code # TYPE}) or a sample of a family declared by a TYPE line before it; names, labels, escapes and
 * values as the format defines them. Anything else throws, so a malformed scrape fails the test.
 */
final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final List<String> TYPES = List.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_created", "_total", "_max");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, String> types = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                if (i != lines.length - 1) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": empty line inside the exposition");
                }
                continue;
            }
            try {
                parsed.line(line);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " (" + line + "): " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    private void line(String line) {
        if (line.startsWith("# TYPE ")) {
            String[] parts = line.substring(7).split(" ");
            require(parts.length == 2 && NAME.matcher(parts[0]).matches() && TYPES.contains(parts[1]), "bad TYPE line");
            require(types.put(parts[0], parts[1]) == null, "family declared twice");
        } else if (line.startsWith("# HELP ")) {
            require(NAME.matcher(line.substring(7).split(" ", 2)[0]).matches(), "bad HELP line");
        } else if (line.startsWith("#")) {
            return;
        } else {
            samples.add(sample(line));
        }
    }

    private Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(NAME.matcher(name).matches(), "bad metric name");
        require(familyOf(name) != null, "sample of an undeclared family");
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
        }
        require(i < line.length() && line.charAt(i) == ' ', "no value");
        String[] rest = line.substring(i + 1).split(" ");
        require(rest.length == 1 || rest.length == 2 && rest[1].matches("-?[0-9]+"), "bad value or timestamp");
        return new Sample(name, labels, value(rest[0]));
    }

    private int labels(String line, int at, Map<String, String> labels) {
        int i = at;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            require(eq > i, "label without a value");
            String label = line.substring(i, eq);
            require(LABEL.matcher(label).matches(), "bad label name " + label);
            require(line.charAt(eq + 1) == '"', "label value not quoted");
            StringBuilder value = new StringBuilder();
            i = eq + 2;
            while (line.charAt(i) != '"') {
                char c = line.charAt(i++);
                if (c == '\\') {
                    char escaped = line.charAt(i++);
                    require(escaped == '\\' || escaped == '"' || escaped == 'n', "bad escape");
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            require(labels.put(label, value.toString()) == null, "label repeated");
            i++;
            if (line.charAt(i) == ',') {
                i++;
            } else {
                require(line.charAt(i) == '}', "labels not closed");
            }
        }
        return i + 1;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private String familyOf(String sampleName) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String family = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(family)) {
                    return family;
                }
            }
        }
        return null;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    String type(String family) {
        return types.get(family);
    }

    /** The sum of the samples named {@code name} whose labels include all of {@code having}. */
    double sum(String name, Map<String, String> having) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(having.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }
}
