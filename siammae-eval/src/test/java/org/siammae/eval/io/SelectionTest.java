package org.siammae.eval.io;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final List<String> SEQUENCES = List.of("blackswan", "car-shadow", "kite-surf", "libby");

    @Test
    void misspeltNameGetsSuggestion() {
        assertThatThrownBy(() -> Selection.requireAvailable("sequence", "sequences", List.of("libby", "blackswam"), SEQUENCES,
                        Path.of("davis")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence 'blackswam' is not in davis (did you mean 'blackswan'?); available:"
                        + " blackswan, car-shadow, kite-surf, libby");
    }

    @Test
    void availableOrEmptySelectionPasses() {
        assertThatCode(() -> Selection.requireAvailable("sequence", "sequences", List.of("kite-surf"), SEQUENCES, Path.of("d")))
                .doesNotThrowAnyException();
        assertThatCode(() -> Selection.requireAvailable("sequence", "sequences", List.of(), SEQUENCES, Path.of("d")))
                .doesNotThrowAnyException();
    }
}
