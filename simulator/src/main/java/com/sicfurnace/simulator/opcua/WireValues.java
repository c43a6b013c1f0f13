package com.sicfurnace.simulator.opcua;

import com.sicfurnace.iolist.SignalSpec;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

/**
 * Between the furnace's numbers (every signal is a double there) and the OPC UA built-in types of the I/O list:
 * Double, Boolean (1.0 is true) and UInt32.
 */
final class WireValues {
    private WireValues() {
    }

    static NodeId dataType(SignalSpec spec) {
        return switch (spec.dataType()) {
            case DOUBLE -> NodeIds.Double;
            case BOOLEAN -> NodeIds.Boolean;
            case UINT32 -> NodeIds.UInt32;
            default -> throw notOpcUa(spec);
        };
    }

    static Variant toWire(SignalSpec spec, double value) {
        return switch (spec.dataType()) {
            case DOUBLE -> Variant.ofDouble(value);
            case BOOLEAN -> Variant.ofBoolean(value != 0.0);
            case UINT32 -> Variant.ofUInt32(UInteger.valueOf(Math.round(value)));
            default -> throw notOpcUa(spec);
        };
    }

    /**
     * The furnace's number for a written value. Milo has already refused values of another built-in type; this
     * also refuses what that check lets through (arrays on a scalar node, a null value).
     */
    static double fromWire(SignalSpec spec, Object value) throws UaException {
        return switch (spec.dataType()) {
            case DOUBLE -> {
                if (value instanceof Double d) {
                    yield d;
                }
                throw typeMismatch(spec, value);
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b ? 1.0 : 0.0;
                }
                throw typeMismatch(spec, value);
            }
            case UINT32 -> {
                if (value instanceof UInteger u) {
                    yield u.doubleValue();
                }
                throw typeMismatch(spec, value);
            }
            default -> throw notOpcUa(spec);
        };
    }

    private static UaException typeMismatch(SignalSpec spec, Object value) {
        return new UaException(StatusCodes.Bad_TypeMismatch, "signal '" + spec.name() + "' takes a scalar "
                + spec.dataType().name().toLowerCase() + ", not " + (value == null ? "null" : value.getClass()
                .getSimpleName()));
    }

    private static IllegalArgumentException notOpcUa(SignalSpec spec) {
        return new IllegalArgumentException("signal '" + spec.name() + "' is a Modbus signal ("
                + spec.dataType().name().toLowerCase() + "), not served over OPC UA");
    }
}
