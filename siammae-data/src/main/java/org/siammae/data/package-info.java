/**
 * Training data for SiamMAE: clip sources, frame samplers, augmentations and the batching
 * pipeline.
 *
 * <p>{@link org.siammae.data.DataSettings} reads the descriptor's {@code data} section and {@link
 * org.siammae.data.DataPipeline} turns it into an endless stream of batches of layout
 * {@code (B, T, C, H, W)}. {@link org.siammae.data.DataPlugin} registers the components by name.
 */
package org.siammae.data;
