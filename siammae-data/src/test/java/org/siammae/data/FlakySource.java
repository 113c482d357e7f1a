package org.siammae.data;

import com.google.inject.AbstractModule;
import java.io.IOException;
import java.util.List;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentKind;
import org.siammae.api.component.ComponentProvider;
import org.siammae.api.component.Registrations;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.ClipSource;
import org.siammae.api.data.FrameReader;
import org.siammae.data.source.SyntheticSource;

/** The synthetic source, except that clips 1 and 4 fail to open, as broken files would. */
final class FlakySource implements ClipSource {

    /** Registers the source as {@code flaky}, with the synthetic source's options. */
    static final AbstractModule PLUGIN =
            new AbstractModule() {
                @Override
                protected void configure() {
                    Registrations.of(binder(), ComponentKind.CLIP_SOURCE)
                            .addBinding("flaky")
                            .toInstance(
                                    ComponentProvider.of(
                                            "Synthetic clips of which two fail to open.",
                                            SyntheticSource.Options::new,
                                            (options, context) -> new FlakySource(options, context)));
                }
            };

    private final SyntheticSource synthetic;

    FlakySource(SyntheticSource.Options options, ComponentContext context) {
        this.synthetic = new SyntheticSource(options, context);
    }

    @Override
    public List<ClipInfo> clips() {
        return synthetic.clips();
    }

    @Override
    public FrameReader open(ClipInfo clip) throws IOException {
        if (clip.id().endsWith("1") || clip.id().endsWith("4")) {
            throw new IOException("cannot open " + clip.id() + ": simulated broken file");
        }
        return synthetic.open(clip);
    }

    @Override
    public String describe() {
        return "flaky " + synthetic.describe();
    }
}
