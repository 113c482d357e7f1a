package org.siammae.eval;

import org.siammae.api.component.ComponentKind;
import org.siammae.eval.propagation.PropagationSettings;

/** The component kinds this module declares. */
public final class EvalKinds {

    /**
     * Label propagation protocols ({@code siammae}, {@code dino}, {@code crw}); a plugin may
     * register more under this kind with {@link org.siammae.eval.propagation.PropagationOptions}
     * defaults of its own.
     */
    public static final ComponentKind<PropagationSettings> PROPAGATION =
            ComponentKind.of("propagation", PropagationSettings.class);

    private EvalKinds() {}
}
