'use strict';
// Loads the grpc.testing schema from the repository's own protos/ folder, so
// this peer and OneStop are always built from the very same .proto files.
//
// Both scripts use the same loader options: field names exactly as written in
// the .proto (keepCase), enum values as numbers, absent message fields as null
// (defaults) so a "nullable" BoolValue can be told apart from false.

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_ROOT = path.resolve(__dirname, '..', '..', 'protos');

const packageDefinition = protoLoader.loadSync('grpc/testing/test.proto', {
  includeDirs: [PROTO_ROOT],
  keepCase: true,
  longs: String,
  enums: Number,
  bytes: Buffer,
  defaults: true,
  oneofs: true,
});

const testing = grpc.loadPackageDefinition(packageDefinition).grpc.testing;

// PayloadType.COMPRESSABLE, the only payload type in the schema.
const COMPRESSABLE = 0;

// Command-line flags as the interop tools take them: --name value or --name=value.
function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument: ${argv[i]}`);
    args[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
  }
  return args;
}

module.exports = { grpc, packageDefinition, testing, COMPRESSABLE, parseArgs };
