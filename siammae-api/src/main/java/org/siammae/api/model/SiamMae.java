package org.siammae.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.siammae.api.masking.MaskPolicy;
import org.siammae.api.nn.FixedShapeBlock;
import org.siammae.api.nn.Patches;

/**
 * A Siamese masked autoencoder assembled from named components: an encoder, a decoder, a
 * reconstruction loss and a masking policy.
 *
 * <p>Its parameters are the encoder's (paths {@code encoder.*}) and the decoder's ({@code
 * decoder.*}). Dimensions: B batch, T frames, C channels, H x W pixels, L patches, P values per
 * patch.
 */
public final class SiamMae extends FixedShapeBlock {

    /** Child name of the encoder; its parameter paths start with {@code encoder.}. */
    public static final String ENCODER = "encoder";

    /** Child name of the decoder; its parameter paths start with {@code decoder.}. */
    public static final String DECODER = "decoder";

    private final Encoder encoder;
    private final Decoder decoder;
    private final ReconstructionLoss loss;
    private final MaskPolicy masking;

    /**
     * Assembles a model.
     *
     * @param encoder the encoder
     * @param decoder a decoder built for the encoder's geometry and width
     * @param loss the reconstruction loss
     * @param masking the masking policy
     */
    public SiamMae(Encoder encoder, Decoder decoder, ReconstructionLoss loss, MaskPolicy masking) {
        this.encoder = addChildBlock(ENCODER, encoder);
        this.decoder = addChildBlock(DECODER, decoder);
        this.loss = loss;
        this.masking = masking;
    }

    /** The result of one forward pass. */
    public record Output(NDArray loss, NDArray predicted) {}

    /**
     * Draws the masks of a batch from the masking policy.
     *
     * @param batchSize B
     * @param random the run's masking stream
     */
    public FrameMasks sampleMasks(int batchSize, Random random) {
        return masking.sample(batchSize, encoder.geometry(), random);
    }

    /**
     * Encodes, decodes and scores a batch.
     *
     * @param parameterStore where parameter values are read
     * @param frames normalised frames, (B, T, C, H, W)
     * @param masks one mask per frame, from {@link #sampleMasks}
     * @param training whether this is a training pass
     * @return the loss (a scalar) and the predicted target patches (B, L, P)
     */
    public Output forward(
            ParameterStore parameterStore, NDArray frames, FrameMasks masks, boolean training) {
        // Encode the visible patches of every frame.
        EncodedFrames encoded = forwardEncoder(parameterStore, frames, masks, training);

        // Predict every patch of the target frame.
        NDArray predicted = forwardDecoder(parameterStore, encoded, masks, training); // (B, L, P)

        // Score the hidden patches of the target frame.
        NDArray value = forwardLoss(frames, predicted, masks); // ()
        return new Output(value, predicted);
    }

    /**
     * Runs the encoder.
     *
     * @param parameterStore where parameter values are read
     * @param frames (B, T, C, H, W)
     * @param masks one mask per frame
     * @param training whether this is a training pass
     */
    public EncodedFrames forwardEncoder(
            ParameterStore parameterStore, NDArray frames, FrameMasks masks, boolean training) {
        return encoder.encode(parameterStore, frames, masks, training);
    }

    /**
     * Runs the decoder.
     *
     * @param parameterStore where parameter values are read
     * @param encoded the encoder's token sets
     * @param masks one mask per frame
     * @param training whether this is a training pass
     * @return (B, L, P)
     */
    public NDArray forwardDecoder(
            ParameterStore parameterStore, EncodedFrames encoded, FrameMasks masks, boolean training) {
        return decoder.decode(parameterStore, encoded, masks, training);
    }

    /**
     * Scores the prediction against the target frame's hidden patches.
     *
     * @param frames (B, T, C, H, W)
     * @param predicted (B, L, P)
     * @param masks one mask per frame
     * @return a scalar
     */
    public NDArray forwardLoss(NDArray frames, NDArray predicted, FrameMasks masks) {
        long lastFrame = frames.getShape().get(1) - 1;
        NDArray target = frames.get(new NDIndex(":, {}", lastFrame)); // (B, C, H, W)
        NDArray targetPatches = Patches.patchify(target, encoder.geometry().patchSize()); // (B, L, P)
        NDArray hidden = masks.target().hiddenIndicator(frames.getManager()); // (B, L)
        return loss.compute(predicted, targetPatches, hidden); // ()
    }

    /** Returns the encoder. */
    public Encoder encoder() {
        return encoder;
    }

    /** Returns the decoder. */
    public Decoder decoder() {
        return decoder;
    }

    /** Returns the geometry the model was built for. */
    public ModelGeometry geometry() {
        return encoder.geometry();
    }
}
