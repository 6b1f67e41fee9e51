'use strict';
// Independent gRPC interop test client built on @grpc/grpc-js, used to check
// OneStop's server against a second implementation.
//
//   node client.js --server_host 127.0.0.1 --server_port N --test_case NAME
//
// NAME is one of the cases in CASES below, or "all" to run each in turn.
// Prints "PASS <case>" or "FAIL <case>: <reason>" per case; exits 0 only if
// every case passed. Plaintext HTTP/2 only (no --use_tls).
//
// Each case asserts what grpc/grpc doc/interop-test-descriptions.md says the
// client asserts. Every call carries a deadline so nothing can hang.

const http2 = require('node:http2');
const zlib = require('node:zlib');
const { grpc, packageDefinition, testing, COMPRESSABLE, parseArgs } = require('./proto');

const DEADLINE_MS = 10000;
const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_INITIAL_VALUE = 'test_initial_metadata_value';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';
const ECHO_TRAILING_VALUE = Buffer.from([0xab, 0xab, 0xab]);
const SPECIAL_STATUS_MESSAGE = '\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \u{1F608}\t\n';

// Sizes used throughout the spec.
const REQUEST_SIZES = [27182, 8, 1828, 45904];
const RESPONSE_SIZES = [31415, 9, 2653, 58979];
const LARGE_REQUEST = 271828;
const LARGE_RESPONSE = 314159;

// ---------------------------------------------------------------------------
// Plumbing
// ---------------------------------------------------------------------------

class Failure extends Error {}

function check(condition, message) {
  if (!condition) throw new Failure(message);
}

function deadline(ms = DEADLINE_MS) {
  return new Date(Date.now() + ms);
}

function zeros(size) {
  return { type: COMPRESSABLE, body: Buffer.alloc(size) };
}

function checkPayload(payload, size, what = 'response payload') {
  check(payload, `${what} missing`);
  check(payload.body.length === size, `${what} is ${payload.body.length} bytes, want ${size}`);
  check(payload.body.every((b) => b === 0), `${what} is not all zeros`);
}

function statusName(code) {
  return Object.keys(grpc.status).find((k) => grpc.status[k] === code) || String(code);
}

function checkStatus(err, code, what = 'call') {
  const got = err ? err.code : grpc.status.OK;
  check(got === code, `${what} ended with ${statusName(got)}${err ? ` (${err.details})` : ''}, want ${statusName(code)}`);
}

// Unary call as a promise. Resolves to { err, response, headers, trailers }
// instead of rejecting, so cases can assert on failures too.
function unary(client, method, request, { metadata = new grpc.Metadata(), ms = DEADLINE_MS } = {}) {
  return new Promise((resolve) => {
    const result = { err: null, response: null, headers: null, trailers: null };
    let pending = 2; // wait for both the callback and the final status
    const done = () => {
      if (--pending === 0) resolve(result);
    };
    const call = client[method](request, metadata, { deadline: deadline(ms) }, (err, response) => {
      result.err = err;
      result.response = response;
      done();
    });
    call.on('metadata', (md) => {
      result.headers = md;
    });
    call.on('status', (status) => {
      result.trailers = status.metadata;
      done();
    });
  });
}

// Collects everything a response stream produces. Resolves to
// { err, responses, headers, trailers } once the call has finished.
function collect(call) {
  return new Promise((resolve) => {
    const result = { err: null, responses: [], headers: null, trailers: null };
    call.on('metadata', (md) => {
      result.headers = md;
    });
    call.on('data', (r) => result.responses.push(r));
    call.on('error', (err) => {
      result.err = err;
    });
    call.on('status', (status) => {
      result.trailers = status.metadata;
      // 'status' can precede the final 'error' event; let it through first.
      setImmediate(() => resolve(result));
    });
  });
}

// Reads the next message of a bidi call, failing on end, error or timeout.
function nextMessage(call) {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      call.off('data', onData);
      call.off('end', onEnd);
      call.off('error', onError);
    };
    const onData = (r) => {
      cleanup();
      resolve(r);
    };
    const onEnd = () => {
      cleanup();
      reject(new Failure('stream ended before the expected response'));
    };
    const onError = (err) => {
      cleanup();
      reject(new Failure(`stream failed: ${statusName(err.code)} ${err.details}`));
    };
    call.on('data', onData);
    call.on('end', onEnd);
    call.on('error', onError);
  });
}

function checkEchoedMetadata(result, what) {
  const initial = result.headers ? result.headers.get(ECHO_INITIAL_KEY) : [];
  check(initial.length === 1 && initial[0] === ECHO_INITIAL_VALUE,
    `${what}: initial metadata ${ECHO_INITIAL_KEY} = ${JSON.stringify(initial)}, want "${ECHO_INITIAL_VALUE}"`);
  const trailing = result.trailers ? result.trailers.get(ECHO_TRAILING_KEY) : [];
  check(trailing.length === 1 && Buffer.isBuffer(trailing[0]) && trailing[0].equals(ECHO_TRAILING_VALUE),
    `${what}: trailing metadata ${ECHO_TRAILING_KEY} = ${JSON.stringify(trailing)}, want 0xababab`);
}

// One raw unary call over Node's own http2 module, bypassing grpc-js. Used
// only where the spec asserts on the per-message "compressed" flag, which
// grpc-js never exposes to applications. Returns { status, details, frames }
// with frames = [{ compressed, message }] (message already decoded).
function rawUnary(target, method, request) {
  const def = packageDefinition['grpc.testing.TestService'][method];
  const body = def.requestSerialize(request);
  const frame = Buffer.alloc(5 + body.length);
  frame.writeUInt32BE(body.length, 1);
  body.copy(frame, 5);

  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${target}`);
    const fail = (err) => {
      session.destroy();
      reject(err);
    };
    session.on('error', fail);
    const req = session.request({
      ':method': 'POST',
      ':path': def.path,
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-accept-encoding': 'identity,gzip',
      'grpc-timeout': `${DEADLINE_MS}m`,
    });
    req.setTimeout(DEADLINE_MS, () => fail(new Failure('raw call timed out')));
    let headers = {};
    let trailers = {};
    const chunks = [];
    req.on('response', (h) => {
      headers = h;
    });
    req.on('trailers', (t) => {
      trailers = t;
    });
    req.on('data', (c) => chunks.push(c));
    req.on('error', fail);
    req.on('end', () => {
      session.close();
      try {
        const data = Buffer.concat(chunks);
        const encoding = headers['grpc-encoding'] || 'identity';
        const frames = [];
        for (let i = 0; i + 5 <= data.length;) {
          const compressed = data[i] === 1;
          const len = data.readUInt32BE(i + 1);
          let msg = data.subarray(i + 5, i + 5 + len);
          i += 5 + len;
          if (compressed) {
            check(encoding === 'gzip', `compressed message under grpc-encoding "${encoding}"`);
            msg = zlib.gunzipSync(msg);
          }
          frames.push({ compressed, message: def.responseDeserialize(msg) });
        }
        // A "trailers-only" response carries the status in the headers.
        const status = Number(trailers['grpc-status'] ?? headers['grpc-status']);
        const details = decodeURIComponent(trailers['grpc-message'] ?? headers['grpc-message'] ?? '');
        resolve({ status, details, frames });
      } catch (e) {
        reject(e);
      }
    });
    req.end(frame);
  });
}

// ---------------------------------------------------------------------------
// Test cases
// ---------------------------------------------------------------------------

const CASES = {
  async empty_unary({ stub }) {
    const r = await unary(stub, 'EmptyCall', {});
    checkStatus(r.err, grpc.status.OK);
    check(r.response, 'response is null');
  },

  async large_unary({ stub }) {
    const r = await unary(stub, 'UnaryCall', { response_size: LARGE_RESPONSE, payload: zeros(LARGE_REQUEST) });
    checkStatus(r.err, grpc.status.OK);
    checkPayload(r.response.payload, LARGE_RESPONSE);
  },

  // grpc-js can only set compression per channel, so the compressed call goes
  // through a second channel whose default algorithm is gzip. A gzip channel
  // sets the compressed flag on every message it sends.
  async client_compressed_unary({ stub, gzipStub }) {
    const request = (expect) => ({
      expect_compressed: { value: expect },
      response_size: LARGE_RESPONSE,
      payload: zeros(LARGE_REQUEST),
    });
    const probe = await unary(stub, 'UnaryCall', request(true));
    checkStatus(probe.err, grpc.status.INVALID_ARGUMENT, 'probe (uncompressed, expect_compressed=true)');

    const compressed = await unary(gzipStub, 'UnaryCall', request(true));
    checkStatus(compressed.err, grpc.status.OK, 'compressed call');
    checkPayload(compressed.response.payload, LARGE_RESPONSE);

    const plain = await unary(stub, 'UnaryCall', request(false));
    checkStatus(plain.err, grpc.status.OK, 'uncompressed call');
    checkPayload(plain.response.payload, LARGE_RESPONSE);
  },

  // grpc-js decompresses transparently and hides the message flag, so each
  // request is made twice: through grpc-js (the call must work end to end),
  // and as a raw HTTP/2 exchange to assert the flag itself.
  async server_compressed_unary({ stub, target }) {
    for (const want of [true, false]) {
      const request = { response_compressed: { value: want }, response_size: LARGE_RESPONSE, payload: zeros(LARGE_REQUEST) };
      const what = `response_compressed=${want}`;

      const r = await unary(stub, 'UnaryCall', request);
      checkStatus(r.err, grpc.status.OK, what);
      checkPayload(r.response.payload, LARGE_RESPONSE, `${what} payload`);

      const raw = await rawUnary(target, 'UnaryCall', request);
      check(raw.status === grpc.status.OK, `${what} (raw): status ${statusName(raw.status)} ${raw.details}`);
      check(raw.frames.length === 1, `${what} (raw): ${raw.frames.length} response messages, want 1`);
      check(raw.frames[0].compressed === want,
        `${what}: response compressed flag is ${raw.frames[0].compressed ? 'set' : 'not set'}`);
      checkPayload(raw.frames[0].message.payload, LARGE_RESPONSE, `${what} (raw) payload`);
    }
  },

  async client_streaming({ stub }) {
    const result = new Promise((resolve) => {
      const call = stub.StreamingInputCall({ deadline: deadline() }, (err, response) => resolve({ err, response }));
      for (const size of REQUEST_SIZES) call.write({ payload: zeros(size) });
      call.end();
    });
    const { err, response } = await result;
    checkStatus(err, grpc.status.OK);
    check(response.aggregated_payload_size === 74922,
      `aggregated_payload_size is ${response.aggregated_payload_size}, want 74922`);
  },

  async server_streaming({ stub }) {
    const call = stub.StreamingOutputCall(
      { response_parameters: RESPONSE_SIZES.map((size) => ({ size })) },
      { deadline: deadline() });
    const r = await collect(call);
    checkStatus(r.err, grpc.status.OK);
    check(r.responses.length === RESPONSE_SIZES.length,
      `${r.responses.length} responses, want ${RESPONSE_SIZES.length}`);
    r.responses.forEach((resp, i) => checkPayload(resp.payload, RESPONSE_SIZES[i], `response ${i}`));
  },

  async ping_pong({ stub }) {
    const call = stub.FullDuplexCall({ deadline: deadline() });
    const outcome = collect(call);
    for (let i = 0; i < REQUEST_SIZES.length; i++) {
      const reply = nextMessage(call);
      call.write({ response_parameters: [{ size: RESPONSE_SIZES[i] }], payload: zeros(REQUEST_SIZES[i]) });
      checkPayload((await reply).payload, RESPONSE_SIZES[i], `response ${i}`);
    }
    call.end();
    const r = await outcome;
    checkStatus(r.err, grpc.status.OK);
    check(r.responses.length === REQUEST_SIZES.length,
      `${r.responses.length} responses, want ${REQUEST_SIZES.length}`);
  },

  async empty_stream({ stub }) {
    const call = stub.FullDuplexCall({ deadline: deadline() });
    const outcome = collect(call);
    call.end();
    const r = await outcome;
    checkStatus(r.err, grpc.status.OK);
    check(r.responses.length === 0, `${r.responses.length} responses, want 0`);
  },

  async custom_metadata({ stub }) {
    const md = () => {
      const m = new grpc.Metadata();
      m.set(ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE);
      m.set(ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE);
      return m;
    };

    const u = await unary(stub, 'UnaryCall',
      { response_size: LARGE_RESPONSE, payload: zeros(LARGE_REQUEST) }, { metadata: md() });
    checkStatus(u.err, grpc.status.OK, 'UnaryCall');
    checkPayload(u.response.payload, LARGE_RESPONSE, 'UnaryCall payload');
    checkEchoedMetadata(u, 'UnaryCall');

    const call = stub.FullDuplexCall(md(), { deadline: deadline() });
    const outcome = collect(call);
    call.write({ response_parameters: [{ size: LARGE_RESPONSE }], payload: zeros(LARGE_REQUEST) });
    call.end();
    const d = await outcome;
    checkStatus(d.err, grpc.status.OK, 'FullDuplexCall');
    check(d.responses.length === 1, `FullDuplexCall: ${d.responses.length} responses, want 1`);
    checkPayload(d.responses[0].payload, LARGE_RESPONSE, 'FullDuplexCall payload');
    checkEchoedMetadata(d, 'FullDuplexCall');
  },

  async status_code_and_message({ stub }) {
    await echoStatus(stub, 2, 'test status message', true);
  },

  async special_status_message({ stub }) {
    await echoStatus(stub, 2, SPECIAL_STATUS_MESSAGE, false);
  },

  async unimplemented_method({ stub }) {
    const r = await unary(stub, 'UnimplementedCall', {});
    checkStatus(r.err, grpc.status.UNIMPLEMENTED);
  },

  async unimplemented_service({ unimplementedStub }) {
    const r = await unary(unimplementedStub, 'UnimplementedCall', {});
    checkStatus(r.err, grpc.status.UNIMPLEMENTED);
  },

  async cancel_after_begin({ stub }) {
    const result = new Promise((resolve) => {
      const call = stub.StreamingInputCall({ deadline: deadline() }, (err) => resolve(err));
      call.cancel();
    });
    checkStatus(await result, grpc.status.CANCELLED);
  },

  async cancel_after_first_response({ stub }) {
    const call = stub.FullDuplexCall({ deadline: deadline() });
    const outcome = collect(call);
    const reply = nextMessage(call);
    call.write({ response_parameters: [{ size: 31415 }], payload: zeros(27182) });
    checkPayload((await reply).payload, 31415);
    call.cancel();
    const r = await outcome;
    checkStatus(r.err, grpc.status.CANCELLED);
  },

  async timeout_on_sleeping_server({ stub }) {
    const call = stub.FullDuplexCall({ deadline: deadline(1) });
    const outcome = collect(call);
    call.write({ payload: zeros(27182) });
    const r = await outcome;
    checkStatus(r.err, grpc.status.DEADLINE_EXCEEDED);
  },
};

// Shared by status_code_and_message and special_status_message: the unary
// call must end with exactly the requested code and message, and (for the
// former) so must a FullDuplexCall.
async function echoStatus(stub, code, message, alsoDuplex) {
  const responseStatus = { code, message };
  const u = await unary(stub, 'UnaryCall', { response_status: responseStatus });
  checkStatus(u.err, code, 'UnaryCall');
  check(u.err.details === message,
    `UnaryCall: status message ${JSON.stringify(u.err.details)}, want ${JSON.stringify(message)}`);
  if (!alsoDuplex) return;

  const call = stub.FullDuplexCall({ deadline: deadline() });
  const outcome = collect(call);
  call.write({ response_status: responseStatus });
  call.end();
  const d = await outcome;
  checkStatus(d.err, code, 'FullDuplexCall');
  check(d.err.details === message,
    `FullDuplexCall: status message ${JSON.stringify(d.err.details)}, want ${JSON.stringify(message)}`);
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------


// Fresh channels for every case, so one case's cancellations or compression
// state cannot leak into the next.
async function runCase(name, target) {
  const insecure = grpc.credentials.createInsecure();
  const ctx = {
    target,
    stub: new testing.TestService(target, insecure),
    gzipStub: new testing.TestService(target, insecure, {
      'grpc.default_compression_algorithm': grpc.compressionAlgorithms.gzip,
    }),
    unimplementedStub: new testing.UnimplementedService(target, insecure),
  };
  try {
    await CASES[name](ctx);
    console.log(`PASS ${name}`);
    return true;
  } catch (e) {
    const reason = e instanceof Failure ? e.message : (e && e.stack) || String(e);
    console.log(`FAIL ${name}: ${reason}`);
    return false;
  } finally {
    for (const c of [ctx.stub, ctx.gzipStub, ctx.unimplementedStub]) c.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const host = args.server_host || '127.0.0.1';
  const port = Number(args.server_port);
  const test = args.test_case;
  if (!Number.isInteger(port) || !test || (test !== 'all' && !CASES[test])) {
    console.error('usage: node client.js --server_host HOST --server_port N --test_case NAME|all');
    console.error(`cases: ${Object.keys(CASES).join(', ')}`);
    process.exit(2);
  }
  const target = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  const names = test === 'all' ? Object.keys(CASES) : [test];
  let ok = true;
  for (const name of names) ok = (await runCase(name, target)) && ok;
  process.exit(ok ? 0 : 1);
}

main();
