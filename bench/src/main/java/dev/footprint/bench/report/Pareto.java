package dev.footprint.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dev.footprint.bench.model.Metric;
import dev.footprint.bench.model.Results.Stat;
import dev.footprint.bench.model.Results.TargetResult;
import dev.footprint.bench.model.Summary;
import dev.footprint.bench.model.TargetKind;

/**
 * Memory against speed: each row with a needed limit, plotted by that limit and by the req/s it served at 50
 * connections there. A row is on the front when no other row needs no more memory and serves at least as much,
 * one of the two strictly; its cost per request served is MiB per 1,000 req/s.
 */
final class Pareto {

    /** @param from where the row comes from: the full run, or levers.md */
    record Point(String name, String from, double needsMiB, double requestsPerSecond) {

        double mibPer1000() {
            return needsMiB / (requestsPerSecond / 1000);
        }

        boolean dominatedBy(Point o) {
            return o.needsMiB <= needsMiB && o.requestsPerSecond >= requestsPerSecond
                    && (o.needsMiB < needsMiB || o.requestsPerSecond > requestsPerSecond);
        }
    }

    private Pareto() {
    }

    /**
     * The rows with a needed limit and req/s at 50 connections at it: the full run's variants and peers (its harness
     * ceiling and rows with a caveat aside: their req/s is not the stack's), then the levers rows.
     */
    static List<Point> points(List<TargetResult> full, String fullId, List<TargetResult> levers) {
        ArrayList<Point> out = new ArrayList<>();
        for (TargetResult r : full) {
            if (r.target().kind() != TargetKind.ceiling && r.target().caveat() == null) {
                point(r, "run `" + fullId + "`").ifPresent(out::add);
            }
        }
        for (TargetResult r : levers) {
            point(r, "levers").ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Point> point(TargetResult r, String from) {
        if (r.needs() == null || r.needs().neededBytes() <= 0) {
            return Optional.empty();
        }
        Stat rps = r.needs().atNeeded().get(Metric.rps_c50);
        return rps == null || !(rps.median() > 0) ? Optional.empty()
                : Optional.of(new Point(r.target().name(), from, r.needs().neededBytes() / Summary.MIB, rps.median()));
    }

    static boolean onFront(Point p, List<Point> all) {
        return all.stream().noneMatch(p::dominatedBy);
    }

    /** Every point, fewest MiB per 1,000 req/s first, with its figures and whether it is on the front. */
    static String table(List<Point> points) {
        if (points.isEmpty()) {
            return "No row has a needed limit yet.";
        }
        StringBuilder md = new StringBuilder("| row | from | needs (MiB) | req/s, 50 conn., at the needed limit | MiB per 1,000 req/s | on the front |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Point p : points.stream().sorted(Comparator.comparingDouble(Point::mibPer1000)).toList()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %,.0f | %.1f | %s |%n", p.name(), p.from(), p.needsMiB(),
                    p.requestsPerSecond(), p.mibPer1000(), onFront(p, points) ? "yes" : ""));
        }
        return md.toString();
    }

    /** The points, and the front as a line through them in order of req/s. */
    static XYChart chart(List<Point> points) {
        XYChart chart = new XYChartBuilder().width(960).height(540)
                .title("Needed limit against req/s at 50 connections (at that limit): lower right is better")
                .xAxisTitle("req/s").yAxisTitle("needed limit, MiB").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setMarkerSize(9);
        for (Point p : points) {
            chart.addSeries(p.name(), new double[] { p.requestsPerSecond() }, new double[] { p.needsMiB() });
        }
        List<Point> front = points.stream().filter(p -> onFront(p, points)).sorted(Comparator.comparingDouble(Point::requestsPerSecond)).toList();
        if (!front.isEmpty()) {
            chart.addSeries("front", front.stream().mapToDouble(Point::requestsPerSecond).toArray(),
                    front.stream().mapToDouble(Point::needsMiB).toArray()).setXYSeriesRenderStyle(XYSeriesRenderStyle.Line)
                    .setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }
}
