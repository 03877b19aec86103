package org.patchbay.server.simulate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns Patchbay's log down to warnings while a simulation runs, so the transcript is what the
 * developer reads, and puts the levels back afterwards (tests run the command in the same JVM).
 */
final class QuietLogs implements AutoCloseable {
    private static final String[] NAMES = {org.slf4j.Logger.ROOT_LOGGER_NAME, "org.patchbay"};

    private final Map<Logger, Level> previous = new LinkedHashMap<>();

    private QuietLogs(boolean quiet) {
        if (!quiet) {
            return;
        }
        for (String name : NAMES) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                previous.put(logger, logger.getLevel());
                logger.setLevel(Level.WARN);
            }
        }
    }

    static QuietLogs unless(boolean verbose) {
        return new QuietLogs(!verbose);
    }

    @Override
    public void close() {
        previous.forEach(Logger::setLevel);
    }
}
