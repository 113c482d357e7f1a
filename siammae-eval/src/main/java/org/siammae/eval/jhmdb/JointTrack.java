package org.siammae.eval.jhmdb;

import java.io.IOException;
import java.nio.file.Path;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;

/**
 * The joint positions of one JHMDB clip: {@code positions[t][j] = {x, y}} in 0-based pixel
 * coordinates of the original frames.
 *
 * @param positions per frame, per joint, {x, y}
 */
public record JointTrack(double[][][] positions) {

    /** JHMDB annotates 15 joints per frame. */
    public static final int JOINTS = 15;

    /** Returns the number of annotated frames. */
    public int frames() {
        return positions.length;
    }

    /**
     * Reads {@code pos_img} from a {@code joint_positions.mat} file (MATLAB v5), a 2 x 15 x T
     * matrix of 1-based pixel coordinates, and converts it to 0-based.
     *
     * @param file the MAT file
     * @throws IOException if the file cannot be read or has no 2 x J x T {@code pos_img}
     */
    public static JointTrack read(Path file) throws IOException {
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            Matrix positions;
            try {
                positions = mat.getMatrix("pos_img");
            } catch (RuntimeException e) {
                throw new IOException(
                        "no numeric matrix 'pos_img' in " + file + ": " + e.getMessage(), e);
            }
            int[] dims = positions.getDimensions();
            if (dims.length != 3 || dims[0] != 2) {
                throw new IOException(
                        "'pos_img' in "
                                + file
                                + " must be 2 x joints x frames, got "
                                + java.util.Arrays.toString(dims));
            }
            int joints = dims[1];
            int frames = dims[2];
            double[][][] out = new double[frames][joints][2];
            for (int t = 0; t < frames; t++) {
                for (int j = 0; j < joints; j++) {
                    out[t][j][0] = positions.getDouble(new int[] {0, j, t}) - 1;
                    out[t][j][1] = positions.getDouble(new int[] {1, j, t}) - 1;
                }
            }
            return new JointTrack(out);
        }
    }
}
