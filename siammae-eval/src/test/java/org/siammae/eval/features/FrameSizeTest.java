package org.siammae.eval.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.siammae.eval.propagation.PropagationOptions;

/** Checks the evaluation sizes of the published protocols on DAVIS and VIP frame sizes. */
class FrameSizeTest {

    @Test
    void presetsGiveProtocolSizes() {
        // SiamMAE: 480 x 880 whatever the native size.
        assertThat(PropagationOptions.siammae().toSettings().davisSize().apply(854, 480, 16))
                .containsExactly(880, 480);
        // DINO: short side 480, long side 480 * 854 / 480 = 854 floored to a multiple of 64: 832.
        assertThat(PropagationOptions.dino().toSettings().davisSize().apply(854, 480, 16))
                .containsExactly(832, 480);
        assertThat(PropagationOptions.dino().toSettings().davisSize().apply(1152, 480, 8))
                .containsExactly(1152, 480);
        // CRW: native, floored to whole patches: 854 -> 848 for patch 16, 848 for patch 8.
        assertThat(PropagationOptions.crw().toSettings().davisSize().apply(854, 480, 16))
                .containsExactly(848, 480);
        assertThat(PropagationOptions.crw().toSettings().davisSize().apply(910, 480, 8))
                .containsExactly(904, 480);
    }

    @Test
    void longSideKeepsAspect() {
        // 1280 x 720 with long side 880: 880 x 495, floored to patch 16: 880 x 480.
        FrameSize vip = new FrameSize(ResizeRule.LONG_SIDE, 0, 0, 880, 1);
        assertThat(vip.apply(1280, 720, 16)).containsExactly(880, 480);
        // Portrait video: the height is the long side.
        assertThat(vip.apply(720, 1280, 8)).containsExactly(488, 880);
    }

    @Test
    void rulesDescribeThemselves() {
        assertThat(PropagationOptions.siammae().toSettings().davisSize().describe())
                .isEqualTo("fixed 480 x 880 (height x width)");
        assertThat(PropagationOptions.dino().toSettings().davisSize().describe())
                .isEqualTo("short side 480, floored to a multiple of 64");
    }

    @Test
    void tooSmallSizeIsRejected() {
        assertThatThrownBy(() -> FrameSize.fixed(8, 64).apply(100, 100, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smaller than one feature cell");
    }
}
