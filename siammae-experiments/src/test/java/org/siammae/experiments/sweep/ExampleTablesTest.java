package org.siammae.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.SiamMae;
import org.siammae.api.nn.ParameterInit;
import org.siammae.api.random.RunRandom;
import org.siammae.experiments.evaluate.EvaluationTask;

/** Loads every table of {@code examples/tables} at both scales, as 'siammae check' would. */
class ExampleTablesTest {

    private static final Path TABLES = Path.of("").toAbsolutePath().getParent().resolve("examples/tables");

    @TempDir Path output;

    /**
     * Returns the overrides for loading: runs go to a temporary folder, and while no 'davis'
     * evaluation is registered (the evaluation module registers it) the evaluations are left out.
     */
    private List<String> overrides(String scale) {
        List<String> overrides = new ArrayList<>(List.of("output=" + output, "scale=" + scale));
        if (!TinyTables.REGISTRY.providers(EvaluationTask.KIND).containsKey("davis")) {
            overrides.add("evaluate=[]");
        }
        return overrides;
    }

    @ParameterizedTest
    @CsvSource({
        "main-table, 2, vit-s8",
        "ablation-a-framemae, 4, framemae-s0.75",
        "ablation-b-encoder-decoder, 6, encoder-joint_decoder-cross-self",
        "ablation-c-symmetric, 5, s0.50-grid",
        "ablation-d-asymmetric, 4, target-ratio-0.9",
        "ablation-e-augmentation, 4, colour",
        "ablation-f-frame-gap, 5, random-4-48",
        "ablation-g-length-patch, 6, p8_epochs-800"
    })
    void tableLoadsAtBothScales(String name, int cells, String someCell) throws Exception {
        assumeTrue(Files.isDirectory(TABLES), "examples/tables not found from " + Path.of("").toAbsolutePath());
        Path file = TABLES.resolve(name + ".yaml");

        TablePlan paper = TablePlan.load(file, overrides("paper"), TinyTables.REGISTRY, TablePlan.Purpose.REPORT);
        TablePlan tiny = TablePlan.load(file, overrides("tiny"), TinyTables.REGISTRY, TablePlan.Purpose.REPORT);

        assertThat(paper.sweep().cells()).hasSize(cells).extracting(Sweep.Cell::id).contains(someCell);
        assertThat(paper.reference().cells()).isNotEmpty();
        assertThat(paper.folder()).isEqualTo(output.resolve(name + "-paper"));
        assertThat(tiny.folder()).isEqualTo(output.resolve(name + "-tiny"));
        assertThat(paper.runs().get(0).spec().descriptor().get("model.image-size")).isEqualTo(224);
        assertThat(tiny.runs().get(0).spec().descriptor().get("model.image-size")).isEqualTo(80);
        for (CellRun run : tiny.runs()) {
            buildAndMask(run);
        }
    }

    /** Builds a tiny run's model and draws masks, which fails if a ratio leaves no visible patch. */
    private static void buildAndMask(CellRun run) {
        ComponentContext context = ComponentContext.of(TinyTables.REGISTRY, new RunRandom(0), Path.of(""));
        ModelGeometry geometry = run.spec().model().geometry(run.spec().data().framesPerSample(context));
        try (NDManager manager = NDManager.newBaseManager()) {
            SiamMae model = run.spec().model().build(geometry, context);
            ParameterInit.initialize(model, manager, new Random(0));
            assertThat(model.sampleMasks(2, new Random(1))).as(run.label()).isNotNull();
        }
    }

    @ParameterizedTest
    @CsvSource({"ablation-d-asymmetric, target-ratio-0.5, 49.0", "main-table, vit-s8, 71.4"})
    void tablesCarryThePublishedValues(String name, String cell, double jAndF) throws Exception {
        assumeTrue(Files.isDirectory(TABLES), "examples/tables not found from " + Path.of("").toAbsolutePath());
        TablePlan plan = TablePlan.load(
                TABLES.resolve(name + ".yaml"), overrides("paper"), TinyTables.REGISTRY, TablePlan.Purpose.REPORT);

        // Values from the SiamMAE paper's tables (Gupta et al., NeurIPS 2023).
        assertThat(plan.reference().value(cell, "davis/J&F-Mean")).isEqualTo(jAndF);
        assertThat(plan.reference().metrics()).startsWith("davis/J&F-Mean", "davis/J-Mean", "davis/F-Mean");
        // The published J&F is the mean of J and F, rounded to one decimal.
        assertThat(plan.reference().cells()).allSatisfy((id, values) ->
                assertThat(values.get(0)).as(id).isCloseTo((values.get(1) + values.get(2)) / 2, within(0.051)));
    }
}
