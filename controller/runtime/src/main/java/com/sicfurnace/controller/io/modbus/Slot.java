package com.sicfurnace.controller.io.modbus;

import com.sicfurnace.controller.signal.Signal;
import com.sicfurnace.iolist.ModbusAddress;
import com.sicfurnace.iolist.SignalSpec;

/** One I/O-list signal at its Modbus address, with the word order this site uses for it. */
record Slot(Signal signal, SignalSpec spec, ModbusAddress address) {
}
