package org.siammae.experiments.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.siammae.api.io.AtomicFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The loss curve of one run, drawn from its {@code metrics.csv} (loss against optimiser step). */
final class LossChart {

    /** The chart's file name in the run folder. */
    static final String FILE = "loss.png";

    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;

    private LossChart() {}

    /**
     * Draws the loss curve of a run.
     *
     * @param runFolder the run folder with {@code metrics.csv}
     * @param title the chart title
     * @return whether a chart was written (false without logged steps)
     * @throws IOException if the log cannot be read or the file cannot be written
     */
    static boolean write(Path runFolder, String title) throws IOException {
        Path log = runFolder.resolve("metrics.csv");
        if (!Files.isRegularFile(log)) {
            return false;
        }
        XYSeries loss = new XYSeries("loss");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.split(",");
            if (fields.length >= 3 && fields[0].matches("\\d+")) {
                loss.addOrUpdate(Double.parseDouble(fields[0]), Double.parseDouble(fields[2]));
            }
        }
        if (loss.isEmpty()) {
            return false;
        }
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, "step", "loss", new XYSeriesCollection(loss), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.getRenderer().setSeriesPaint(0, new Color(0x1f77b4));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        chart.setBackgroundPaint(Color.WHITE);

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        Path file = runFolder.resolve(FILE);
        AtomicFiles.writeBytes(file, png.toByteArray());
        return true;
    }
}
