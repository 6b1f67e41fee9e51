'use strict';
// Independent gRPC interop test server (grpc.testing.TestService) built on
// @grpc/grpc-js, used to check OneStop against a second implementation.
//
//   node server.js --port N      (N = 0 picks a free port)
//
// Listens on 127.0.0.1, plaintext HTTP/2 (h2c). Once ready it prints exactly
// one line, "listening on 127.0.0.1:<port>", so a harness can wait for it.
// SIGTERM / SIGINT shut it down cleanly.
//
// Behaviour follows grpc/grpc doc/interop-test-descriptions.md ("Server"
// section). UnimplementedCall is deliberately left unimplemented.

const zlib = require('node:zlib');
const { grpc, testing, COMPRESSABLE, parseArgs } = require('./proto');

const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';

// ---------------------------------------------------------------------------
// Wire-level compression.
//
// grpc-js (1.14) decompresses gzip/deflate requests by itself and already
// advertises "grpc-accept-encoding: identity,deflate,gzip", so requests need
// no server option (the server ignores 'grpc.default_compression_algorithm').
// But it hides two things the interop tests are about:
//   * whether a received message had its "compressed" flag set (needed for
//     expect_compressed), and
//   * it can never compress a response (its serializer always writes flag 0),
//     which response_compressed / ResponseParameters.compressed ask for.
// The interceptor below reaches both through the per-call object grpc-js
// hands to the first server interceptor (BaseServerInterceptingCall: its
// `stream` field and `serializeMessage` method). Those are internals, which is
// why grpc-js is pinned to an exact version in package.json. If they ever
// disappear a warning goes to stderr, expect_compressed checks answer
// UNIMPLEMENTED rather than guessing, and responses go out uncompressed.
//
// grpc-js also strips the client's grpc-accept-encoding from what handlers
// see, so the server cannot check that the client accepts gzip; it compresses
// only when the request explicitly asks for it, which implies it does.
// ---------------------------------------------------------------------------

// Request message object -> true/false: did its gRPC frame carry the
// compressed flag?
const receivedCompressed = new WeakMap();
// Response message objects that must go out gzip-compressed.
const sendCompressed = new WeakSet();
// Server calls whose initial metadata announced "grpc-encoding: gzip"; only
// their responses may be compressed.
const gzipAnnounced = new WeakSet();

let warnedInternals = false;

function compressionInterceptor(methodDescriptor, baseCall) {
  const stream = baseCall.stream;
  const canObserve = stream && typeof stream.on === 'function';
  const canCompress = typeof baseCall.serializeMessage === 'function';
  const frameFlags = []; // compressed flag of each request frame, in order
  if (!(canObserve && canCompress) && !warnedInternals) {
    warnedInternals = true;
    console.error('warning: grpc-js internals changed; compression checks are disabled');
  }

  if (canObserve) {
    // A second 'data' listener sees the same raw HTTP/2 DATA bytes grpc-js
    // sees. We only read each 5-byte frame header (flag + length) and skip
    // the body. It runs in the same emit as grpc-js's own listener, before
    // grpc-js finishes decoding that message, so the flag is recorded by the
    // time onReceiveMessage below runs.
    let header = Buffer.alloc(0);
    let skip = 0;
    stream.on('data', (chunk) => {
      let i = 0;
      while (i < chunk.length) {
        if (skip > 0) {
          const n = Math.min(skip, chunk.length - i);
          skip -= n;
          i += n;
          continue;
        }
        const n = Math.min(5 - header.length, chunk.length - i);
        header = Buffer.concat([header, chunk.subarray(i, i + n)]);
        i += n;
        if (header.length === 5) {
          frameFlags.push(header[0] === 1);
          skip = header.readUInt32BE(1);
          header = Buffer.alloc(0);
        }
      }
    });
  }

  if (canCompress) {
    // Frames a response with flag 1 and a gzip body when the handler marked
    // it. The handler also announces "grpc-encoding: gzip" in its initial
    // metadata (see sendInitialMetadata).
    const plain = baseCall.serializeMessage.bind(baseCall);
    baseCall.serializeMessage = (value) => {
      const framed = plain(value);
      if (!sendCompressed.has(value)) return framed;
      const body = zlib.gzipSync(framed.subarray(5));
      const out = Buffer.alloc(5 + body.length);
      out[0] = 1;
      out.writeUInt32BE(body.length, 1);
      body.copy(out, 5);
      return out;
    };
  }

  let received = 0;
  const listener = new grpc.ServerListenerBuilder()
    .withOnReceiveMessage((message, next) => {
      const flag = frameFlags[received++];
      if (canObserve && typeof flag === 'boolean' && message && typeof message === 'object') {
        receivedCompressed.set(message, flag);
      }
      next(message);
    })
    .build();
  const responder = new grpc.ResponderBuilder()
    .withStart((next) => next(listener))
    .build();
  return new grpc.ServerInterceptingCall(baseCall, responder);
}

// Returns a status object if the request's expect_compressed does not match
// how the message actually arrived, otherwise null.
function checkExpectCompressed(request) {
  if (!request.expect_compressed) return null; // field absent: nothing to check
  const expected = Boolean(request.expect_compressed.value);
  const actual = receivedCompressed.get(request);
  if (actual === undefined) {
    return { code: grpc.status.UNIMPLEMENTED, details: 'this server cannot observe request compression' };
  }
  if (actual !== expected) {
    return {
      code: grpc.status.INVALID_ARGUMENT,
      details: `expected ${expected ? 'a compressed' : 'an uncompressed'} request message`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function zeros(size) {
  return { type: COMPRESSABLE, body: Buffer.alloc(size) };
}

// Sends initial metadata: the echoed x-grpc-test-echo-initial (if sent), plus
// "grpc-encoding: gzip" when some response message will be compressed.
function sendInitialMetadata(call, willCompress) {
  const md = new grpc.Metadata();
  for (const v of call.metadata.get(ECHO_INITIAL_KEY)) md.add(ECHO_INITIAL_KEY, v);
  if (willCompress) {
    md.set('grpc-encoding', 'gzip');
    gzipAnnounced.add(call);
  }
  call.sendMetadata(md);
}

// Asks for `response` to be sent gzip-compressed, if this call can.
function compressIfAnnounced(call, response) {
  if (gzipAnnounced.has(call)) sendCompressed.add(response);
  return response;
}

// Trailing metadata echoing x-grpc-test-echo-trailing-bin (if sent).
function trailers(call) {
  const md = new grpc.Metadata();
  for (const v of call.metadata.get(ECHO_TRAILING_KEY)) md.add(ECHO_TRAILING_KEY, v);
  return md;
}

// The status a request asks to finish with (EchoStatus), or null for OK.
function requestedStatus(request) {
  const s = request.response_status;
  if (!s || !s.code) return null;
  return { code: s.code, details: s.message };
}

function invalidType(type) {
  if (type === COMPRESSABLE) return null;
  return { code: grpc.status.INVALID_ARGUMENT, details: `unsupported response_type ${type}` };
}

function isTrue(boolValue) {
  return Boolean(boolValue && boolValue.value);
}

// ---------------------------------------------------------------------------
// TestService
// ---------------------------------------------------------------------------

function emptyCall(call, callback) {
  sendInitialMetadata(call, false);
  callback(null, {}, trailers(call));
}

function unaryCall(call, callback) {
  const req = call.request;
  const compress = isTrue(req.response_compressed);
  sendInitialMetadata(call, compress);
  const fail = (status) => callback({ ...status, metadata: trailers(call) });

  const bad = checkExpectCompressed(req) || invalidType(req.response_type);
  if (bad) return fail(bad);
  const status = requestedStatus(req);
  if (status) return fail(status);

  const response = { payload: zeros(req.response_size) };
  if (compress) compressIfAnnounced(call, response);
  callback(null, response, trailers(call));
}

// The spec's CacheableUnaryCall: payload is the current time in nanoseconds
// (so each answer differs) and the response may be cached by a proxy.
// grpc-js cannot serve the GET form of a cacheable request; POST works.
function cacheableUnaryCall(call, callback) {
  const md = new grpc.Metadata();
  for (const v of call.metadata.get(ECHO_INITIAL_KEY)) md.add(ECHO_INITIAL_KEY, v);
  md.set('cache-control', 'max-age=60, public');
  call.sendMetadata(md);
  // Wall-clock milliseconds, with the sub-millisecond digits taken from the
  // monotonic clock so two answers in the same millisecond still differ.
  const now = BigInt(Date.now()) * 1000000n + (process.hrtime.bigint() % 1000000n);
  callback(null, { payload: { type: COMPRESSABLE, body: Buffer.from(now.toString()) } }, trailers(call));
}

// Writes the responses one StreamingOutputCallRequest asks for, honouring
// interval_us as a sleep before each one. Returns a status to end the call
// with, or null to carry on. A request carrying response_status is answered
// by that status alone (nothing written), like "the server will not process
// any further messages" in the spec's Echo Status.
async function answer(call, req) {
  const status = invalidType(req.response_type) || requestedStatus(req);
  if (status) return status;
  for (const p of req.response_parameters) {
    if (p.interval_us > 0) await sleep(p.interval_us / 1000);
    if (call.cancelled) return null;
    const response = { payload: zeros(p.size) };
    if (isTrue(p.compressed)) compressIfAnnounced(call, response);
    call.write(response);
  }
  return null;
}

function wantsCompression(requests) {
  return requests.some((r) => r.response_parameters.some((p) => isTrue(p.compressed)));
}

function finish(call, status) {
  if (call.cancelled) return;
  if (status) call.emit('error', { ...status, metadata: trailers(call) });
  else call.end(trailers(call));
}

async function streamingOutputCall(call) {
  sendInitialMetadata(call, wantsCompression([call.request]));
  finish(call, await answer(call, call.request));
}

function streamingInputCall(call, callback) {
  sendInitialMetadata(call, false);
  let total = 0;
  let failed = false;
  call.on('data', (req) => {
    if (failed) return;
    const bad = checkExpectCompressed(req);
    if (bad) {
      failed = true;
      callback({ ...bad, metadata: trailers(call) });
      return;
    }
    total += req.payload ? req.payload.body.length : 0;
  });
  call.on('end', () => {
    if (!failed) callback(null, { aggregated_payload_size: total }, trailers(call));
  });
}

// Answers each request as soon as it arrives (strictly in order). A request
// carrying response_status ends the call with that status; anything the
// client sends afterwards is ignored.
//
// Initial metadata goes out with the first answer, so "grpc-encoding: gzip"
// is announced only if that first request asks for a compressed response. (A
// later request asking for compression after plain headers were sent is
// answered uncompressed; the interop cases never do that.)
function fullDuplexCall(call) {
  let headersSent = false;
  let finished = false;
  let chain = Promise.resolve();
  const sendHeaders = (req) => {
    if (headersSent) return;
    headersSent = true;
    sendInitialMetadata(call, req ? wantsCompression([req]) : false);
  };
  const end = (status) => {
    if (finished) return;
    finished = true;
    sendHeaders(null);
    finish(call, status);
  };
  call.on('data', (req) => {
    chain = chain.then(async () => {
      if (finished) return;
      sendHeaders(req);
      const status = await answer(call, req);
      if (status) end(status);
    });
  });
  call.on('end', () => {
    chain = chain.then(() => end(null));
  });
}

// Reads every request first, then answers them in order.
function halfDuplexCall(call) {
  const requests = [];
  call.on('data', (req) => requests.push(req));
  call.on('end', async () => {
    sendInitialMetadata(call, wantsCompression(requests));
    let status = null;
    for (const req of requests) {
      status = await answer(call, req);
      if (status) break;
    }
    finish(call, status);
  });
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------


function main() {
  const args = parseArgs(process.argv.slice(2));
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: node server.js --port N');
    process.exit(2);
  }

  const server = new grpc.Server({ interceptors: [compressionInterceptor] });
  server.addService(testing.TestService.service, {
    EmptyCall: emptyCall,
    UnaryCall: unaryCall,
    CacheableUnaryCall: cacheableUnaryCall,
    StreamingOutputCall: streamingOutputCall,
    StreamingInputCall: streamingInputCall,
    FullDuplexCall: fullDuplexCall,
    HalfDuplexCall: halfDuplexCall,
    // UnimplementedCall intentionally missing: grpc-js answers UNIMPLEMENTED.
  });

  server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, boundPort) => {
    if (err) {
      console.error(`failed to listen: ${err.message}`);
      process.exit(1);
    }
    console.log(`listening on 127.0.0.1:${boundPort}`);
  });

  const stop = () => {
    // Let in-flight calls finish, but never hang the harness.
    const timer = setTimeout(() => {
      server.forceShutdown();
      process.exit(0);
    }, 2000);
    server.tryShutdown(() => {
      clearTimeout(timer);
      process.exit(0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
