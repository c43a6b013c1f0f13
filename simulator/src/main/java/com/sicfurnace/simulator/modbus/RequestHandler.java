package com.sicfurnace.simulator.modbus;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.WriteCoilRequest;
import com.ghgande.j2mod.modbus.msg.WriteCoilResponse;
import com.ghgande.j2mod.modbus.msg.WriteMultipleCoilsRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleCoilsResponse;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterRequest;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterResponse;
import com.ghgande.j2mod.modbus.net.AbstractModbusListener;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.sicfurnace.iolist.ModbusTable;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request the way the field devices do: this server's version of j2mod's package-private
 * {@code AbstractModbusListener.handleRequest}.
 *
 * <ul>
 *   <li>Unknown unit id: exception 11 (gateway target device failed to respond). The six devices sit behind one
 *       TCP endpoint, as behind a Modbus TCP/RTU gateway, and that is what a gateway answers for a unit id with no
 *       device; the controller can tell it from code 2, which means its I/O list and the device disagree.</li>
 *   <li>Function codes other than 1-6, 15 and 16: exception 1.</li>
 *   <li>Malformed request or quantity beyond the specification's limits: exception 3.</li>
 *   <li>An address no signal occupies, a range that splits a float32, or a write to an address that is not an
 *       output: exception 2.</li>
 *   <li>A written value outside its signal's range: exception 3, and nothing of the request is written.</li>
 *   <li>Anything else that fails inside the simulated device: exception 4, logged with its stack trace.</li>
 * </ul>
 */
final class RequestHandler {
    private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);

    private final Map<Integer, UnitImage> images;
    private final AbstractModbusListener listener;

    /**
     * @param listener serves j2mod's read requests: {@code createResponse(listener)} looks the unit's image up
     *                 through {@link AbstractModbusListener#getProcessImage}, which must return the same images
     */
    RequestHandler(Map<Integer, UnitImage> images, AbstractModbusListener listener) {
        this.images = Map.copyOf(images);
        this.listener = listener;
    }

    ModbusResponse respond(Frame frame) {
        UnitImage image = images.get(frame.unitId());
        if (image == null) {
            return refuse(frame, Modbus.GATEWAY_TARGET_NO_RESPONSE, "no device has this unit id");
        }
        try {
            ModbusResponse response = dispatch(frame, image);
            log.debug("{}: answered", frame);
            return response;
        } catch (IllegalAddressException e) {
            return refuse(frame, Modbus.ILLEGAL_ADDRESS_EXCEPTION, e.getMessage());
        } catch (IllegalValueException e) {
            return refuse(frame, Modbus.ILLEGAL_VALUE_EXCEPTION, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{}: failed inside the simulated device; answering exception 4", frame, e);
            return frame.exception(Modbus.SLAVE_DEVICE_FAILURE);
        }
    }

    private ModbusResponse dispatch(Frame frame, UnitImage image) {
        return switch (frame.functionCode()) {
            case Modbus.READ_COILS -> read(frame, image, ModbusTable.COIL);
            case Modbus.READ_INPUT_DISCRETES -> read(frame, image, ModbusTable.DISCRETE_INPUT);
            case Modbus.READ_MULTIPLE_REGISTERS -> read(frame, image, ModbusTable.HOLDING_REGISTER);
            case Modbus.READ_INPUT_REGISTERS -> read(frame, image, ModbusTable.INPUT_REGISTER);
            case Modbus.WRITE_COIL -> writeCoil(frame, image);
            case Modbus.WRITE_SINGLE_REGISTER -> writeRegister(frame, image);
            case Modbus.WRITE_MULTIPLE_COILS -> writeCoils(frame, image);
            case Modbus.WRITE_MULTIPLE_REGISTERS -> writeRegisters(frame, image);
            default -> refuse(frame, Modbus.ILLEGAL_FUNCTION_EXCEPTION, "the device does not support this function");
        };
    }

    private ModbusResponse read(Frame frame, UnitImage image, ModbusTable table) {
        ModbusRequest request = RequestDecoder.decode(frame);
        // The image checks the range again inside createResponse, but j2mod turns its exception into code 2 and
        // drops the message; checking here first lets the log say why.
        image.table(table).covering(frame.word(1), frame.word(3));
        return request.createResponse(listener);
    }

    private ModbusResponse writeCoil(Frame frame, UnitImage image) {
        WriteCoilRequest request = (WriteCoilRequest) RequestDecoder.decode(frame);
        image.writeCoils(request.getReference(), new boolean[] {request.getCoil()});
        return withHeader(request, new WriteCoilResponse(request.getReference(), request.getCoil()));
    }

    private ModbusResponse writeRegister(Frame frame, UnitImage image) {
        WriteSingleRegisterRequest request = (WriteSingleRegisterRequest) RequestDecoder.decode(frame);
        int value = request.getRegister().toUnsignedShort();
        image.writeRegisters(request.getReference(), new int[] {value});
        return withHeader(request, new WriteSingleRegisterResponse(request.getReference(), value));
    }

    private ModbusResponse writeCoils(Frame frame, UnitImage image) {
        WriteMultipleCoilsRequest request = (WriteMultipleCoilsRequest) RequestDecoder.decode(frame);
        boolean[] bits = new boolean[request.getBitCount()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = request.getCoilStatus(i);
        }
        image.writeCoils(request.getReference(), bits);
        // Not new WriteMultipleCoilsResponse(ref, count): that constructor leaves the function code 0.
        WriteMultipleCoilsResponse response = (WriteMultipleCoilsResponse) request.getResponse();
        response.setReference(request.getReference());
        response.setBitCount(bits.length);
        return response;
    }

    private ModbusResponse writeRegisters(Frame frame, UnitImage image) {
        WriteMultipleRegistersRequest request = (WriteMultipleRegistersRequest) RequestDecoder.decode(frame);
        int[] words = new int[request.getWordCount()];
        for (int i = 0; i < words.length; i++) {
            words[i] = request.getRegisterValue(i);
        }
        image.writeRegisters(request.getReference(), words);
        return withHeader(request, new WriteMultipleRegistersResponse(request.getReference(), words.length));
    }

    private static ModbusResponse withHeader(ModbusRequest request, ModbusResponse response) {
        response.setTransactionID(request.getTransactionID());
        response.setProtocolID(request.getProtocolID());
        response.setUnitID(request.getUnitID());
        return response;
    }

    private static ModbusResponse refuse(Frame frame, int code, String reason) {
        log.warn("{}: exception {} ({}): {}", frame, code, ExceptionCodes.name(code), reason);
        return frame.exception(code);
    }
}
