package org.siammae.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The smallest experiment descriptor the tests train, shared by the trainer and sweep tests. */
public final class TinyExperiment {

    private static final String RESOURCE = "tiny-experiment.yaml";

    private TinyExperiment() {}

    /** Returns the descriptor's YAML text: 16 x 16 frames, patch 4, one block 16 wide, 2 steps. */
    public static String yaml() {
        try (InputStream in = TinyExperiment.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
