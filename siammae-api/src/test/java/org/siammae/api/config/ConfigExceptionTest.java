package org.siammae.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {

    @Test
    void messageListsProblemsByFileAndLine() {
        ConfigProblem late = new ConfigProblem("a.yaml", 12, "train.steps", "must be positive");
        ConfigProblem early = new ConfigProblem("a.yaml", 3, "model.encoder", "unknown encoder");
        ConfigProblem base = new ConfigProblem("-base.yaml", 7, "seed", "must be an integer");

        ConfigException exception = new ConfigException(List.of(late, early, base));

        assertThat(exception.getMessage().lines().toList()).containsExactly(
                "3 problems in the experiment descriptor:",
                "  " + base,
                "  " + early,
                "  " + late);
        // The list itself keeps the order in which the problems were found.
        assertThat(exception.problems()).containsExactly(late, early, base);
    }
}
