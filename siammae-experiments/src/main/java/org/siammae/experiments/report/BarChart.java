package org.siammae.experiments.report;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.siammae.api.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.siammae.experiments.sweep.Reference;
import org.siammae.experiments.sweep.ScaleProfile;

/**
 * The bar chart of a table report: for the first metric, one group of bars per cell, ours (mean,
 * whiskers spanning the 95% confidence interval when there are 2 or more seeds) beside the
 * published value.
 */
final class BarChart {

    /** The chart's file name in the report folder. */
    static final String FILE = "chart.png";

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private BarChart() {}

    /**
     * Draws the chart of a report's first metric.
     *
     * @param report the report
     * @param file the PNG file, written atomically
     * @return whether a chart was written (false when no cell has a value to draw)
     * @throws IOException if the file cannot be written
     */
    static boolean write(TableReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        String metric = report.chartedMetric();
        Reference reference = report.plan().reference();
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        boolean any = false;
        for (TableReport.CellSummary cell : report.cells()) {
            String id = cell.cell().id();
            SeedStatistics stats = cell.statistics().get(metric);
            if (stats != null && stats.n() > 0) {
                Number halfWidth = stats.n() > 1 ? Double.valueOf(stats.halfWidth()) : null;
                dataset.add(Double.valueOf(stats.mean()), halfWidth, "ours", id);
                any = true;
            } else {
                dataset.add(null, null, "ours", id);
            }
            Double paper = reference.value(id, metric);
            dataset.add(paper, null, "paper", id);
            any |= paper != null;
        }
        if (!any) {
            return false;
        }

        CategoryAxis cells = new CategoryAxis("cell");
        cells.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis values = new NumberAxis(metric + " (" + report.unit() + ")");
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xbbbbbb));
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setDrawBarOutline(false);
        CategoryPlot plot = new CategoryPlot(dataset, cells, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));

        String scale = report.plan().scale().map(ScaleProfile::name).orElse("as written");
        JFreeChart chart = new JFreeChart(report.plan().name() + " - " + metric,
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle("scale " + scale + "; ours: mean over seeds, whiskers 95% CI (2+ seeds)"
                + (reference.source().isEmpty() ? "" : "; paper: " + reference.source()),
                new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        chart.setBackgroundPaint(Color.WHITE);

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        AtomicFiles.writeBytes(file, png.toByteArray());
        return true;
    }
}
