package com.sicfurnace.simulator.fault;

/** Faults of the field communication, which the simulator app wires to its protocol servers. */
public interface ProtocolFaults {
    /** The PLC's OPC UA server: {@code stop}, {@code start} or {@code restart}. */
    void opcua(String action);

    /** A Modbus device: {@code normal}, {@code silent}, {@code close} (drops connections) or {@code exception}. */
    void modbusUnit(int unitId, String mode);

    /** Every Modbus connection drops at once (the gateway lost power). */
    void modbusDropConnections();
}
