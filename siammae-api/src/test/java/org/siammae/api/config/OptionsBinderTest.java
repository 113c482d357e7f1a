package org.siammae.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siammae.api.component.ComponentSpec;

class OptionsBinderTest {

    enum Mode {
        CROSS_SELF,
        JOINT
    }

    static class Options implements ValidatedOptions {
        @Tunable(description = "an integer")
        int depth = 2;

        @Tunable(description = "a fraction")
        double ratio = 0.5;

        @Tunable(description = "a mode")
        Mode mode = Mode.JOINT;

        @Tunable(description = "a list")
        List<Integer> sizes = List.of();

        @Tunable(description = "a nested component", kind = "mask-pattern")
        ComponentSpec pattern = ComponentSpec.named("random");

        @Tunable(description = "must be given", required = true)
        String root;

        @Override
        public void validate(ConfigProblems problems) {
            if (ratio >= 1) {
                problems.add("ratio", "must be below 1, got " + ratio);
            }
        }
    }

    private static List<ConfigProblem> bind(Map<String, Object> values, Options options) {
        ConfigProblems problems = new ConfigProblems(ConfigLocation.of("test.yaml"));
        OptionsBinder.bind(values, options, problems.under("model.encoder"));
        return problems.list();
    }

    @Test
    void valuesOfEveryKindAreSet() {
        Options options = new Options();

        List<ConfigProblem> problems =
                bind(
                        Map.of(
                                "depth", 4, "ratio", 0, "mode", "cross-self", "sizes", List.of(1, 2),
                                "pattern", Map.of("name", "grid"), "root", "/data"),
                        options);

        assertThat(problems).isEmpty();
        assertThat(options.depth).isEqualTo(4);
        assertThat(options.ratio).isEqualTo(0.0);
        assertThat(options.mode).isEqualTo(Mode.CROSS_SELF);
        assertThat(options.sizes).containsExactly(1, 2);
        assertThat(options.pattern.name()).isEqualTo("grid");
        assertThat(options.pattern.keyPath()).isEqualTo("model.encoder.pattern");
    }

    @Test
    void unknownKeySuggestsClosest() {
        List<ConfigProblem> problems = bind(Map.of("dept", 3, "root", "x"), new Options());

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).key()).isEqualTo("model.encoder.dept");
        assertThat(problems.get(0).message()).contains("did you mean 'depth'?");
    }

    @Test
    void fractionIsRejectedForInteger() {
        List<ConfigProblem> problems = bind(Map.of("depth", 2.5, "root", "x"), new Options());

        assertThat(problems).singleElement().extracting(ConfigProblem::message).isEqualTo("must be an integer, got 2.5");
    }

    @Test
    void stringIsNeverParsedAsNumber() {
        List<ConfigProblem> problems = bind(Map.of("ratio", "0.5", "root", "x"), new Options());

        assertThat(problems).singleElement().extracting(ConfigProblem::message).isEqualTo("must be a number, got string '0.5'");
    }

    @Test
    void unknownEnumListsChoices() {
        List<ConfigProblem> problems = bind(Map.of("mode", "cross", "root", "x"), new Options());

        assertThat(problems.get(0).message()).isEqualTo("must be one of cross-self, joint, got 'cross'");
    }

    @Test
    void badListItemIsNamed() {
        List<ConfigProblem> problems = bind(Map.of("sizes", List.of(1, "two"), "root", "x"), new Options());

        assertThat(problems.get(0).message()).isEqualTo("item 1 must be an integer, got string 'two'");
    }

    @Test
    void missingRequiredAndInvalidAreAllReported() {
        List<ConfigProblem> problems = bind(Map.of("ratio", 2), new Options());

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("model.encoder.root", "model.encoder.ratio");
        assertThat(problems.get(0).message()).startsWith("missing required key");
    }

    /** Options whose default fails its own range check, as a required size would. */
    static class SizeOptions implements ValidatedOptions {
        @Tunable(description = "a positive size")
        int size = 0;

        @Override
        public void validate(ConfigProblems problems) {
            if (size <= 0) {
                problems.add("size", "must be positive, got " + size);
            }
        }
    }

    @Test
    void wrongTypeSkipsRangeChecks() {
        ConfigProblems wrongType = new ConfigProblems(ConfigLocation.of("test.yaml"));
        ConfigProblems missing = new ConfigProblems(ConfigLocation.of("test.yaml"));

        OptionsBinder.bind(Map.of("size", "big"), new SizeOptions(), wrongType);
        OptionsBinder.bind(Map.of(), new SizeOptions(), missing);

        // size keeps its default 0 after the failed conversion; the range check must not say so.
        assertThat(wrongType.list()).singleElement().extracting(ConfigProblem::message)
                .isEqualTo("must be an integer, got string 'big'");
        assertThat(missing.list()).singleElement().extracting(ConfigProblem::message)
                .isEqualTo("must be positive, got 0");
    }

    @Test
    void componentsListDefaultsAsWritten() {
        Map<String, Object> defaults = new java.util.LinkedHashMap<>();
        OptionsBinder.describe(new Options()).forEach(f -> defaults.put(f.key(), f.defaultValue()));

        assertThat(defaults).containsEntry("mode", "joint").containsEntry("pattern", "random").containsEntry("root", "unset");
    }

    @Test
    void toMapBindsBackToEqualOptions() {
        Options original = new Options();
        original.depth = 7;
        original.root = "/r";
        Options copy = new Options();

        List<ConfigProblem> problems = bind(OptionsBinder.toMap(original), copy);

        assertThat(problems).isEmpty();
        assertThat(copy.depth).isEqualTo(7);
        assertThat(copy.mode).isEqualTo(Mode.JOINT);
        assertThat(copy.root).isEqualTo("/r");
    }

    @Test
    void kebabCaseOfIdentifiers() {
        assertThat(OptionsBinder.kebab("f2Ratio")).isEqualTo("f2-ratio");
        assertThat(OptionsBinder.kebab("CROSS_SELF")).isEqualTo("cross-self");
    }
}
