package io.bpo.notifications.worker;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A background thread that runs a unit of work until it reports nothing done, then waits for a wake-up (a commit
 * that queued work) or the poll interval (work that became due, another replica's commits).
 */
public final class WorkerLoop {
    private final String name;
    private final Duration pollInterval;
    private final Callable<Integer> work;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;

    public WorkerLoop(String name, Duration pollInterval, Callable<Integer> work) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.work = work;
    }

    public void start() {
        running = true;
        Thread thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        wake();
    }

    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                while (running && work.call() > 0) {
                    // more may be due
                }
            } catch (Exception e) {
                Log.warnf(e, "%s failed; trying again in %s", name, pollInterval);
            }
            try {
                if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
