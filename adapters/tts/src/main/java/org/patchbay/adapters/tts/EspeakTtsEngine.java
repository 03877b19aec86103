package org.patchbay.adapters.tts;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.patchbay.core.tts.Speech;
import org.patchbay.core.tts.TtsEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The default {@link TtsEngine}: espeak-ng, resampled to 8 kHz 16-bit mono WAV and cached on
 * disk by a hash of what was said and how.
 *
 * <p>A prompt is synthesised once: a repeated prompt comes from memory or disk, and callers
 * asking for a prompt being synthesised share that one run. Synthesis runs on a worker pool of
 * its own, unordered, so a slow prompt never holds up another call's prompt nor an event loop.
 */
public final class EspeakTtsEngine implements TtsEngine {

    private static final Logger log = LoggerFactory.getLogger(EspeakTtsEngine.class);
    private static final String POOL_NAME = "patchbay-tts";
    /**
     * Asterisk reads a {@code .wav} file (and HTTP media sent as audio/wav) only at 8 kHz; its
     * 16 kHz reader wants a {@code .wav16} name. Telephone calls are 8 kHz anyway.
     */
    static final int SAMPLE_RATE = 8000;
    /** How often old files are looked for (more often when maxAge is short, as in tests). */
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final Vertx vertx;
    private final EspeakSettings settings;
    private final WorkerExecutor workers;
    private final EspeakProcess espeak;
    private final SpeechFiles files;
    private final SpeechIndex index;
    private final long sweeper;
    private final Map<String, Future<Speech>> inFlight = new ConcurrentHashMap<>();

    public EspeakTtsEngine(Vertx vertx, EspeakSettings settings) {
        this.vertx = vertx;
        this.settings = settings;
        // Vert.x warns about a blocked worker after maxExecuteTime: only past espeak-ng's timeout.
        long maxExecuteMillis = settings.timeout().toMillis() * 2;
        this.workers = vertx.createSharedWorkerExecutor(POOL_NAME, settings.workers(),
                maxExecuteMillis, TimeUnit.MILLISECONDS);
        this.espeak = new EspeakProcess(settings.binary(), settings.timeout());
        this.files = new SpeechFiles(settings.cacheDir(), SAMPLE_RATE);
        this.index = new SpeechIndex(settings.indexSize());
        long every = Math.max(1000, Math.min(SWEEP_EVERY.toMillis(), settings.maxAge().toMillis() / 4));
        this.sweeper = vertx.setPeriodic(every, every, id -> deleteExpired());
    }

    @Override
    public Future<Speech> synthesize(String text, String voice, String language) {
        String problem = problemWith(text);
        if (problem != null) {
            return Future.failedFuture(new TtsException(problem));
        }
        String espeakVoice = VoiceMap.resolve(voice, language);
        String id = SpeechId.of(settings.idKey(), espeakVoice, text);
        Speech known = index.get(id);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return onCallersContext(shared(id, text, espeakVoice));
    }

    /**
     * Looks in memory first, then on disk for a file written before a restart or by another
     * instance sharing the directory. That disk check reads a 44-byte header on the caller's
     * thread, the same order of work as the open the media route then does to send the file.
     */
    @Override
    public Speech cached(String id) {
        if (!SpeechId.isValid(id)) {
            return null;
        }
        Speech known = index.get(id);
        if (known != null) {
            return known;
        }
        try {
            Speech onDisk = files.load(id);
            if (onDisk != null) {
                index.put(onDisk);
            }
            return onDisk;
        } catch (IOException e) {
            log.debug("Cannot read cached speech {}: {}", id, e.toString());
            return null;
        }
    }

    /**
     * Releases this engine's share of the patchbay-tts pool, which stops when its last
     * user lets go; from then on a prompt not yet cached fails.
     */
    public Future<Void> close() {
        vertx.cancelTimer(sweeper);
        return workers.close();
    }

    /** Deletes the files older than the settings' maxAge, on a worker; answers how many went. */
    public Future<Integer> deleteExpired() {
        try {
            return workers.executeBlocking(() -> {
                List<String> deleted = files.deleteOlderThan(Instant.now().minus(settings.maxAge()));
                deleted.forEach(index::remove);
                if (!deleted.isEmpty()) {
                    log.info("Deleted {} speech files older than {}", deleted.size(), settings.maxAge());
                }
                return deleted.size();
            }, false);
        } catch (RejectedExecutionException closed) {
            return Future.succeededFuture(0);
        }
    }

    /** How many times espeak-ng has been started by this engine. */
    long launches() {
        return espeak.launches();
    }

    private String problemWith(String text) {
        if (text == null || text.isBlank()) {
            return "there is no text to say";
        }
        int length = text.codePointCount(0, text.length());
        if (length > settings.maxTextLength()) {
            return "text is " + length + " characters long; the limit is " + settings.maxTextLength();
        }
        return null;
    }

    /**
     * The one synthesis of this prompt, started now unless one is already running. It leaves
     * the in-flight map when it ends, failed or not, so a failure is retried by the next request.
     */
    private Future<Speech> shared(String id, String text, String espeakVoice) {
        Promise<Speech> promise = Promise.promise();
        Future<Speech> running = inFlight.putIfAbsent(id, promise.future());
        if (running != null) {
            return running;
        }
        onWorker(() -> produce(id, text, espeakVoice)).onComplete(result -> {
            if (result.succeeded()) {
                index.put(result.result());
            }
            inFlight.remove(id);
            promise.handle(result);
        });
        return promise.future();
    }

    /** Unordered, so that prompts of different calls run side by side on the pool. */
    private Future<Speech> onWorker(Callable<Speech> work) {
        try {
            return workers.executeBlocking(work, false);
        } catch (RejectedExecutionException e) {
            // A closed pool refuses at once rather than failing the future.
            return Future.failedFuture(new TtsException("the " + POOL_NAME + " worker pool is closed", e));
        }
    }

    /** On a worker: reuse a valid file from an earlier run, otherwise run espeak-ng and store. */
    private Speech produce(String id, String text, String espeakVoice) {
        try {
            Speech onDisk = files.load(id);
            if (onDisk != null) {
                return onDisk;
            }
            if (files.exists(id)) {
                log.warn("Cached speech {} is not a valid WAV file; synthesising it again", id);
            }
            Pcm spoken = espeak.speak(text, espeakVoice, files.directory());
            Pcm telephony = new Resampler(spoken.sampleRate(), SAMPLE_RATE).resample(spoken);
            return files.store(id, telephony);
        } catch (IOException e) {
            throw new TtsException("speech cache " + settings.cacheDir() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TtsException("synthesis was interrupted", e);
        }
    }

    /**
     * Callers sharing one synthesis may sit on different event loops; each must get its result
     * on its own context, since a call's state is only touched there.
     */
    private Future<Speech> onCallersContext(Future<Speech> shared) {
        Context caller = vertx.getOrCreateContext();
        Promise<Speech> own = Promise.promise();
        shared.onComplete(result -> caller.runOnContext(ignored -> own.handle(result)));
        return own.future();
    }
}
