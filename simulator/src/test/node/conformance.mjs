// Checks that the simulator serves every signal of the I/O list to clients other than the Milo and j2mod
// libraries its servers are built on: node-opcua over OPC UA, modbus-serial over Modbus TCP.
//
//   node conformance.mjs --opcua opc.tcp://127.0.0.1:4840/plc --modbus-port 5020 \
//        --io-list ../../../../docs/io-list.csv --furnace 6inch [--opcua-bare opc.tcp://127.0.0.1:4840] \
//        [--modbus-host 127.0.0.1] [--timeout-ms 5000]
//
// With --opcua-bare, a second OPC UA client that knows only host and port connects there the way node-opcua does
// by default (it asks that URL for the endpoints and insists on being offered one at it) and reads every signal.
//
// Prints one JSON report on stdout; exit status 0 when every check passed, 1 when one failed, 2 for bad arguments
// or an unreadable I/O list. Writes to outputs change the simulated furnace: point it at a simulator, not a furnace.

import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
    AttributeIds, BrowseDirection, DataType, MessageSecurityMode, NodeClass, NodeClassMask, OPCUAClient,
    SecurityPolicy, StatusCodes, VariantArrayType, browseAll, makeBrowsePath, resolveNodeId,
} from "node-opcua-client";
import { OPCUACertificateManager } from "node-opcua-certificate-manager";
import ModbusRTU from "modbus-serial";

// node-opcua logs with console.log; stdout carries only the report.
console.log = console.error;

/** Readings may lie this fraction of their span outside min..max: the controller's plausibility margin. */
const NOISE_MARGIN = 0.05;
const MODBUS_ILLEGAL_DATA_ADDRESS = 2;
const MODBUS_ILLEGAL_DATA_VALUE = 3;
const OPCUA_TYPES = {
    double: { dataType: DataType.Double, nodeId: "i=11" },
    boolean: { dataType: DataType.Boolean, nodeId: "i=1" },
    uint32: { dataType: DataType.UInt32, nodeId: "i=7" },
};
/** Connecting includes creating the client's RSA key pair, which takes seconds on a loaded machine. */
const OPCUA_CONNECT_TIMEOUT_MS = 30_000;
const ACCESS_READ = 1;
const ACCESS_WRITE = 2;

class UsageError extends Error {}

/** One check's outcome; a read also reports the value it decoded. */
function check(name, passed, detail, value) {
    return value === undefined ? { check: name, passed, detail } : { check: name, passed, detail, value };
}

// ---- arguments and the I/O list ----

const USAGE = "usage: node conformance.mjs --opcua <endpoint url> --modbus-port <port> --io-list <io-list.csv> "
    + "--furnace <variant> [--opcua-bare <url without a path>] [--modbus-host 127.0.0.1] [--timeout-ms 5000]";
const OPTIONS = {
    "opcua": { type: "string" },
    "opcua-bare": { type: "string" },
    "modbus-host": { type: "string", default: "127.0.0.1" },
    "modbus-port": { type: "string" },
    "io-list": { type: "string" },
    "furnace": { type: "string" },
    "timeout-ms": { type: "string", default: "5000" },
};

function options() {
    try {
        return checkedOptions(parseArgs({ options: OPTIONS }).values);
    } catch (e) {
        if (e instanceof UsageError || e.code?.startsWith("ERR_PARSE_ARGS")) {
            throw new UsageError(`${e.message}\n${USAGE}`);
        }
        throw e;
    }
}

function checkedOptions(values) {
    for (const required of ["opcua", "modbus-port", "io-list", "furnace"]) {
        if (values[required] === undefined) {
            throw new UsageError(`--${required} is missing`);
        }
    }
    const port = Number(values["modbus-port"]);
    const timeoutMs = Number(values["timeout-ms"]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new UsageError(`--modbus-port must be 1..65535, not '${values["modbus-port"]}'`);
    }
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
        throw new UsageError(`--timeout-ms must be a positive whole number, not '${values["timeout-ms"]}'`);
    }
    return { ...values, modbusPort: port, timeoutMs };
}

/** The CSV rules of docs/io-list.md: header row, '#' comments, blank lines, double-quoted cells, optional BOM. */
function parseCsvLine(line, where) {
    const cells = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted && c === '"' && line[i + 1] === '"') {
            cell += '"';
            i++;
        } else if (c === '"') {
            quoted = !quoted;
        } else if (c === "," && !quoted) {
            cells.push(cell.trim());
            cell = "";
        } else {
            cell += c;
        }
    }
    if (quoted) {
        throw new UsageError(`${where}: unterminated quoted cell`);
    }
    cells.push(cell.trim());
    return cells;
}

const COLUMNS = ["name", "direction", "unit", "min", "max", "protocol", "address", "data_type", "unit_id", "table",
    "word_order", "scale", "furnaces"];

/** The signals of one furnace variant, in list order. Only the columns this check needs are read. */
function loadSignals(file, furnace) {
    let text;
    try {
        text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    } catch (e) {
        throw new UsageError(`cannot read the I/O list ${file}: ${e.message}`);
    }
    let header = null;
    const signals = [];
    const named = new Set();
    text.split(/\r?\n/).forEach((line, i) => {
        const where = `${file}:${i + 1}`;
        if (line.trim() === "" || line.startsWith("#")) {
            return;
        }
        const cells = parseCsvLine(line, where);
        if (header === null) {
            const missing = COLUMNS.filter(c => !cells.includes(c));
            if (missing.length > 0) {
                throw new UsageError(`${where}: header lacks column(s) ${missing.join(", ")}`);
            }
            header = cells;
            return;
        }
        if (cells.length !== header.length) {
            throw new UsageError(`${where}: expected ${header.length} cells, found ${cells.length}`);
        }
        const row = Object.fromEntries(header.map((column, k) => [column, cells[k]]));
        const variants = row.furnaces.split(/\s+/);
        variants.filter(v => v !== "all").forEach(v => named.add(v));
        if (variants.includes("all") || variants.includes(furnace)) {
            signals.push(toSignal(row, where));
        }
    });
    if (!named.has(furnace)) {
        throw new UsageError(`${file}: no row names furnace '${furnace}' (named: ${[...named].sort().join(", ")})`);
    }
    return signals;
}

function toSignal(row, where) {
    const number = (column, fallback) => {
        if (row[column] === "" && fallback !== undefined) {
            return fallback;
        }
        const value = Number(row[column]);
        if (row[column] === "" || !Number.isFinite(value)) {
            throw new UsageError(`${where}: signal '${row.name}': column '${column}' must be a number, not '${row[column]}'`);
        }
        return value;
    };
    const signal = {
        name: row.name, direction: row.direction, unit: row.unit, protocol: row.protocol,
        dataType: row.data_type.toLowerCase(), min: number("min"), max: number("max"),
    };
    if (signal.protocol === "opcua") {
        return { ...signal, nodeId: row.address };
    }
    if (signal.protocol === "modbus") {
        return {
            ...signal, unitId: number("unit_id"), address: number("address"), table: row.table,
            wordOrder: row.word_order, scale: number("scale", 1),
        };
    }
    throw new UsageError(`${where}: signal '${row.name}': protocol must be opcua or modbus, not '${row.protocol}'`);
}

// ---- OPC UA ----

async function within(ms, promise, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    });
    try {
        return await Promise.race([promise, timeout]);
    } finally {
        clearTimeout(timer);
    }
}

/** A None/None client; node-opcua picks the endpoint, and `endpointMustExist` says how strictly (see there). */
function opcUaClient(timeoutMs, pkiDir, endpointMustExist) {
    return OPCUAClient.create({
        applicationName: "sicfurnace-conformance",
        endpointMustExist,
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 100 },
        transportTimeout: timeoutMs,
        defaultTransactionTimeout: timeoutMs,
        requestedSessionTimeout: 60_000,
        clientCertificateManager: new OPCUACertificateManager({
            rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: true,
        }),
    });
}

async function checkOpcUa(endpoint, signals, timeoutMs) {
    // None/None needs no trust, but node-opcua creates a client certificate anyway: keep it out of $HOME.
    const pkiDir = mkdtempSync(join(tmpdir(), "conformance-pki-"));
    // Not strict: this client checks the address space wherever the server says it lives.
    const client = opcUaClient(timeoutMs, pkiDir, false);
    try {
        await within(OPCUA_CONNECT_TIMEOUT_MS, client.connect(endpoint), `connecting to ${endpoint}`);
        const session = await within(timeoutMs, client.createSession(), "creating a session");
        try {
            const browsed = await browseVariables(session);
            const results = [];
            for (const signal of signals) {
                results.push({ name: signal.name, protocol: "opcua", checks: await checkOpcUaSignal(session, signal, browsed) });
            }
            const listed = new Set(signals.map(s => resolveNodeId(s.nodeId).toString()));
            const extra = [...browsed.keys()].filter(id => !listed.has(id));
            const addressSpace = [check("noUnlistedVariables", extra.length === 0,
                extra.length === 0 ? `${browsed.size} variables under Objects, all in the list`
                    : `variables not in the list: ${extra.join(", ")}`)];
            return { results, addressSpace };
        } finally {
            await session.close();
        }
    } finally {
        await client.disconnect();
        rmSync(pkiDir, { recursive: true, force: true });
    }
}

/**
 * A client that knows only the PLC's host and port, as many do: with node-opcua's default `endpointMustExist`, it
 * asks that URL for the server's endpoints, refuses to go on unless one is offered at that very URL, and runs its
 * session on it. Every OPC UA signal must then read as over the configured path.
 */
async function checkOpcUaAtBareUrl(url, signals, timeoutMs) {
    const pkiDir = mkdtempSync(join(tmpdir(), "conformance-pki-"));
    const client = opcUaClient(timeoutMs, pkiDir, true);
    try {
        await within(OPCUA_CONNECT_TIMEOUT_MS, client.connect(url), `connecting to ${url}`);
        const offered = await within(timeoutMs, client.getEndpoints(), `GetEndpoints at ${url}`);
        const session = await within(timeoutMs, client.createSession(), `creating a session at ${url}`);
        try {
            const used = client.endpoint?.endpointUrl; // the offered endpoint the client picked for the session
            const endpoints = [check("endpointOfferedAtBareUrl", used === url,
                `connected to ${url}, session endpoint ${used}; offered: `
                    + offered.map(e => `${e.endpointUrl} ${MessageSecurityMode[e.securityMode]}`).join(", "))];
            const values = await session.read(signals.map(s => ({
                nodeId: resolveNodeId(s.nodeId), attributeId: AttributeIds.Value,
            })));
            const results = signals.map((signal, i) => {
                const type = OPCUA_TYPES[signal.dataType];
                return {
                    name: signal.name, protocol: "opcua",
                    checks: [type === undefined
                        ? check("readAtBareUrl", false, `data_type '${signal.dataType}' is not an OPC UA type of the list`)
                        : checkRead(signal, type, values[i], "readAtBareUrl")],
                };
            });
            return { results, addressSpace: endpoints };
        } finally {
            await session.close();
        }
    } finally {
        await client.disconnect();
        rmSync(pkiDir, { recursive: true, force: true });
    }
}

/**
 * Every variable reachable from Objects over hierarchical references, by node id, with its browse path. The
 * standard Server object (namespace 0) is not walked: the PLC's signals live in its own namespace.
 */
async function browseVariables(session) {
    const variables = new Map();
    const seen = new Set();
    let level = [{ nodeId: resolveNodeId("ObjectsFolder"), path: [] }];
    while (level.length > 0) {
        const results = await browseAll(session, level.map(node => ({
            nodeId: node.nodeId, browseDirection: BrowseDirection.Forward, referenceTypeId: "HierarchicalReferences",
            includeSubtypes: true, nodeClassMask: NodeClassMask.Object | NodeClassMask.Variable, resultMask: 0x3f,
        })));
        const next = [];
        results.forEach((result, i) => {
            if (!result.statusCode.isGood()) {
                throw new Error(`browsing ${level[i].nodeId} answered ${result.statusCode.name}`);
            }
            for (const ref of result.references ?? []) {
                const id = ref.nodeId.toString();
                if (ref.nodeId.namespace === 0 || seen.has(id)) {
                    continue;
                }
                seen.add(id);
                const path = [...level[i].path, ref.browseName];
                if (ref.nodeClass === NodeClass.Variable) {
                    variables.set(id, path);
                } else {
                    next.push({ nodeId: ref.nodeId, path });
                }
            }
        });
        level = next;
    }
    return variables;
}

async function checkOpcUaSignal(session, signal, browsed) {
    const nodeId = resolveNodeId(signal.nodeId);
    const checks = [await checkBrowse(session, signal, nodeId, browsed)];
    const type = OPCUA_TYPES[signal.dataType];
    if (type === undefined) {
        return [...checks, check("read", false, `data_type '${signal.dataType}' is not an OPC UA type of the list`)];
    }
    const [value, dataType, valueRank, access, userAccess] = await session.read(
        [AttributeIds.Value, AttributeIds.DataType, AttributeIds.ValueRank, AttributeIds.AccessLevel,
            AttributeIds.UserAccessLevel].map(attributeId => ({ nodeId, attributeId })));
    checks.push(checkRead(signal, type, value));
    checks.push(check("dataType",
        dataType.statusCode.isGood() && dataType.value.value?.toString() === `ns=0;${type.nodeId}`
            && valueRank.value.value === -1,
        `DataType ${dataType.value.value} (${dataType.statusCode.name}), ValueRank ${valueRank.value.value}; `
            + `the list says ${signal.dataType} (ns=0;${type.nodeId}), scalar (-1)`));
    checks.push(checkAccess(signal, access.value.value, userAccess.value.value));
    if (signal.dataType === "double") {
        checks.push(...await checkAnalogProperties(session, signal, nodeId));
    }
    if (signal.direction === "out") {
        checks.push(...await checkOpcUaWrites(session, signal, nodeId, type, value.value.value));
    } else {
        const status = await writeValue(session, nodeId, type.dataType, validValue(signal, 0.37));
        checks.push(check("writeDenied", status.value === StatusCodes.BadUserAccessDenied.value,
            `writing an input answered ${status.name}, expected BadUserAccessDenied`));
    }
    return checks;
}

async function checkBrowse(session, signal, nodeId, browsed) {
    const path = browsed.get(nodeId.toString());
    if (path === undefined) {
        return check("browse", false, `no variable ${signal.nodeId} is reachable by browsing from Objects`);
    }
    const pathText = path.map(name => name.name).join("/");
    // The list's string ids are the folder path under Objects (docs/io-list.md, "OPC UA address space").
    const expectedPath = typeof nodeId.value === "string" ? nodeId.value : pathText;
    const relative = "/" + path.map(name => `${name.namespaceIndex}:${name.name}`).join("/");
    const translated = await session.translateBrowsePath(makeBrowsePath("ObjectsFolder", relative));
    const target = translated.targets?.[0]?.targetId?.toString();
    return check("browse", pathText === expectedPath && translated.statusCode.isGood() && target === nodeId.toString(),
        `browsed at Objects/${pathText} (expected Objects/${expectedPath}); TranslateBrowsePathsToNodeIds(${relative}) `
            + `answered ${translated.statusCode.name} ${target ?? "no target"}`);
}

function checkRead(signal, type, dataValue, name = "read") {
    const variant = dataValue.value;
    const detail = `${dataValue.statusCode.name}, ${DataType[variant.dataType]} ${variant.value}`;
    if (!dataValue.statusCode.isGood()) {
        return check(name, false, detail);
    }
    if (variant.dataType !== type.dataType || variant.arrayType !== VariantArrayType.Scalar) {
        return check(name, false, `${detail}: the list says a scalar ${DataType[type.dataType]}`);
    }
    const number = typeof variant.value === "boolean" ? Number(variant.value) : variant.value;
    return check(name, inRange(signal, number), `${detail}, ${rangeText(signal)}`, number);
}

function checkAccess(signal, access, userAccess) {
    const writable = signal.direction === "out";
    const expected = ACCESS_READ | (writable ? ACCESS_WRITE : 0);
    const mask = ACCESS_READ | ACCESS_WRITE;
    return check("access", (access & mask) === expected && (userAccess & mask) === expected,
        `AccessLevel ${access}, UserAccessLevel ${userAccess}: ${writable ? "readable and writable" : "read-only"} `
            + `for a${writable ? "n output" : "n input"}`);
}

async function checkAnalogProperties(session, signal, nodeId) {
    const result = await browseAll(session, {
        nodeId, browseDirection: BrowseDirection.Forward, referenceTypeId: "HasProperty", includeSubtypes: true,
        nodeClassMask: NodeClassMask.Variable, resultMask: 0x3f,
    });
    const property = name => result.references?.find(r => r.browseName.name === name);
    const read = async name => {
        const ref = property(name);
        return ref === undefined ? null : session.read({ nodeId: ref.nodeId, attributeId: AttributeIds.Value });
    };
    const range = await read("EURange");
    const units = await read("EngineeringUnits");
    const rangeValue = range?.value.value;
    const unitsValue = units?.value.value;
    return [
        range === null
            ? check("euRange", false, "the variable has no EURange property")
            : check("euRange", range.statusCode.isGood() && rangeValue?.low === signal.min && rangeValue?.high === signal.max,
                `EURange ${range.statusCode.name} ${rangeValue?.low}..${rangeValue?.high}, the list says ${signal.min}..${signal.max}`),
        units === null
            ? check("engineeringUnits", false, "the variable has no EngineeringUnits property")
            : check("engineeringUnits", units.statusCode.isGood() && unitsValue?.displayName?.text === signal.unit,
                `EngineeringUnits ${units.statusCode.name} '${unitsValue?.displayName?.text}' (unitId ${unitsValue?.unitId}), `
                    + `the list says '${signal.unit}'`),
    ];
}

/**
 * Writes another valid value and then the original back, reading each back; then a value out of range and one of
 * the wrong type, which must leave the original. The furnace is left as it was found.
 */
async function checkOpcUaWrites(session, signal, nodeId, type, original) {
    const trial = signal.dataType === "boolean" ? !original : otherValidValue(signal, original);
    const steps = [];
    let passed = true;
    for (const value of [trial, original]) {
        const status = await writeValue(session, nodeId, type.dataType, value);
        const back = await readValue(session, nodeId);
        passed &&= status.isGood() && back === value;
        steps.push(`wrote ${value}: ${status.name}, read back ${back}`);
    }
    const checks = [check("write", passed, steps.join("; "))];
    if (signal.dataType !== "boolean") {
        const tooHigh = signal.dataType === "uint32" ? signal.max + 1 : signal.max + (signal.max - signal.min);
        const status = await writeValue(session, nodeId, type.dataType, tooHigh);
        const back = await readValue(session, nodeId);
        checks.push(check("outOfRange", status.value === StatusCodes.BadOutOfRange.value && back === original,
            `writing ${tooHigh} answered ${status.name} (expected BadOutOfRange); value afterwards ${back}, `
                + `expected ${original}`));
    }
    const status = await writeValue(session, nodeId, DataType.String, String(original));
    const back = await readValue(session, nodeId);
    checks.push(check("wrongType", status.value === StatusCodes.BadTypeMismatch.value && back === original,
        `writing a String answered ${status.name} (expected BadTypeMismatch); value afterwards ${back}, `
            + `expected ${original}`));
    return checks;
}

async function readValue(session, nodeId) {
    const dataValue = await session.read({ nodeId, attributeId: AttributeIds.Value });
    return dataValue.statusCode.isGood() ? dataValue.value.value : dataValue.statusCode.name;
}

function writeValue(session, nodeId, dataType, value) {
    return session.write({ nodeId, attributeId: AttributeIds.Value, value: { value: { dataType, value } } });
}

/** A value inside the signal's range, at `fraction` of its span; a whole number for integer types. */
function validValue(signal, fraction) {
    if (signal.dataType === "boolean") {
        return true;
    }
    const value = signal.min + fraction * (signal.max - signal.min);
    return signal.dataType === "uint32" ? Math.round(value) : value;
}

/** A valid value well away from `current`, so that writing it shows in the read-back. */
function otherValidValue(signal, current) {
    const value = validValue(signal, 0.37);
    return Math.abs(value - current) > 0.1 * (signal.max - signal.min) ? value : validValue(signal, 0.81);
}

/** Readings are noisy; outputs read back what was written, up to `slack`. */
function inRange(signal, value, slack = 0) {
    const margin = signal.direction === "in" ? NOISE_MARGIN * (signal.max - signal.min) : slack;
    return Number.isFinite(value) && value >= signal.min - margin && value <= signal.max + margin;
}

function rangeText(signal) {
    if (signal.unit === "bool") {
        return "0 or 1";
    }
    const margin = signal.direction === "in" ? ` ± ${NOISE_MARGIN * 100} % of the span` : "";
    return `range ${signal.min}..${signal.max} ${signal.unit}${margin}`;
}

// ---- Modbus ----

const TABLES = {
    coil: { read: "readCoils", bits: true },
    discrete_input: { read: "readDiscreteInputs", bits: true },
    holding_register: { read: "readHoldingRegisters", bits: false },
    input_register: { read: "readInputRegisters", bits: false },
};

function width(signal) {
    return signal.dataType === "float32" ? 2 : 1;
}

/** Engineering value to registers, as docs/io-list.md specifies: written here from the text, not from our code. */
function encode(signal, value) {
    if (signal.dataType === "float32") {
        const bytes = Buffer.alloc(4);
        bytes.writeFloatBE(value);
        const high = bytes.readUInt16BE(0);
        const low = bytes.readUInt16BE(2);
        return signal.wordOrder === "CDAB" ? [low, high] : [high, low];
    }
    return [Math.round(value / signal.scale) & 0xffff];
}

function decode(signal, words) {
    if (signal.dataType === "float32") {
        const [high, low] = signal.wordOrder === "CDAB" ? [words[1], words[0]] : words;
        const bytes = Buffer.alloc(4);
        bytes.writeUInt16BE(high, 0);
        bytes.writeUInt16BE(low, 2);
        return bytes.readFloatBE(0);
    }
    const raw = signal.dataType === "int16" ? (words[0] << 16) >> 16 : words[0];
    return raw * signal.scale;
}

/** What the encoding carries: float32 precision, or half a scale step. */
function resolution(signal, value) {
    return signal.dataType === "float32" ? Math.abs(value) * 2 ** -23 : signal.scale / 2;
}

async function modbusRead(client, signal) {
    client.setID(signal.unitId);
    const table = TABLES[signal.table];
    const answer = await client[table.read](signal.address, table.bits ? 1 : width(signal));
    return table.bits ? Number(answer.data[0]) : decode(signal, answer.data);
}

/** The Modbus exception code of a refused request, or a text saying what came instead. */
async function exceptionOf(request) {
    try {
        await request();
        return "a normal answer";
    } catch (e) {
        if (e.modbusCode === undefined) {
            throw e;
        }
        return e.modbusCode;
    }
}

async function checkModbus(host, port, signals, timeoutMs) {
    const client = new ModbusRTU();
    await client.connectTCP(host, { port, timeout: timeoutMs });
    client.setTimeout(timeoutMs);
    try {
        const results = [];
        for (const signal of signals) {
            results.push({ name: signal.name, protocol: "modbus", checks: await checkModbusSignal(client, signal) });
        }
        const devices = [];
        for (const unitId of [...new Set(signals.map(s => s.unitId))].sort((a, b) => a - b)) {
            devices.push({ unitId, checks: await checkUnoccupied(client, unitId, signals.filter(s => s.unitId === unitId)) });
        }
        return { results, devices };
    } finally {
        await new Promise(resolve => client.close(resolve));
    }
}

async function checkModbusSignal(client, signal) {
    if (TABLES[signal.table] === undefined) {
        return [check("read", false, `table '${signal.table}' is not a Modbus table`)];
    }
    const where = `unit ${signal.unitId} ${signal.table} ${signal.address}`;
    const value = await modbusRead(client, signal);
    const checks = [check("read", inRange(signal, value, resolution(signal, value)),
        `${where}: ${signal.dataType}${signal.wordOrder ? " " + signal.wordOrder : ""} reads ${value}, ${rangeText(signal)}`,
        value)];
    if (signal.direction !== "out") {
        return checks;
    }
    if (signal.table === "coil") {
        checks.push(await checkCoilWrites(client, signal, where, value));
    } else {
        checks.push(...await checkRegisterWrites(client, signal, where, value));
    }
    return checks;
}

// As over OPC UA: another valid value, then the original back, then a refused one; the furnace is left as found.

async function checkCoilWrites(client, signal, where, original) {
    await client.writeCoil(signal.address, !original);                             // FC5
    const afterTrial = await modbusRead(client, signal);                           // FC1
    await client.writeCoils(signal.address, [Boolean(original)]);                  // FC15
    const afterRestore = await modbusRead(client, signal);
    return check("write", afterTrial === 1 - original && afterRestore === original,
        `${where}: FC5 ${!original} read back ${afterTrial}; FC15 ${Boolean(original)} read back ${afterRestore}`);
}

async function checkRegisterWrites(client, signal, where, original) {
    const steps = [];
    let passed = true;
    const trial = otherValidValue(signal, original);
    for (const [value, single] of [[trial, width(signal) === 1], [original, false]]) {
        const words = encode(signal, value);
        if (single) {
            await client.writeRegister(signal.address, words[0]);                  // FC6
        } else {
            await client.writeRegisters(signal.address, words);                    // FC16
        }
        const back = await modbusRead(client, signal);                             // FC3
        passed &&= Math.abs(back - value) <= resolution(signal, value) + 1e-12;
        steps.push(`FC${single ? 6 : 16} ${value} [${words.join(", ")}] read back ${back}`);
    }
    const write = check("write", passed, `${where}: ${steps.join("; ")}`);
    const tooHigh = signal.max + (signal.dataType === "float32" ? signal.max - signal.min : 0.5 * (signal.max - signal.min));
    const code = await exceptionOf(() => client.writeRegisters(signal.address, encode(signal, tooHigh)));
    const after = await modbusRead(client, signal);
    const refused = check("outOfRange", code === MODBUS_ILLEGAL_DATA_VALUE && after === original,
        `${where}: writing ${tooHigh} answered ${typeof code === "number" ? "exception " + code : code} `
            + `(expected exception ${MODBUS_ILLEGAL_DATA_VALUE}); value afterwards ${after}, expected ${original}`);
    return [write, refused];
}

/** Per table, one address past the last signal (or 0 in an empty table) holds nothing: exception 2. */
async function checkUnoccupied(client, unitId, signals) {
    client.setID(unitId);
    const checks = [];
    for (const [table, { read }] of Object.entries(TABLES)) {
        const inTable = signals.filter(s => s.table === table);
        const free = Math.max(0, ...inTable.map(s => s.address + width(s)));
        const code = await exceptionOf(() => client[read](free, 1));
        checks.push(check(`unoccupied ${table}`, code === MODBUS_ILLEGAL_DATA_ADDRESS,
            `unit ${unitId} ${table} ${free} (no signal there) answered ${typeof code === "number" ? "exception " + code : code}, `
                + `expected exception ${MODBUS_ILLEGAL_DATA_ADDRESS}`));
    }
    return checks;
}

// ---- the report ----

/** A part that could not be checked at all fails every one of its signals with the reason, as check `name`. */
async function orFailEach(signals, protocol, run, name = "connect") {
    try {
        return await run();
    } catch (e) {
        console.error(`${protocol} checks (${name}) stopped:`, e);
        const failed = check(name, false, `${protocol} checks stopped: ${e.message ?? e}`);
        return { results: signals.map(s => ({ name: s.name, protocol, checks: [failed] })), addressSpace: [], devices: [] };
    }
}

async function main() {
    const args = options();
    const signals = loadSignals(args["io-list"], args.furnace);
    const opcua = signals.filter(s => s.protocol === "opcua");
    const modbus = signals.filter(s => s.protocol === "modbus");
    const opcuaPart = await orFailEach(opcua, "opcua", () => checkOpcUa(args.opcua, opcua, args.timeoutMs));
    const barePart = args["opcua-bare"] === undefined ? { results: [], addressSpace: [] }
        : await orFailEach(opcua, "opcua", () => checkOpcUaAtBareUrl(args["opcua-bare"], opcua, args.timeoutMs),
            "readAtBareUrl");
    const modbusPart = await orFailEach(modbus, "modbus",
        () => checkModbus(args["modbus-host"], args.modbusPort, modbus, args.timeoutMs));
    const byName = new Map([...opcuaPart.results, ...modbusPart.results].map(r => [r.name, r]));
    const bareByName = new Map(barePart.results.map(r => [r.name, r.checks]));
    const results = signals.map(s => {
        const r = byName.get(s.name);
        const checks = [...r.checks, ...(bareByName.get(s.name) ?? [])];
        return { ...r, checks, passed: checks.every(c => c.passed) };
    });
    const others = [...opcuaPart.addressSpace, ...barePart.addressSpace, ...modbusPart.devices.flatMap(d => d.checks)];
    const failedChecks = [...results.flatMap(r => r.checks), ...others].filter(c => !c.passed).length;
    const packageJson = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
    const report = {
        furnace: args.furnace,
        ioList: args["io-list"],
        node: process.version,
        clients: packageJson.dependencies,
        passed: failedChecks === 0,
        failedChecks,
        signals: results,
        opcuaAddressSpace: opcuaPart.addressSpace,
        opcuaBareUrl: { url: args["opcua-bare"] ?? null, checks: barePart.addressSpace },
        modbusDevices: modbusPart.devices,
    };
    await new Promise(resolve => process.stdout.write(JSON.stringify(report, null, 2) + "\n", resolve));
    return failedChecks === 0 ? 0 : 1;
}

// Exit explicitly: a node-opcua client that failed to connect can leave timers that would keep the process alive.
main().then(code => {
    process.exit(code);
}, e => {
    console.error(e instanceof UsageError ? `conformance: ${e.message}` : e);
    process.exit(2);
});
