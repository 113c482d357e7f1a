/**
 * Extension points and value types of SiamMAE-J.
 *
 * <p>A SiamMAE model reads a clip sample of {@code T} frames: {@code T - 1} context frames (the
 * paper's f1) followed by one target frame (f2). The encoder sees the visible patches of every frame,
 * the decoder reconstructs the target frame's hidden patches, and the loss scores those patches only.
 *
 * <p><b>Mask polarity.</b> Everywhere in this project a patch mask value of {@code 1} means
 * <em>hidden</em> (removed before the encoder, reconstructed by the decoder, scored by the loss) and
 * {@code 0} means <em>visible</em>. {@link org.siammae.api.model.PatchMask} is the one place that
 * turns kept indices into that indicator.
 *
 * <p>Components are selected by name: each kind of component ({@link
 * org.siammae.api.component.ComponentKind}) is one Guice {@code MapBinder} from name to {@link
 * org.siammae.api.component.ComponentProvider}, filled by {@link
 * org.siammae.api.component.SiamMaePlugin} modules found with {@link java.util.ServiceLoader}.
 */
package org.siammae.api;
