package org.siammae.eval.davis;

import java.util.List;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.eval.TaskOptions;

/** Options of the DAVIS video object segmentation task. */
public class DavisOptions extends TaskOptions {

    @Tunable(description = "resolution folder under JPEGImages and Annotations")
    public String resolution = "480p";

    @Tunable(description = "image set read from ImageSets/2017/<subset>.txt when that file exists")
    public String subset = "val";

    @Tunable(description = "sequence names to evaluate; empty evaluates all")
    public List<String> sequences = List.of();

    @Tunable(
            description =
                    "annotation values: auto (palette PNG = object ids, grayscale = one object),"
                            + " object-ids or single-object")
    public AnnotationFormat format = AnnotationFormat.AUTO;

    @Tunable(
            description =
                    "boundary tolerance of F: a fraction of the image diagonal below 1 (official"
                            + " 0.008) or pixels from 1 up")
    public double boundThreshold = DavisMetrics.DEFAULT_BOUND_THRESHOLD;

    @Override
    public void validate(ConfigProblems problems) {
        super.validate(problems);
        if (!(boundThreshold > 0)) {
            problems.add("bound-threshold", "must be positive, got " + boundThreshold);
        }
    }
}
