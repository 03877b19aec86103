package org.patchbay.server.simulate;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The options of {@code patchbay simulate}, checked before anything starts. */
record SimulateOptions(String url, String method, String from, String to, String fallbackUrl,
                              CallScript script, int timeoutSeconds, boolean json, boolean verbose, boolean help) {

    static final String USAGE = """
            Usage: java -jar patchbay.jar simulate --url URL [options]

            Places one call through Patchbay's call router into a simulated Asterisk (prompts play
            20 times faster than real time) and prints what happened: each request to your app, what
            the caller heard, each time Patchbay waited for the caller and what the caller did.

              --url URL             the voice URL of your TwiML app (http or https, required)
              --method GET|POST     how to request it and the fallback URL (default POST)
              --fallback-url URL    asked when the voice URL fails or returns bad TwiML
              --from NUMBER         the caller (default +15550001111)
              --to NUMBER           the number called (default +15550002222)
              --digits KEYS         keys pressed when Patchbay first waits for input, e.g. "1234#"
              --script FILE         what the caller does at each prompt, one line per prompt:
                                      1 | 42# | press # | - (nothing) | speak 3 [#] | hangup
                                      and, for parties a Dial rings (not prompts):
                                      callee ADDRESS|* answer [SECONDS] | busy | no-answer | fail | reject
                                      lines starting with # are comments
              --timeout SECONDS     give up when the call has not ended by then (default 120)
              --json                print the transcript as JSON
              --verbose             show Patchbay's log (default: warnings only)
              --help                show this help

            Exit status: 0 the call completed and the app had no error; 1 the app failed (fetch
            error without a working fallback, bad TwiML) or the call did not complete; 2 bad
            options; 3 the call did not end within --timeout.
            """;

    private static final Set<String> FLAGS = Set.of("--json", "--verbose", "--help", "-h");
    private static final Set<String> VALUED = Set.of("--url", "--method", "--from", "--to", "--fallback-url",
            "--digits", "--script", "--timeout");

    static SimulateOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String value;
            if (FLAGS.contains(name) && equals < 0) {
                value = "true";
            } else if (VALUED.contains(name)) {
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new BadOptionException(name + " needs a value");
                }
            } else {
                throw new BadOptionException("unknown option '" + arg + "'");
            }
            if (values.put(name.equals("-h") ? "--help" : name, value) != null) {
                throw new BadOptionException(name + " given twice");
            }
        }
        if (values.containsKey("--help")) {
            return new SimulateOptions(null, "POST", null, null, null, CallScript.none(), 0, false, false, true);
        }
        return new SimulateOptions(httpUrl(values, "--url", true), method(values.getOrDefault("--method", "POST")),
                number(values, "--from", "+15550001111"), number(values, "--to", "+15550002222"),
                httpUrl(values, "--fallback-url", false), script(values), timeout(values.getOrDefault("--timeout", "120")),
                values.containsKey("--json"), values.containsKey("--verbose"), false);
    }

    private static String httpUrl(Map<String, String> values, String name, boolean required) {
        String text = values.get(name);
        if (text == null || text.isBlank()) {
            if (required) {
                throw new BadOptionException(name + " is required: the voice URL of the app to call");
            }
            return null;
        }
        try {
            URI uri = URI.create(text.strip());
            if (uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null) {
                return text.strip();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below, as for any other URL that is not absolute http(s)
        }
        throw new BadOptionException(name + " must be an absolute http(s) URL, got '" + text + "'");
    }

    private static String method(String text) {
        String method = text.strip().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new BadOptionException("--method must be GET or POST, got '" + text + "'");
        }
        return method;
    }

    private static String number(Map<String, String> values, String name, String fallback) {
        String number = values.getOrDefault(name, fallback).strip();
        if (!number.matches("\\+?[0-9A-Za-z*#._-]{1,64}")) {
            throw new BadOptionException(name + " must be a phone number or extension, got '" + number + "'");
        }
        return number;
    }

    private static CallScript script(Map<String, String> values) {
        String digits = values.get("--digits");
        String file = values.get("--script");
        if (digits != null && file != null) {
            throw new BadOptionException("--digits and --script cannot be used together (put the digits in the script)");
        }
        if (digits != null) {
            return CallScript.digits(digits.strip());
        }
        return file == null ? CallScript.none() : CallScript.read(file);
    }

    private static int timeout(String text) {
        try {
            int seconds = Integer.parseInt(text.strip());
            if (seconds >= 1 && seconds <= 86_400) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadOptionException("--timeout must be whole seconds from 1 to 86400, got '" + text + "'");
    }
}
