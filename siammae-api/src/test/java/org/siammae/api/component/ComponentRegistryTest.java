package org.siammae.api.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.masking.MaskPattern;
import org.siammae.api.random.RunRandom;

class ComponentRegistryTest {

    static class StrideOptions {
        @Tunable(description = "keep every n-th patch")
        int stride = 2;
    }

    /** Keeps the first patches; enough to exercise registration and binding. */
    static final class FirstPatches implements MaskPattern {
        final int stride;

        FirstPatches(int stride) {
            this.stride = stride;
        }

        @Override
        public int[] visiblePatches(int gridHeight, int gridWidth, int numVisible, java.util.Random random) {
            int[] indices = new int[numVisible];
            for (int i = 0; i < numVisible; i++) {
                indices[i] = i * stride;
            }
            return indices;
        }
    }

    static final class TestPlugin extends AbstractModule implements SiamMaePlugin {
        @Override
        protected void configure() {
            Registrations.of(binder(), ComponentKind.MASK_PATTERN)
                    .addBinding("first")
                    .toInstance(
                            ComponentProvider.of(
                                    "the first patches", StrideOptions::new,
                                    (options, context) -> new FirstPatches(options.stride)));
        }
    }

    private final ComponentRegistry registry = ComponentRegistry.of(new TestPlugin());
    private final ComponentContext context =
            ComponentContext.of(registry, new RunRandom(0), Path.of("."));

    @Test
    void createsComponentWithBoundOptions() {
        ComponentSpec spec = ComponentSpec.named("first", Map.of("stride", 3));

        MaskPattern pattern = registry.create(ComponentKind.MASK_PATTERN, spec, context);

        assertThat(pattern.visiblePatches(4, 4, 3, null)).containsExactly(0, 3, 6);
    }

    @Test
    void unknownNameListsRegistered() {
        ComponentSpec spec =
                ComponentSpec.parse("frist", "model.masking.pattern", ConfigLocation.of("a.yaml"));

        assertThatThrownBy(() -> registry.create(ComponentKind.MASK_PATTERN, spec, context))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "a.yaml: key 'model.masking.pattern': unknown mask-pattern 'frist' (did you"
                                + " mean 'first'?); registered mask-pattern components: first");
    }

    @Test
    void checkReportsOptionProblemsWithFullKey() {
        ConfigProblems problems = new ConfigProblems(ConfigLocation.of("a.yaml"));
        ComponentSpec spec =
                ComponentSpec.parse(Map.of("name", "first", "strid", 2), "p", ConfigLocation.of("a.yaml"));

        registry.check(ComponentKind.MASK_PATTERN, spec, problems);

        assertThat(problems.list()).singleElement().extracting(p -> p.key()).isEqualTo("p.strid");
    }

    @Test
    void kindsListOnlyRegisteredKinds() {
        assertThat(registry.kinds()).containsExactly(ComponentKind.MASK_PATTERN);
        assertThat(registry.providers(ComponentKind.ENCODER)).isEmpty();
    }

    @Test
    void componentWithoutNameIsRejected() {
        assertThatThrownBy(() -> ComponentSpec.parse(Map.of("depth", 2), "model.encoder", ConfigLocation.of("a.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.encoder.name")
                .hasMessageContaining("missing component name");
    }
}
