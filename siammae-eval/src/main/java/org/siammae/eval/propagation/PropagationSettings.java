package org.siammae.eval.propagation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.siammae.eval.features.FrameSize;

/**
 * The parameters of one label propagation protocol; built from {@link PropagationOptions}.
 *
 * @param topK context cells kept per target cell
 * @param temperature softmax temperature over the kept similarities
 * @param contextFrames previous frames in the context besides the first
 * @param neighbourhood the spatial restriction
 * @param radius the neighbourhood radius in cells
 * @param restrictFirstFrame whether the first frame is restricted too
 * @param padContext whether the previous-frame context starts as copies of the first frame
 * @param labelDownsampling first-frame labels to the grid
 * @param labelUpsampling grid predictions to the evaluation resolution
 * @param normalizeChannels whether channels are rescaled to [0, 1] before arg-max
 * @param davisSize the DAVIS evaluation resolution
 * @param tileSize target cells per tile side, or 0 to choose it from a memory budget
 */
public record PropagationSettings(
        int topK,
        double temperature,
        int contextFrames,
        Neighbourhood neighbourhood,
        double radius,
        boolean restrictFirstFrame,
        boolean padContext,
        LabelDownsampling labelDownsampling,
        LabelUpsampling labelUpsampling,
        boolean normalizeChannels,
        FrameSize davisSize,
        int tileSize) {

    public PropagationSettings {
        if (topK < 1 || !(temperature > 0) || contextFrames < 0 || !(radius > 0) || tileSize < 0) {
            throw new IllegalArgumentException(
                    "invalid propagation settings: top-k "
                            + topK
                            + ", temperature "
                            + temperature
                            + ", context frames "
                            + contextFrames
                            + ", radius "
                            + radius
                            + ", tile size "
                            + tileSize);
        }
    }

    /**
     * Returns a copy with another top-k (VIP uses 10 where DAVIS uses 7).
     *
     * @param newTopK context cells kept per target cell
     */
    public PropagationSettings withTopK(int newTopK) {
        return new PropagationSettings(
                newTopK,
                temperature,
                contextFrames,
                neighbourhood,
                radius,
                restrictFirstFrame,
                padContext,
                labelDownsampling,
                labelUpsampling,
                normalizeChannels,
                davisSize,
                tileSize);
    }

    /** Returns the settings as a key-value map for reports. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("top-k", topK);
        map.put("temperature", temperature);
        map.put("context-frames", contextFrames);
        map.put("neighbourhood", neighbourhood.name().toLowerCase(java.util.Locale.ROOT));
        map.put("radius", radius);
        map.put("restrict-first-frame", restrictFirstFrame);
        map.put("pad-context", padContext);
        map.put("label-downsampling", labelDownsampling.name().toLowerCase(java.util.Locale.ROOT));
        map.put("label-upsampling", labelUpsampling.name().toLowerCase(java.util.Locale.ROOT));
        map.put("normalize-channels", normalizeChannels);
        map.put("davis-size", davisSize.describe());
        return map;
    }
}
