package com.sicfurnace.controller.impurecycle;

import com.sicfurnace.controller.impure.ImpureCore;

/** The other half of {@link ImpureCore}'s package cycle. */
public final class Other {
    public static final Class<?> BACK = ImpureCore.class;

    private Other() {
    }
}
