#!/usr/bin/env node
// A test SMSC built on the npm package `smpp`: an implementation of SMPP independent of the gateway's own library.
// The test drives it over stdin (one JSON command per line) and watches it over stdout (one JSON event per line).
// The protocol is described in tests/peers/README.md. This is a test peer, not a product: small, loud, never crashing.
'use strict';

const readline = require('readline');
const smpp = require('smpp');

// ---------------------------------------------------------------------------------------------------------------
// Options: --port N (0 = any free port), --host H, --system-id S --password P (checked only when given),
// --gsm-packed (data_coding 0 is packed GSM 7-bit both ways instead of one septet per octet),
// --first-message-id HEX, --no-redeliver (do not resend unacknowledged deliver_sm after a rebind).
const options = parseArguments(process.argv.slice(2));

function parseArguments(args) {
  const result = { port: 0, host: '127.0.0.1', systemId: null, password: null, gsmPacked: false,
    firstMessageId: 0x1A2B3C, redeliver: true };
  for (let i = 0; i < args.length; i++) {
    switch (args[i]) {
      case '--port': result.port = Number(args[++i]); break;
      case '--host': result.host = args[++i]; break;
      case '--system-id': result.systemId = args[++i]; break;
      case '--password': result.password = args[++i]; break;
      case '--gsm-packed': result.gsmPacked = true; break;
      case '--first-message-id': result.firstMessageId = parseInt(args[++i], 16); break;
      case '--no-redeliver': result.redeliver = false; break;
      default: throw new Error('unknown argument ' + args[i]);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Events out.
const muted = new Set();
let quitting = false;

function emit(event, fields) {
  if (muted.has(event) || quitting) return;
  process.stdout.write(JSON.stringify(Object.assign({ event, at: Date.now() }, fields)) + '\n');
}

function reportError(message, fields) {
  emit('error', Object.assign({ message: String(message) }, fields));
}

// ---------------------------------------------------------------------------------------------------------------
// Text: the `smpp` package decodes short_message by data_coding into {udh, message} objects, maps data_coding 1
// to GSM rather than IA5, leaves 0x0F undecoded and turns every byte it cannot map into a space. A test peer must
// report exactly what came over the wire, so the package's message filter is switched off for decoding (we get the
// raw Buffer) and the text is decoded here, with the package's GSM 03.38 table.
smpp.filters.message.decode = function (value) { return value; };

// The package treats a command_length of 0 as "no data yet" and then waits forever, and reads lengths 1-15 past the
// PDU's end. Under 16 the framing is lost (SMPP 3.4 §3.2): raise it, so the session reports an error and closes.
const readCommandLength = smpp.PDU.commandLength;
smpp.PDU.commandLength = function (stream) {
  const length = readCommandLength(stream);
  if (length !== false && length < 16) throw new Error('command_length ' + length + ' is under 16');
  return length;
};

const GSM = 'gsm', UCS2 = 'ucs2', LATIN1 = 'latin1';

function dataCodingFor(encoding) {
  switch (encoding || GSM) {
    case GSM: return 0x00;
    case UCS2: return 0x08;
    case LATIN1: return 0x03;
    default: throw new Error('unknown encoding ' + encoding + ' (gsm, ucs2 or latin1)');
  }
}

// The alphabet a data_coding value means, as SMPP 3.4 §5.2.19 and GSM 03.38 (for 0xF0-0xFF, and 0x0F of USSD) say.
function alphabetOf(dataCoding) {
  if (dataCoding === 0x00 || dataCoding === 0x0F) return GSM;
  if (dataCoding === 0x01) return 'ascii';
  if (dataCoding === 0x03) return LATIN1;
  if (dataCoding === 0x08) return UCS2;
  if ((dataCoding & 0xF0) === 0xF0) return (dataCoding & 0x04) ? null : GSM;
  return null; // binary or an alphabet this peer does not know: only the hex is reported
}

function encodeText(text, alphabet, udhLength) {
  switch (alphabet) {
    case GSM: {
      if (!smpp.gsmCoder.GSM.charRegex.test(text)) throw new Error('text is not in the GSM 03.38 alphabet; use encoding ucs2');
      const septets = smpp.gsmCoder.encode(text, 0x00);
      return options.gsmPacked ? packSeptets(septets, fillBits(udhLength)) : septets;
    }
    case UCS2: return Buffer.from(text, 'utf16le').swap16();
    case LATIN1: return Buffer.from(text, 'latin1');
    default: throw new Error('cannot encode ' + alphabet);
  }
}

function decodeText(bytes, dataCoding, udhLength) {
  const alphabet = alphabetOf(dataCoding);
  switch (alphabet) {
    case GSM:
      // Packing applies to data_coding 0 only; USSD's 0x0F arrives unpacked over SMPP in practice.
      return smpp.gsmCoder.decode(options.gsmPacked && dataCoding === 0x00
        ? unpackSeptets(bytes, fillBits(udhLength)) : bytes, 0x00);
    case 'ascii': return bytes.toString('ascii');
    case LATIN1: return bytes.toString('latin1');
    case UCS2: return Buffer.from(bytes.subarray(0, bytes.length & ~1)).swap16().toString('utf16le');
    default: return null;
  }
}

// Packed GSM 7-bit with a UDH starts on a septet boundary: fill bits pad the UDH (GSM 03.40 §9.2.3.24).
function fillBits(udhLength) { return udhLength ? (7 - (udhLength * 8) % 7) % 7 : 0; }

function packSeptets(septets, fill) {
  const out = Buffer.alloc(Math.ceil((septets.length * 7 + fill) / 8));
  let bit = fill;
  for (const septet of septets) {
    for (let b = 0; b < 7; b++, bit++) if (septet & (1 << b)) out[bit >> 3] |= 1 << (bit & 7);
  }
  return out;
}

function unpackSeptets(bytes, fill) {
  const totalBits = bytes.length * 8 - fill;
  const count = Math.floor(totalBits / 7);
  const out = [];
  for (let i = 0, bit = fill; i < count; i++) {
    let septet = 0;
    for (let b = 0; b < 7; b++, bit++) if (bytes[bit >> 3] & (1 << (bit & 7))) septet |= 1 << b;
    out.push(septet);
  }
  // Seven spare bits at the end read as an '@' (septet 0) that nobody sent; a real final '@' in that position is
  // indistinguishable (GSM 03.38 §6.1.2.3.1 tells senders to pad with CR instead), so it is dropped too.
  if (out.length && out[out.length - 1] === 0 && totalBits % 7 === 0) out.pop();
  return Buffer.from(out);
}

// Concatenation information elements inside a UDH: 0x00 (8-bit reference) and 0x08 (16-bit reference).
function parseUdh(bytes) {
  if (!bytes.length || bytes[0] + 1 > bytes.length) return null;
  const length = bytes[0] + 1;
  let concat = null;
  for (let i = 1; i + 1 < length;) {
    const iei = bytes[i], iel = bytes[i + 1], data = bytes.subarray(i + 2, i + 2 + iel);
    if (iei === 0x00 && iel === 3) concat = { ref: data[0], total: data[1], seq: data[2] };
    if (iei === 0x08 && iel === 4) concat = { ref: data.readUInt16BE(0), total: data[2], seq: data[3] };
    i += 2 + iel;
  }
  return { length, concat };
}

// ---------------------------------------------------------------------------------------------------------------
// State.
const sessions = new Map();   // session number -> { number, session, mode, systemId, pending: Map(sequence -> what) }
let nextSession = 1;
let nextMessageId = options.firstMessageId;
const accepted = new Map();   // message id (as answered) -> { source_addr, destination_addr, text, submitted }
const waiting = [];           // deliver_sm parts nobody has acknowledged: not yet sent, or sent on a dropped session
const stats = { binds: 0, bind_failures: 0, submits: 0, throttled: 0, queue_full: 0, deliveries: 0,
  deliver_sm_resps: 0, redelivered: 0, enquire_links: 0, unbinds: 0, drops: 0, errors: 0 };
let throttleCount = 0, queueFullCount = 0, submitDelayMs = 0, dropAfterSubmits = 0, dropping = false;
let roundRobin = 0;

const receiverModes = new Set(['transceiver', 'receiver']);
const transmitterModes = new Set(['transceiver', 'transmitter']);

// ---------------------------------------------------------------------------------------------------------------
// The server side: one handler per incoming PDU.
const server = smpp.createServer(function (session) {
  const state = { number: nextSession++, session, mode: null, systemId: null, pending: new Map() };
  sessions.set(state.number, state);
  if (session.socket.setNoDelay) session.socket.setNoDelay(true);

  session.on('pdu', function (pdu) {
    try {
      handlePdu(state, pdu);
    } catch (e) {
      stats.errors++;
      reportError('handling ' + pdu.command + ': ' + e.message, { session: state.number });
    }
  });
  // The package emits 'error' for socket errors and for PDUs it cannot parse; after a parse error it stops reading
  // the socket for good, so the session is closed (framing is lost as far as this peer can tell).
  session.on('error', function (e) {
    stats.errors++;
    reportError('session ' + state.number + ': ' + e.message, { session: state.number });
    session.destroy();
  });
  session.on('close', function () {
    sessions.delete(state.number);
    for (const [, what] of state.pending) {
      if (what.kind === 'deliver' && options.redeliver) waiting.push(Object.assign(what.part, { redelivery: true }));
    }
    state.pending.clear();
    emit('closed', { session: state.number, system_id: state.systemId });
  });
});

server.on('error', function (e) {
  reportError('server: ' + e.message);
  exitAfterFlush(1);
});

function handlePdu(state, pdu) {
  switch (pdu.command) {
    case 'bind_transceiver': return onBind(state, pdu, 'transceiver');
    case 'bind_transmitter': return onBind(state, pdu, 'transmitter');
    case 'bind_receiver': return onBind(state, pdu, 'receiver');
    case 'submit_sm': return onSubmit(state, pdu);
    case 'enquire_link':
      stats.enquire_links++;
      state.session.send(pdu.response());
      return emit('enquire_link', { session: state.number, sequence: pdu.sequence_number });
    case 'unbind':
      stats.unbinds++;
      emit('unbind', { session: state.number, sequence: pdu.sequence_number });
      state.mode = null;
      state.session.send(pdu.response());
      return state.session.close();
    case 'deliver_sm_resp':
    case 'enquire_link_resp':
    case 'generic_nack':
      return onResponse(state, pdu);
    default:
      if (pdu.isResponse()) return emit('unexpected', { session: state.number, command: pdu.command, sequence: pdu.sequence_number });
      // Unknown or unsupported request: generic_nack ESME_RINVCMDID (SMPP 3.4 §4.3), and the session goes on.
      state.session.send(new smpp.PDU('generic_nack', { sequence_number: pdu.sequence_number, command_status: smpp.ESME_RINVCMDID }));
      return emit('unsupported', { session: state.number, command: pdu.command, command_id: pdu.command_id, sequence: pdu.sequence_number });
  }
}

function onBind(state, pdu, mode) {
  let status = 0;
  if (state.mode) status = smpp.ESME_RALYBND;
  else if ((options.systemId !== null && pdu.system_id !== options.systemId)
    || (options.password !== null && pdu.password !== options.password)) status = smpp.ESME_RBINDFAIL;
  emit('bind', { mode, system_id: pdu.system_id, password: pdu.password, system_type: pdu.system_type,
    interface_version: pdu.interface_version, session: state.number, command_status: status });
  if (status) {
    stats.bind_failures++;
    state.session.send(pdu.response({ command_status: status }));
    if (status === smpp.ESME_RBINDFAIL) state.session.close();
    return;
  }
  stats.binds++;
  state.mode = mode;
  state.systemId = pdu.system_id;
  state.session.send(pdu.response({ system_id: 'TestSMSC' }));
  if (receiverModes.has(mode)) flushWaiting();
}

function onSubmit(state, pdu) {
  // The package parses as many fields as the body holds: a body that ends before short_message is too short.
  const status = !transmitterModes.has(state.mode) ? smpp.ESME_RINVBNDSTS
    : pdu.short_message === undefined ? smpp.ESME_RINVCMDLEN
    : throttleCount > 0 ? (throttleCount--, smpp.ESME_RTHROTTLED)
      : queueFullCount > 0 ? (queueFullCount--, smpp.ESME_RMSGQFUL) : 0;

  const shortMessage = Buffer.isBuffer(pdu.short_message) ? pdu.short_message : Buffer.alloc(0);
  const payload = Buffer.isBuffer(pdu.message_payload) ? pdu.message_payload : null;
  const udhi = (pdu.esm_class & 0x40) !== 0;
  const udhSource = shortMessage.length || !payload ? shortMessage : payload;
  const udh = udhi ? parseUdh(udhSource) : null;
  const udhLength = udh ? udh.length : 0;

  const event = {
    session: state.number,
    sequence: pdu.sequence_number,
    service_type: pdu.service_type,
    source_addr_ton: pdu.source_addr_ton, source_addr_npi: pdu.source_addr_npi, source_addr: pdu.source_addr,
    dest_addr_ton: pdu.dest_addr_ton, dest_addr_npi: pdu.dest_addr_npi, destination_addr: pdu.destination_addr,
    esm_class: pdu.esm_class,
    data_coding: pdu.data_coding,
    registered_delivery: pdu.registered_delivery,
    short_message_hex: shortMessage.toString('hex'),
    text: decodeText(udhSource === shortMessage ? shortMessage.subarray(udhLength) : shortMessage, pdu.data_coding, udhLength),
  };
  if (udh && udh.concat) event.udh = udh.concat;
  if (pdu.sar_msg_ref_num !== undefined) {
    event.sar = { ref: pdu.sar_msg_ref_num, total: pdu.sar_total_segments, seq: pdu.sar_segment_seqnum };
  }
  if (payload) {
    event.message_payload_hex = payload.toString('hex');
    event.message_payload_text = decodeText(udhSource === payload ? payload.subarray(udhLength) : payload, pdu.data_coding, udhLength);
  }
  if (pdu.ussd_service_op !== undefined) event.ussd_service_op = pdu.ussd_service_op;
  if (Buffer.isBuffer(pdu.its_session_info)) event.its_session_info_hex = pdu.its_session_info.toString('hex');

  const dropNow = dropAfterSubmits > 0 && --dropAfterSubmits === 0;
  if (dropNow || dropping) {
    // A mid-load drop: the SMSC stops answering at this submit_sm (it and any that follow are never accepted), lets
    // the answers it already gave reach the ESME, and closes every connection. An answer lost on the wire would make
    // the ESME's resubmission a duplicate no ESME can avoid; this peer models the SMSC going away, not the cable.
    event.message_id = null;
    event.command_status = null;
    emit('submit_sm', event);
    if (dropNow) {
      dropping = true;
      setTimeout(function () { dropping = false; drop(); }, 50);
    }
    return;
  }

  let messageId = null;
  if (status === 0) {
    messageId = (nextMessageId++).toString(16).toUpperCase();
    accepted.set(messageId, { source_addr: pdu.source_addr, destination_addr: pdu.destination_addr,
      text: event.text || event.message_payload_text || '', submitted: new Date() });
    stats.submits++;
  } else if (status === smpp.ESME_RTHROTTLED) stats.throttled++;
  else if (status === smpp.ESME_RMSGQFUL) stats.queue_full++;
  event.message_id = messageId;
  event.command_status = status;
  emit('submit_sm', event);

  const response = status ? pdu.response({ command_status: status }) : pdu.response({ message_id: messageId });
  if (submitDelayMs > 0) setTimeout(function () { state.session.send(response); }, submitDelayMs);
  else state.session.send(response);
}

function onResponse(state, pdu) {
  const what = state.pending.get(pdu.sequence_number);
  if (!what) return emit('unexpected', { session: state.number, command: pdu.command, sequence: pdu.sequence_number, command_status: pdu.command_status });
  state.pending.delete(pdu.sequence_number);
  if (what.kind === 'deliver') {
    stats.deliver_sm_resps++;
    emit('deliver_sm_resp', { id: what.part.id, part: what.part.index, parts: what.part.total, session: state.number,
      sequence: pdu.sequence_number, command_status: pdu.command_status, generic_nack: pdu.command === 'generic_nack' || undefined });
    // "Try again later" (ESME_RX_T_APPN, or ESME_RSYSERR, which SMSCs treat alike): delivered again after a short pause,
    // to whichever receiver is bound then, as an SMSC's retry schedule would (unless --no-redeliver).
    if ((pdu.command_status === smpp.ESME_RX_T_APPN || pdu.command_status === smpp.ESME_RSYSERR) && options.redeliver) {
      setTimeout(function () { sendPart(Object.assign(what.part, { redelivery: true, session: undefined })); }, 200);
    }
  } else if (what.kind === 'enquire_link') {
    emit('enquire_link_resp', { id: what.id, session: state.number, sequence: pdu.sequence_number, command_status: pdu.command_status });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sending deliver_sm: every part is a { id, index, total, pdu (constructor options), session? } that stays in a
// session's pending map until its response arrives, or in `waiting` while no receiver is bound.
function boundReceivers() {
  return [...sessions.values()].filter(function (s) { return receiverModes.has(s.mode); });
}

function pickReceiver(preferred) {
  const receivers = boundReceivers();
  if (!receivers.length) return null;
  if (preferred !== undefined && preferred !== null) {
    const chosen = receivers.find(function (s) { return s.number === preferred; });
    if (chosen) return chosen;
  }
  return receivers[roundRobin++ % receivers.length];
}

function sendPart(part) {
  const target = pickReceiver(part.session);
  if (!target) { waiting.push(part); return false; }
  const pdu = new smpp.PDU('deliver_sm', Object.assign({}, part.pdu));
  if (!target.session.send(pdu)) { waiting.push(part); return false; }
  target.pending.set(pdu.sequence_number, { kind: 'deliver', part });
  stats.deliveries++;
  const fields = { id: part.id, part: part.index, parts: part.total, session: target.number, sequence: pdu.sequence_number };
  if (part.redelivery) { stats.redelivered++; emit('redelivered', fields); } else emit('deliver_sm_sent', fields);
  return true;
}

function flushWaiting() {
  const parts = waiting.splice(0, waiting.length);
  for (const part of parts) sendPart(part);
}

// Splits text into parts that each fit one short_message beside its UDH (GSM 03.40 §9.2.3.24.1).
function splitText(text, alphabet, parts, headerBytes) {
  const chars = Array.from(text);
  if (parts) {
    const size = Math.ceil(chars.length / parts);
    const result = [];
    for (let i = 0; i < parts; i++) result.push(chars.slice(i * size, (i + 1) * size).join(''));
    return result;
  }
  const units = function (c) { return alphabet === GSM ? smpp.gsmCoder.encode(c, 0).length : alphabet === UCS2 ? c.length * 2 : 1; };
  const capacity = alphabet === GSM ? 160 - Math.ceil(headerBytes * 8 / 7) : 140 - headerBytes;
  const result = [];
  let current = '', used = 0;
  for (const c of chars) {
    const size = units(c);
    if (used + size > capacity) { result.push(current); current = ''; used = 0; }
    current += c; used += size;
  }
  result.push(current);
  return result;
}

function tlvOptions(tlvs) {
  const result = {};
  for (const name of Object.keys(tlvs || {})) {
    let tag = name;
    if (/^0x[0-9a-f]{1,4}$/i.test(name)) {
      // A TLV the package does not name: register it so the package can write it (value as hex).
      const id = parseInt(name, 16);
      tag = smpp.tlvsById[id] ? smpp.tlvsById[id].tag : 'tlv_' + name.toLowerCase();
      if (!smpp.tlvsById[id]) smpp.addTLV(tag, { id, type: smpp.types.tlv.buffer });
    }
    const definition = smpp.tlvs[tag];
    if (!definition) throw new Error('unknown TLV ' + name + ' (use a name from the smpp package or 0xTAG)');
    let value = tlvs[name];
    // Octet-string TLVs (its_session_info, network_error_code...) take hex; the package would write a string as ASCII.
    if (definition.type === smpp.types.tlv.buffer && typeof value === 'string') value = hexBuffer(value, name);
    result[tag] = value;
  }
  return result;
}

function hexBuffer(hex, what) {
  if (!/^([0-9a-f]{2})*$/i.test(hex)) throw new Error(what + ' must be hex, got ' + hex);
  return Buffer.from(hex, 'hex');
}

function buildParts(command) {
  const alphabet = command.encoding || GSM;
  const dataCoding = command.data_coding !== undefined ? command.data_coding : dataCodingFor(alphabet);
  const text = String(command.text === undefined ? '' : command.text);
  const concat = command.concat;
  const base = Object.assign({
    service_type: command.service_type || '',
    source_addr_ton: command.source_addr_ton || 0, source_addr_npi: command.source_addr_npi || 0,
    source_addr: String(command.source || ''),
    dest_addr_ton: command.dest_addr_ton || 0, dest_addr_npi: command.dest_addr_npi || 0,
    destination_addr: String(command.destination || ''),
    esm_class: command.esm_class || 0,
    registered_delivery: command.registered_delivery || 0,
    data_coding: dataCoding,
  }, tlvOptions(command.tlvs));

  if (!concat) {
    return [{ pdu: Object.assign(base, { short_message: encodeText(text, alphabet, 0) }) }];
  }
  const mode = concat.mode || 'udh8';
  if (!['udh8', 'udh16', 'sar'].includes(mode)) throw new Error('unknown concat mode ' + mode + ' (udh8, udh16 or sar)');
  const headerBytes = mode === 'udh8' ? 6 : mode === 'udh16' ? 7 : 0;
  const ref = concat.ref !== undefined ? concat.ref : Math.floor(Math.random() * (mode === 'udh8' ? 256 : 65536));
  const texts = splitText(text, alphabet, concat.parts, headerBytes);
  const total = texts.length;
  return texts.map(function (partText, index) {
    const seq = index + 1;
    const pdu = Object.assign({}, base);
    if (mode === 'sar') {
      Object.assign(pdu, { sar_msg_ref_num: ref & 0xFFFF, sar_total_segments: total, sar_segment_seqnum: seq,
        short_message: encodeText(partText, alphabet, 0) });
    } else {
      const udh = mode === 'udh8'
        ? Buffer.from([5, 0x00, 3, ref & 0xFF, total, seq])
        : Buffer.from([6, 0x08, 4, (ref >> 8) & 0xFF, ref & 0xFF, total, seq]);
      pdu.esm_class = base.esm_class | 0x40;
      pdu.short_message = Buffer.concat([udh, encodeText(partText, alphabet, udh.length)]);
    }
    return { pdu, index };
  });
}

function deliver(command) {
  const parts = buildParts(command);
  const skip = new Set(command.concat && command.concat.skipParts || []);
  let sent = 0, queued = 0;
  for (const part of parts) {
    part.id = command.id;
    part.index = part.index || 0;
    part.total = parts.length;
    part.session = command.to_session;
    if (skip.has(part.index)) continue;
    if (sendPart(part)) sent++; else queued++;
  }
  if (queued) emit('queued', { id: command.id, parts: queued });
  return { parts: parts.length, sent, queued };
}

// A delivery receipt as most SMSCs write it (SMPP 3.4 Appendix B), in text, as TLVs, or both.
const messageStates = { ENROUTE: 1, DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8 };

function formatReceiptId(messageId, format) {
  switch (format || 'as-is') {
    case 'as-is': return messageId;
    case 'decimal': return BigInt('0x' + messageId).toString(10);
    case 'decimal-padded': return BigInt('0x' + messageId).toString(10).padStart(10, '0');
    case 'lowercase': return messageId.toLowerCase();
    default: throw new Error('unknown id_format ' + format + ' (as-is, decimal, decimal-padded, lowercase)');
  }
}

function smppDate(date) {
  const two = function (n) { return String(n).padStart(2, '0'); };
  return two(date.getUTCFullYear() % 100) + two(date.getUTCMonth() + 1) + two(date.getUTCDate())
    + two(date.getUTCHours()) + two(date.getUTCMinutes());
}

function receipt(command) {
  if (!command.message_id) throw new Error('receipt needs message_id');
  const original = accepted.get(String(command.message_id)) || {};
  const stat = command.stat || 'DELIVRD';
  if (!(stat in messageStates)) throw new Error('unknown stat ' + stat);
  const format = command.format || 'text';
  if (!['text', 'tlv', 'both'].includes(format)) throw new Error('unknown format ' + format + ' (text, tlv or both)');
  const receiptId = formatReceiptId(String(command.message_id), command.id_format);
  const delivered = stat === 'DELIVRD' ? '001' : '000';
  const text = command.text !== undefined ? String(command.text)
    : 'id:' + receiptId + ' sub:001 dlvrd:' + delivered + ' submit date:' + smppDate(original.submitted || new Date())
      + ' done date:' + smppDate(new Date()) + ' stat:' + stat + ' err:' + (command.err || '000')
      + ' text:' + Array.from(original.text || '').slice(0, 20).join('').replace(/[^A-Za-z0-9 .,:;!?+#*()-]/g, '?');
  // The receipt travels from the handset back to the sender: the addresses of the submit_sm, swapped.
  const pdu = {
    source_addr: String(command.source || original.destination_addr || ''),
    destination_addr: String(command.destination || original.source_addr || ''),
    esm_class: 0x04,
    data_coding: 0x00,
    short_message: format === 'tlv' ? Buffer.alloc(0) : encodeText(text, GSM, 0),
  };
  if (format !== 'text') {
    pdu.receipted_message_id = receiptId;
    pdu.message_state = messageStates[stat];
  }
  const part = { id: command.id, index: 0, total: 1, session: command.to_session, pdu };
  const sent = sendPart(part);
  if (!sent) emit('queued', { id: command.id, parts: 1 });
  return { receipted_message_id: receiptId, sent: sent ? 1 : 0, queued: sent ? 0 : 1 };
}

function ussd(command) {
  if (command.op === undefined) throw new Error('ussd needs op (the ussd_service_op value)');
  const alphabet = command.encoding || GSM;
  const tlvs = Object.assign({ ussd_service_op: Number(command.op) }, command.tlvs || {});
  if (command.session !== undefined) tlvs.its_session_info = String(command.session); // hex, e.g. "0101"
  return deliver({
    id: command.id, source: command.source, destination: command.destination, text: command.text,
    encoding: alphabet, data_coding: command.data_coding !== undefined ? command.data_coding : (alphabet === GSM ? 0x0F : undefined),
    service_type: command.service_type !== undefined ? command.service_type : 'USSD',
    esm_class: command.esm_class, tlvs, to_session: command.to_session,
  });
}

function enquireLink(command) {
  const targets = [...sessions.values()].filter(function (s) {
    return s.mode && (command.to_session === undefined || s.number === command.to_session);
  });
  if (!targets.length) throw new Error('no bound session to send enquire_link to');
  for (const target of targets) {
    const pdu = new smpp.PDU('enquire_link');
    if (target.session.send(pdu)) target.pending.set(pdu.sequence_number, { kind: 'enquire_link', id: command.id });
  }
  return { sessions: targets.map(function (s) { return s.number; }) };
}

function drop() {
  stats.drops++;
  const numbers = [...sessions.keys()];
  for (const state of sessions.values()) state.session.destroy();
  emit('dropped', { sessions: numbers });
  return { sessions: numbers };
}

// ---------------------------------------------------------------------------------------------------------------
// Commands in. Every command is answered with `ok {id, command, ...}` or `error {id, command, message}`.
const commands = {
  deliver: deliver,
  receipt: receipt,
  ussd: ussd,
  throttle: function (c) { throttleCount = Number(c.count || 0); return { count: throttleCount }; },
  queue_full: function (c) { queueFullCount = Number(c.count || 0); return { count: queueFullCount }; },
  delay: function (c) { submitDelayMs = Number(c.ms || 0); return { ms: submitDelayMs }; },
  drop: function (c) {
    if (c.after_submits) { dropAfterSubmits = Number(c.after_submits); return { after_submits: dropAfterSubmits }; }
    return drop();
  },
  redeliver_unacked: function (c) {
    if (c.enabled !== undefined) options.redeliver = !!c.enabled;
    const count = waiting.length;
    if (boundReceivers().length) flushWaiting();
    return { enabled: options.redeliver, waiting: count };
  },
  enquire_link: enquireLink,
  stats: function () {
    const result = Object.assign({}, stats, { sessions: sessions.size, bound: [...sessions.values()].filter(function (s) { return s.mode; }).length,
      waiting: waiting.length, pending: [...sessions.values()].reduce(function (n, s) { return n + s.pending.size; }, 0) });
    emit('stats', result);
    return result;
  },
  mute: function (c) { for (const e of c.events || []) muted.add(e); return { muted: [...muted] }; },
  unmute: function (c) { for (const e of c.events || [...muted]) muted.delete(e); return { muted: [...muted] }; },
  quit: function () { quit(0); },
};

function onCommandLine(line) {
  if (!line.trim()) return;
  let command;
  try {
    command = JSON.parse(line);
    if (!command || typeof command !== 'object' || typeof command.command !== 'string') throw new Error('a command is {"command": "...", ...}');
  } catch (e) {
    return reportError('bad command line: ' + e.message, { line: line.slice(0, 200) });
  }
  const handler = Object.prototype.hasOwnProperty.call(commands, command.command) ? commands[command.command] : null;
  if (!handler) return reportError('unknown command ' + command.command, { id: command.id, command: command.command });
  try {
    const result = handler(command);
    emit('ok', Object.assign({ id: command.id, command: command.command }, result));
  } catch (e) {
    reportError(e.message, { id: command.id, command: command.command });
  }
}

function quit(code) {
  for (const state of sessions.values()) state.session.destroy();
  server.close();
  emit('bye', {});
  quitting = true;
  exitAfterFlush(code);
}

// stdout is asynchronous when the parent made the pipe non-blocking (Node's own child_process does): exiting at
// once would lose the events still buffered, so exit once everything written so far has been flushed.
function exitAfterFlush(code) {
  process.stdout.write('', function () { process.exit(code); });
}

process.stdout.on('error', function () { process.exit(0); }); // nobody is reading any more

process.on('uncaughtException', function (e) {
  // Never crash on odd input: report and carry on.
  stats.errors++;
  reportError('uncaught: ' + (e && e.stack || e));
});

readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on('line', onCommandLine)
  .on('close', function () { quit(0); }); // the test that started us is gone: so are we

server.listen(options.port, options.host, function () {
  const address = server.address();
  emit('listening', { host: address.address, port: address.port, pid: process.pid });
});
