package org.siammae.experiments.evaluate;

import com.google.inject.AbstractModule;
import java.util.function.Supplier;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.Registrations;
import org.siammae.api.component.SiamMaePlugin;
import org.siammae.eval.EvalTask;
import org.siammae.eval.TaskOptions;

/** Registers the label propagation benchmarks as {@link EvaluationTask}s. */
public final class EvaluationPlugin extends AbstractModule implements SiamMaePlugin {

    @Override
    protected void configure() {
        var tasks = Registrations.of(binder(), EvaluationTask.KIND);
        tasks.addBinding(EvalTask.DAVIS.key())
                .toInstance(provider(EvalTask.DAVIS, "DAVIS video object segmentation by label propagation: J and F"));
        tasks.addBinding(EvalTask.JHMDB.key())
                .toInstance(provider(EvalTask.JHMDB, "JHMDB pose keypoint propagation: PCK@0.1 and PCK@0.2"));
        tasks.addBinding(EvalTask.VIP.key())
                .toInstance(provider(EvalTask.VIP, "VIP human part propagation: mean IoU over 20 classes"));
    }

    private static ComponentProvider<EvaluationTask> provider(EvalTask task, String description) {
        Supplier<TaskOptions> options = task::newOptions;
        return ComponentProvider.of(
                description, options, (bound, context) -> LabelPropagationTask.create(task, bound, context));
    }
}
