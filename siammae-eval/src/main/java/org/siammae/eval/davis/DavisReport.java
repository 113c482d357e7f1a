package org.siammae.eval.davis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siammae.eval.report.CsvTable;

/** Writes DAVIS scores as the official tables plus a per-sequence table. */
public final class DavisReport {

    /** The global table, with the official column names. */
    public static final String GLOBAL_CSV = "global_results.csv";

    /** One row per object, named {@code <sequence>_<id>} as in the official table. */
    public static final String OBJECTS_CSV = "per-object_results.csv";

    /** One row per sequence: means over its objects. */
    public static final String SEQUENCES_CSV = "per-sequence_results.csv";

    private DavisReport() {}

    /**
     * Writes the three tables into a folder.
     *
     * @param folder the destination folder
     * @param scores the scores
     * @throws IOException if writing fails
     */
    public static void writeTables(Path folder, DavisScores scores) throws IOException {
        new CsvTable("J&F-Mean", "J-Mean", "J-Recall", "J-Decay", "F-Mean", "F-Recall", "F-Decay")
                .add(
                        scores.jfMean(),
                        scores.jMean(),
                        scores.jRecall(),
                        scores.jDecay(),
                        scores.fMean(),
                        scores.fRecall(),
                        scores.fDecay())
                .write(folder.resolve(GLOBAL_CSV));
        CsvTable objects = new CsvTable("Sequence", "J-Mean", "F-Mean");
        for (ObjectScores object : scores.objects()) {
            objects.add(object.name(), object.j().mean(), object.f().mean());
        }
        objects.write(folder.resolve(OBJECTS_CSV));
        CsvTable sequences =
                new CsvTable("Sequence", "Objects", "Frames scored", "J&F-Mean", "J-Mean", "F-Mean");
        for (Map.Entry<String, DavisScores> entry : scores.bySequence().entrySet()) {
            DavisScores sequence = entry.getValue();
            sequences.add(
                    entry.getKey(),
                    sequence.objects().size(),
                    sequence.objects().get(0).jaccard().length,
                    sequence.jfMean(),
                    sequence.jMean(),
                    sequence.fMean());
        }
        sequences.write(folder.resolve(SEQUENCES_CSV));
    }

    /**
     * Returns the scores as nested maps for the JSON summary.
     *
     * @param scores the scores
     */
    public static Map<String, Object> toMap(DavisScores scores) {
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("J&F-Mean", scores.jfMean());
        global.put("J-Mean", scores.jMean());
        global.put("J-Recall", scores.jRecall());
        global.put("J-Decay", scores.jDecay());
        global.put("F-Mean", scores.fMean());
        global.put("F-Recall", scores.fRecall());
        global.put("F-Decay", scores.fDecay());
        global.put("objects", scores.objects().size());

        Map<String, Object> sequences = new LinkedHashMap<>();
        for (Map.Entry<String, DavisScores> entry : scores.bySequence().entrySet()) {
            DavisScores sequence = entry.getValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("J&F-Mean", sequence.jfMean());
            row.put("J-Mean", sequence.jMean());
            row.put("F-Mean", sequence.fMean());
            List<Map<String, Object>> objects =
                    sequence.objects().stream()
                            .map(
                                    o -> {
                                        Map<String, Object> object = new LinkedHashMap<>();
                                        object.put("id", o.objectId());
                                        object.put("J", o.j());
                                        object.put("F", o.f());
                                        return object;
                                    })
                            .toList();
            row.put("objects", objects);
            sequences.put(entry.getKey(), row);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("global", global);
        out.put("sequences", sequences);
        return out;
    }
}
