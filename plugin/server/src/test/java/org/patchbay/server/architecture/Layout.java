package org.patchbay.server.architecture;

/**
 * The parts of Patchbay as DESIGN.md lays them out, by package. A part added by a later issue goes
 * here: a new adapter module under {@code org.patchbay.adapters.<name>} is covered by the adapter
 * rules as it is; a new library core may use joins {@link #CORE_MAY_USE}.
 */
final class Layout {
    static final String PATCHBAY = "org.patchbay..";
    static final String CORE = "org.patchbay.core..";
    /** The verb executors of the call engine. */
    static final String VERBS = "org.patchbay.core.call.verb..";
    static final String ADAPTERS = "org.patchbay.adapters..";
    /** One slice per adapter module: {@code org.patchbay.adapters.ari}, {@code .redis}, {@code .http}, {@code .tts}. */
    static final String ADAPTER_SLICES = "org.patchbay.adapters.(*)..";
    static final String SIMULATOR = "org.patchbay.asterisk.sim..";
    static final String SERVER = "org.patchbay.server..";
    static final String TESTKIT = "org.patchbay.testkit..";
    static final String BENCHMARKS = "org.patchbay.benchmarks..";

    /** Core is domain and ports: the JDK, Vert.x core (Futures, JSON), Jackson and the logging API, nothing else. */
    static final String[] CORE_MAY_USE = {
            "java..", "javax.xml..", "javax.crypto..", "io.vertx.core..", "com.fasterxml.jackson..", "org.slf4j..", CORE};

    /** The libraries that speak an outside protocol: each belongs in an adapter (or the server's HTTP API). */
    static final String[] PROTOCOL_LIBRARIES = {
            "ch.loway.oss.ari4java..", "io.vertx.redis..", "io.vertx.ext.web..", "io.netty..", "com.twilio..",
            "io.cloudevents..", "io.vertx.rabbitmq..", "com.rabbitmq.."};

    private Layout() {
    }
}
