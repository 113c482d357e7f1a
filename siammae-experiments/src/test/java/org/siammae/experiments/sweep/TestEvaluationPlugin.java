package org.siammae.experiments.sweep;

import com.google.inject.AbstractModule;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.Registrations;
import org.siammae.api.component.SiamMaePlugin;
import org.siammae.experiments.evaluate.EvaluationTask;

/** Registers {@link CheckpointStatsTask} for the tests of this module. */
public final class TestEvaluationPlugin extends AbstractModule implements SiamMaePlugin {

    @Override
    protected void configure() {
        Registrations.of(binder(), EvaluationTask.KIND)
                .addBinding(CheckpointStatsTask.NAME)
                .toInstance(ComponentProvider.of(
                        "Test task: reports the target masking ratio and the mean absolute weight of a"
                                + " checkpoint.",
                        CheckpointStatsTask.Options::new,
                        (options, context) -> new CheckpointStatsTask(options)));
    }
}
