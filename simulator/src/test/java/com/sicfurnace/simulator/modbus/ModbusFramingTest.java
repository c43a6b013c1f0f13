package com.sicfurnace.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests j2mod's master cannot send: unknown function codes, malformed PDUs, headers that are not Modbus. */
class ModbusFramingTest {
    private ServerFixture fixture;
    private RawClient client;

    @BeforeEach
    void start() throws IOException {
        fixture = new ServerFixture("6inch");
        client = new RawClient(fixture.port, 1000);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        fixture.close();
    }

    @Test
    void anUnknownFunctionCodeIsCode1AndTheConnectionStaysUsable() throws IOException {
        client.send(7, 1, 0x41, 0x00, 0x00);
        RawClient.Response refused = client.receive();
        assertEquals(7, refused.transactionId());
        assertEquals(1, refused.unitId());
        assertArrayEquals(new byte[] {(byte) 0xC1, 0x01}, refused.pdu());

        client.send(8, 1, 0x03, 0x00, 0x00, 0x00, 0x02);   // FC3 holding 0..1 on the same connection
        RawClient.Response answer = client.receive();
        assertEquals(8, answer.transactionId());
        assertEquals(0x03, answer.functionCode());
        assertEquals(4, answer.pdu()[1], "byte count");
    }

    @Test
    void aCoilValueOtherThanOnOrOffIsCode3AndWritesNothing() throws IOException {
        client.send(1, 1, 0x05, 0x00, 0x00, 0x12, 0x34);
        assertArrayEquals(new byte[] {(byte) 0x85, 0x03}, client.receive().pdu());
        assertEquals(0.0, fixture.read("ps1_output_enable"));

        client.send(2, 1, 0x05, 0x00, 0x00, 0xFF, 0x00);
        assertEquals(0x05, client.receive().functionCode());
        assertEquals(1.0, fixture.read("ps1_output_enable"));
    }

    @Test
    void quantitiesBeyondTheSpecificationAndBadByteCountsAreCode3() throws IOException {
        client.send(1, 1, 0x04, 0x00, 0x00, 0x00, 126);                                 // FC4, 126 > 125
        assertArrayEquals(new byte[] {(byte) 0x84, 0x03}, client.receive().pdu());
        client.send(2, 1, 0x04, 0x00, 0x00, 0x00, 0x00);                                // FC4, 0 registers
        assertArrayEquals(new byte[] {(byte) 0x84, 0x03}, client.receive().pdu());
        client.send(3, 1, 0x10, 0x00, 0x00, 0x00, 0x02, 0x03, 0x41, 0x20, 0x00);      // byte count 3 for 2 words
        assertArrayEquals(new byte[] {(byte) 0x90, 0x03}, client.receive().pdu());
        client.send(4, 1, 0x03, 0x00, 0x00);                                           // truncated FC3
        assertArrayEquals(new byte[] {(byte) 0x83, 0x03}, client.receive().pdu());
        assertEquals(0.0, fixture.read("ps1_power_sp_kw"));
    }

    @Test
    void aHeaderThatIsNotModbusClosesTheConnection() throws IOException {
        client.sendWithProtocolId(1, 5, 1, 0x03, 0x00, 0x00, 0x00, 0x02);   // protocol id 5
        assertTrue(client.closedByServer());
    }
}
