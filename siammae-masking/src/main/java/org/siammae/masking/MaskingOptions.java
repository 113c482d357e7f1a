package org.siammae.masking;

import org.siammae.api.component.ComponentSpec;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;

/** Options shared by the masking policies. */
abstract class MaskingOptions {

    @Tunable(description = "mask pattern of every frame: random or grid", kind = "mask-pattern")
    ComponentSpec pattern = ComponentSpec.named("random");

    static void checkRatio(ConfigProblems problems, String key, double ratio) {
        if (!(ratio >= 0 && ratio < 1)) {
            problems.add(key, "must be a fraction in [0, 1), got " + ratio);
        }
    }
}
