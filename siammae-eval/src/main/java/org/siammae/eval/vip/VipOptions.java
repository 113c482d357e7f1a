package org.siammae.eval.vip;

import java.util.List;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.eval.TaskOptions;

/** Options of the VIP human part propagation task. */
public class VipOptions extends TaskOptions {

    @Tunable(description = "videos to evaluate; empty evaluates all")
    public List<String> videos = List.of();

    @Tunable(description = "long side of the evaluation frames in pixels (VIP protocol: 880)")
    public int longSide = 880;

    @Tunable(description = "number of part classes including background (VIP: 20)")
    public int classes = 20;

    @Tunable(description = "context cells kept per target cell on VIP (protocol: 10), >= 1")
    public int topK = 10;

    @Override
    public void validate(ConfigProblems problems) {
        super.validate(problems);
        if (longSide <= 0) {
            problems.add("long-side", "must be positive, got " + longSide);
        }
        if (classes < 2 || classes > 255) {
            problems.add("classes", "must be in [2, 255], got " + classes);
        }
        if (topK < 1) {
            problems.add("top-k", "must be at least 1, got " + topK);
        }
    }
}
