package org.patchbay.adapters.redis;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Response;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Operations that one Lua script carries out many at a time: while {@code batchesInFlight} batches are with Redis,
 * the next operations gather, then go together in one call of the script, which carries them out in the order they
 * were asked for. A busy caller thus pays a script call's cost (in Redis and in the client) once per batch rather
 * than once per operation; an idle one sends at once. Each operation's answer is read from the batch's reply by its
 * place in the batch.
 *
 * @param <O> one operation
 * @param <A> what it answers
 */
public final class ScriptBatches<O, A> {
    /** Runs one batch: a call of the script with every operation's keys and arguments, in order. */
    public interface Send<O> {
        Future<Response> batch(List<O> operations);
    }

    /** The answer of the operation at {@code place} in its batch, from the batch's reply. */
    public interface Answer<O, A> {
        A of(Response reply, int place, O operation);
    }

    private record Pending<O, A>(O operation, Promise<A> answered) {
    }

    private final int mostPerBatch;
    private final int batchesInFlight;
    private final Send<O> send;
    private final Answer<O, A> answer;
    private final ArrayDeque<Pending<O, A>> waiting = new ArrayDeque<>();
    private int inFlight;

    public ScriptBatches(int mostPerBatch, int batchesInFlight, Send<O> send, Answer<O, A> answer) {
        this.mostPerBatch = mostPerBatch;
        this.batchesInFlight = batchesInFlight;
        this.send = send;
        this.answer = answer;
    }

    public Future<A> submit(O operation) {
        Pending<O, A> pending = new Pending<>(operation, Promise.promise());
        List<Pending<O, A>> batch;
        synchronized (this) {
            waiting.add(pending);
            if (inFlight >= batchesInFlight) {
                return pending.answered().future();
            }
            inFlight++;
            batch = take();
        }
        run(batch);
        return pending.answered().future();
    }

    private void run(List<Pending<O, A>> batch) {
        send.batch(batch.stream().map(Pending::operation).toList()).onComplete(done -> {
            settle(batch, done);
            List<Pending<O, A>> next;
            synchronized (this) {
                next = waiting.isEmpty() ? null : take();
                if (next == null) {
                    inFlight--;
                }
            }
            if (next != null) {
                run(next);
            }
        });
    }

    private void settle(List<Pending<O, A>> batch, AsyncResult<Response> done) {
        for (int place = 0; place < batch.size(); place++) {
            Pending<O, A> pending = batch.get(place);
            if (done.failed()) {
                pending.answered().fail(done.cause());
            } else {
                pending.answered().complete(answer.of(done.result(), place, pending.operation()));
            }
        }
    }

    private List<Pending<O, A>> take() {
        List<Pending<O, A>> batch = new ArrayList<>(Math.min(waiting.size(), mostPerBatch));
        while (!waiting.isEmpty() && batch.size() < mostPerBatch) {
            batch.add(waiting.poll());
        }
        return batch;
    }
}
