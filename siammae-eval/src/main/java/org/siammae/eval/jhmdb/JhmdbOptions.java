package org.siammae.eval.jhmdb;

import java.util.List;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.eval.TaskOptions;

/** Options of the JHMDB pose propagation task. */
public class JhmdbOptions extends TaskOptions {

    @Tunable(description = "clips to evaluate as <class>/<clip>; empty evaluates all")
    public List<String> clips = List.of();

    @Tunable(description = "evaluation frame height in pixels (CRW: 320)")
    public int height = 320;

    @Tunable(description = "evaluation frame width in pixels (CRW: 320)")
    public int width = 320;

    @Tunable(description = "Gaussian width of a joint heatmap in feature cells, > 0")
    public double sigma = 0.5;

    @Tunable(description = "highest cells averaged into a joint position, >= 1")
    public int topCells = 3;

    @Tunable(description = "PCK thresholds to report, fractions of the normaliser")
    public List<Double> thresholds = List.of(0.1, 0.2);

    @Override
    public void validate(ConfigProblems problems) {
        super.validate(problems);
        if (height <= 0 || width <= 0) {
            problems.add("height", "frame size must be positive, got " + height + " x " + width);
        }
        if (!(sigma > 0)) {
            problems.add("sigma", "must be positive, got " + sigma);
        }
        if (topCells < 1) {
            problems.add("top-cells", "must be at least 1, got " + topCells);
        }
    }
}
