package org.siammae.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir Path folder;

    @Test
    void writtenFileIsReadableByOthers() throws IOException {
        Path file = folder.resolve("report.md");

        AtomicFiles.writeString(file, "hello");

        assertThat(file).hasContent("hello");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void failedWriteKeepsOldContentAndNoTemporary() throws IOException {
        Path file = folder.resolve("summary.json");
        AtomicFiles.writeString(file, "old");

        assertThatThrownBy(
                        () ->
                                AtomicFiles.write(
                                        file,
                                        out -> {
                                            out.write(1);
                                            throw new IOException("disk full");
                                        }))
                .hasMessage("disk full");

        assertThat(file).hasContent("old");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }
}
