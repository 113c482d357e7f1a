package org.siammae.eval;

import java.util.Locale;
import java.util.function.Supplier;
import org.siammae.eval.davis.DavisOptions;
import org.siammae.eval.jhmdb.JhmdbOptions;
import org.siammae.eval.vip.VipOptions;

/** The evaluation tasks, each with its options class. */
public enum EvalTask {
    /** Video object segmentation, J and F. */
    DAVIS(DavisOptions::new),
    /** Pose keypoint propagation, PCK. */
    JHMDB(JhmdbOptions::new),
    /** Human part propagation, mean IoU. */
    VIP(VipOptions::new);

    private final Supplier<? extends TaskOptions> options;

    EvalTask(Supplier<? extends TaskOptions> options) {
        this.options = options;
    }

    /** Returns a fresh options object holding the task's defaults. */
    public TaskOptions newOptions() {
        return options.get();
    }

    /** Returns the name used in descriptors and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
