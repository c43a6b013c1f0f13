package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.function.IntUnaryOperator;

/**
 * Turns a frame of one of the supported function codes into j2mod's request object, after checking what j2mod
 * does not: lengths, byte counts, the specification's quantity limits and the FC 5 coil value (j2mod takes any
 * first byte 0xFF as ON). Every violation is exception code 3, as the specification asks.
 */
final class RequestDecoder {
    static final int MAX_READ_BITS = 2000;
    static final int MAX_READ_REGISTERS = 125;
    static final int MAX_WRITE_BITS = 1968;
    static final int MAX_WRITE_REGISTERS = 123;

    private static final int COIL_ON = 0xFF00;
    private static final int COIL_OFF = 0x0000;

    private RequestDecoder() {
    }

    /**
     * @throws IllegalValueException (code 3) if the request is malformed or asks for too much
     */
    static ModbusRequest decode(Frame frame) {
        requireWellFormed(frame);
        ModbusRequest request = ModbusRequest.createModbusRequest(frame.functionCode());
        request.setUnitID(frame.unitId());
        request.setTransactionID(frame.transactionId());
        request.setProtocolID(0);
        try {
            request.readData(new DataInputStream(
                    new ByteArrayInputStream(frame.pdu(), 1, frame.dataLength())));
        } catch (IOException e) {
            throw new IllegalValueException("the request cannot be parsed: " + e.getMessage(), e);
        }
        return request;
    }

    private static void requireWellFormed(Frame frame) {
        switch (frame.functionCode()) {
            case Modbus.READ_COILS, Modbus.READ_INPUT_DISCRETES -> requireRead(frame, MAX_READ_BITS);
            case Modbus.READ_MULTIPLE_REGISTERS, Modbus.READ_INPUT_REGISTERS -> requireRead(frame, MAX_READ_REGISTERS);
            case Modbus.WRITE_COIL -> requireCoilValue(frame);
            case Modbus.WRITE_SINGLE_REGISTER -> requireLength(frame, 4);
            case Modbus.WRITE_MULTIPLE_COILS -> requireBlock(frame, MAX_WRITE_BITS, bits -> (bits + 7) / 8);
            case Modbus.WRITE_MULTIPLE_REGISTERS -> requireBlock(frame, MAX_WRITE_REGISTERS, words -> 2 * words);
            default -> throw new IllegalArgumentException("function code " + frame.functionCode()
                    + " is not one the devices support");
        }
    }

    private static void requireRead(Frame frame, int maxQuantity) {
        requireLength(frame, 4);
        requireQuantity(frame.word(3), maxQuantity);
    }

    private static void requireCoilValue(Frame frame) {
        requireLength(frame, 4);
        int value = frame.word(3);
        if (value != COIL_ON && value != COIL_OFF) {
            throw new IllegalValueException(String.format("coil value 0x%04X is neither 0xFF00 nor 0x0000", value));
        }
    }

    private static void requireBlock(Frame frame, int maxQuantity, IntUnaryOperator bytesFor) {
        if (frame.dataLength() < 5) {
            throw new IllegalValueException("the request has " + frame.dataLength()
                    + " data bytes, at least 5 expected");
        }
        int quantity = frame.word(3);
        requireQuantity(quantity, maxQuantity);
        int byteCount = frame.pdu()[5] & 0xFF;
        if (byteCount != bytesFor.applyAsInt(quantity) || frame.dataLength() != 5 + byteCount) {
            throw new IllegalValueException("byte count " + byteCount + " and " + (frame.dataLength() - 5)
                    + " data bytes do not fit quantity " + quantity);
        }
    }

    private static void requireLength(Frame frame, int dataLength) {
        if (frame.dataLength() != dataLength) {
            throw new IllegalValueException("the request has " + frame.dataLength() + " data bytes, "
                    + dataLength + " expected");
        }
    }

    private static void requireQuantity(int quantity, int max) {
        if (quantity < 1 || quantity > max) {
            throw new IllegalValueException("quantity " + quantity + " is outside 1.." + max);
        }
    }
}
