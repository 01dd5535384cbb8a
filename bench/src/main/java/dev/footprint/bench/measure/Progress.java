package dev.footprint.bench.measure;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows where a long run is: target, repetition, phase and time left, as a progress bar that
 * advances once a second, plus one plain line per phase so that CI logs show it too.
 */
public final class Progress implements AutoCloseable {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress");
        t.setDaemon(true);
        return t;
    });
    private ProgressBar bar;
    private String label = "";

    public Progress() {
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    public synchronized void repetition(String target, int rep, int reps, long plannedSeconds, int targetIndex, int targets) {
        closeBar();
        label = String.format("[%d/%d] %s rep %d/%d", targetIndex, targets, target, rep, reps);
        bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(plannedSeconds).setUnit(" s", 1)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().setMaxRenderedLength(110).build();
    }

    synchronized void phase(String phase, long seconds) {
        System.out.printf("%n%s: %s (%d s)%n", label, phase, seconds);
        if (bar != null) {
            bar.setExtraMessage(phase);
        }
    }

    private synchronized void tick() {
        if (bar != null && bar.getCurrent() < bar.getMax()) {
            bar.step();
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        closeBar();
        ticker.shutdownNow();
    }
}
