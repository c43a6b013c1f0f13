package com.sicfurnace.controller.io.opcua;

import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.DataType;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

/** One OPC UA signal: its node and how its value is carried (Double, Boolean or UInt32). */
record NodeBinding(Signal signal, NodeId nodeId, DataType dataType) {

    /** The engineering value of a value as the server sends it; NaN if it carries none. */
    static double toDouble(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        } else if (value instanceof UInteger u) {
            return u.doubleValue();
        } else if (value instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }

    DataValue toDataValue(double value) {
        Object typed = switch (dataType) {
            case BOOLEAN -> value != 0.0;
            case UINT32 -> UInteger.valueOf((long) value);
            case DOUBLE -> value;
            default -> throw new IllegalStateException(signal.ioName() + " is not an OPC UA type: " + dataType);
        };
        return DataValue.valueOnly(new Variant(typed));
    }
}
