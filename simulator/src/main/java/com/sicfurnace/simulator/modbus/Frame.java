package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.msg.IllegalFunctionRequest;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;

/**
 * One Modbus TCP request as it came off the wire: the MBAP header's transaction and unit id, and the PDU
 * (function code and data). The array is owned by the frame; nothing modifies it.
 */
record Frame(int transactionId, int unitId, byte[] pdu) {

    Frame {
        if (pdu.length < 1) {
            throw new IllegalArgumentException("a PDU holds at least the function code");
        }
    }

    int functionCode() {
        return pdu[0] & 0xFF;
    }

    /** Bytes after the function code. */
    int dataLength() {
        return pdu.length - 1;
    }

    /** The big-endian 16-bit word at {@code offset} in the PDU (offset 1 is the first data byte). */
    int word(int offset) {
        return ((pdu[offset] & 0xFF) << 8) | (pdu[offset + 1] & 0xFF);
    }

    /** The answer with exception {@code code} to this request, whatever its function code. */
    ModbusResponse exception(int code) {
        ModbusRequest header = new IllegalFunctionRequest(unitId, functionCode());
        header.setTransactionID(transactionId);
        header.setProtocolID(0);
        return header.createExceptionResponse(code);
    }

    /** Unit, function code and, where the request has them, address and quantity (or value): what logs need. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("unit ").append(unitId).append(" fc ").append(functionCode());
        if (hasAddress()) {
            text.append(" ref ").append(word(1));
            text.append(isSingleWrite() ? " value " : " count ").append(word(3));
        }
        return text.append(" (tx ").append(transactionId).append(')').toString();
    }

    private boolean hasAddress() {
        int fc = functionCode();
        return dataLength() >= 4 && (fc >= Modbus.READ_COILS && fc <= Modbus.WRITE_SINGLE_REGISTER
                || fc == Modbus.WRITE_MULTIPLE_COILS || fc == Modbus.WRITE_MULTIPLE_REGISTERS);
    }

    private boolean isSingleWrite() {
        return functionCode() == Modbus.WRITE_COIL || functionCode() == Modbus.WRITE_SINGLE_REGISTER;
    }
}
