package org.siammae.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.siammae.api.data.SampleBatch;
import org.siammae.api.model.ModelGeometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles batches on background threads and hands them out in order.
 *
 * <p>Batch {@code k} contains clip tasks {@code k * P .. (k + 1) * P - 1}, P = B / r clips per batch,
 * and task {@code g} writes its r samples at batch positions {@code (g mod P) * r ..}. Workers claim
 * tasks in increasing order and fill them in parallel, so batch 0 is ready as soon as its P tasks
 * are done, whatever the worker count. At most {@code capacity} batches exist at once (handed-out
 * ones excluded), which bounds memory: a worker whose next task falls beyond that window waits.
 */
final class BatchQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchQueue.class);
    private static final long JOIN_MILLIS = 10_000;

    /** A batch being filled. */
    private static final class Pending {
        final float[] values;
        int remaining;
        Throwable failure;

        Pending(int values, int tasks) {
            this.values = new float[values];
            this.remaining = tasks;
        }
    }

    private final ClipLoader loader;
    private final ModelGeometry geometry;
    private final int clipsPerBatch;
    private final int batchSize;
    private final int capacity;
    private final Object lock = new Object();
    private final Map<Long, Pending> pending = new HashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private long nextTask;
    private long delivered;
    private boolean closed;

    /**
     * Creates the queue and starts its workers.
     *
     * @param loader fills clip tasks
     * @param geometry the sample layout
     * @param batchSize B, a multiple of r
     * @param repeats r, samples per clip task
     * @param capacity batches in memory at once, 1 or more
     * @param workerCount background threads; 0 fills batches on the thread that takes them
     */
    BatchQueue(
            ClipLoader loader,
            ModelGeometry geometry,
            int batchSize,
            int repeats,
            int capacity,
            int workerCount) {
        if (batchSize % repeats != 0) {
            throw new IllegalArgumentException(
                    "batch size " + batchSize + " is not a multiple of repeated sampling " + repeats);
        }
        this.loader = loader;
        this.geometry = geometry;
        this.batchSize = batchSize;
        this.clipsPerBatch = batchSize / repeats;
        this.capacity = capacity;
        for (int i = 0; i < workerCount; i++) {
            Thread thread = new Thread(this::work, "siammae-data-" + i);
            thread.setDaemon(true);
            workers.add(thread);
        }
        workers.forEach(Thread::start);
    }

    /** Returns the number of batches allocated and not yet handed out. */
    int pendingBatches() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /**
     * Returns the next batch, waiting until it is complete.
     *
     * @throws IOException if a clip task of the batch failed
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    SampleBatch take() throws IOException, InterruptedException {
        long batch;
        Pending done;
        if (workers.isEmpty()) {
            synchronized (lock) {
                ensureOpen();
                batch = delivered++;
            }
            done = new Pending(batchSize * loader.sampleValues(), clipsPerBatch);
            for (int slot = 0; slot < clipsPerBatch; slot++) {
                run(batch * clipsPerBatch + slot, done);
            }
        } else {
            synchronized (lock) {
                ensureOpen();
                batch = delivered;
                done = pendingFor(batch);
                while (done.remaining > 0 && !closed) {
                    lock.wait();
                }
                ensureOpen();
                pending.remove(batch);
                delivered++;
                lock.notifyAll();
            }
        }
        if (done.failure != null) {
            throw new IOException(
                    "could not assemble batch " + batch + ": " + done.failure.getMessage(), done.failure);
        }
        long epoch = batch * clipsPerBatch / loader.clipCount();
        return new SampleBatch(
                done.values,
                batchSize,
                geometry.frames(),
                geometry.channels(),
                geometry.imageHeight(),
                geometry.imageWidth(),
                (int) Math.min(Integer.MAX_VALUE, epoch));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the data pipeline is closed");
        }
    }

    private void work() {
        while (true) {
            long task;
            Pending target;
            synchronized (lock) {
                try {
                    while (!closed && nextTask / clipsPerBatch >= delivered + capacity) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                task = nextTask++;
                target = pendingFor(task / clipsPerBatch);
            }
            run(task, target);
            synchronized (lock) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Fills one task and records its completion or failure in its batch. */
    private void run(long task, Pending target) {
        Throwable failure = null;
        try {
            loader.fill(task, target.values, (int) (task % clipsPerBatch) * (batchSize / clipsPerBatch));
        } catch (IOException | RuntimeException | Error e) {
            // take() rethrows it to the training thread with the batch number.
            failure = e;
        }
        synchronized (lock) {
            if (failure != null && target.failure == null) {
                target.failure = failure;
            }
            target.remaining--;
            if (target.remaining == 0) {
                lock.notifyAll();
            }
        }
    }

    /** Returns the pending batch, creating it; the caller holds the lock. */
    private Pending pendingFor(long batch) {
        return pending.computeIfAbsent(
                batch, b -> new Pending(batchSize * loader.sampleValues(), clipsPerBatch));
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
            lock.notifyAll();
        }
        for (Thread worker : workers) {
            worker.interrupt();
        }
        for (Thread worker : workers) {
            try {
                worker.join(JOIN_MILLIS);
                if (worker.isAlive()) {
                    LOG.warn("Data worker {} did not stop within {} ms", worker.getName(), JOIN_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
