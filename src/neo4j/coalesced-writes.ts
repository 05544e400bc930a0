/**
 * One socket write per Bolt request, not one per 1,400 bytes.
 *
 * Why: neo4j-driver encodes a message into a 1,400-byte buffer and writes it to the socket each
 * time the buffer fills, then once more at the end of the request. A creator page statement with
 * its parameters is ~1.7 KB, so each page cost two write syscalls, and on this loopback a write that
 * wakes Neo4j was our most expensive single call: ~0.2 ms of our CPU each, ~4.6% of our server's
 * busy time on the api bench from that second write alone (profile in README.md, "Performance").
 *
 * How: the driver's Node channel corks its socket on the first write of a tick and uncorks it on
 * the next tick, so everything the driver writes in one go (the RUN and PULL of a request, however
 * many chunks) leaves in one writev. Bytes, order and framing are unchanged; a write waits at most
 * until the current tick's synchronous work ends, which the driver never waits on.
 *
 * The driver offers no option for this, so the channel's `write` is wrapped; neo4j-driver is pinned
 * (package.json) and `install` throws if the class it wraps is not there, so an upgrade that moves
 * it fails loudly at start-up and in test/neo4j/coalesced-writes.test.ts, not silently.
 */
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

interface NodeChannelLike {
  _pending: unknown[] | null;
  _conn: Socket;
  _corked?: boolean;
  write(buffer: unknown): void;
}

let installed = false;

const uncork = (channel: NodeChannelLike) => {
  channel._corked = false;
  channel._conn.uncork();
};

/** Wraps the driver's Node channel once per process (every driver built after or before shares the class). */
export function coalesceBoltWrites(): void {
  if (installed) return;
  // The bolt-connection package neo4j-driver itself loads, wherever npm put it.
  const fromDriver = createRequire(require.resolve('neo4j-driver'));
  const mod = fromDriver('neo4j-driver-bolt-connection/lib/channel/node/node-channel.js') as { default?: { prototype: NodeChannelLike } };
  const proto = mod.default?.prototype;
  if (!proto || typeof proto.write !== 'function') throw new Error('neo4j-driver-bolt-connection has no NodeChannel.write to wrap: check src/neo4j/coalesced-writes.ts against this driver version');
  const write = proto.write;
  proto.write = function (this: NodeChannelLike, buffer: unknown) {
    // While connecting the channel queues writes itself (_pending) and sends them on connect.
    if (this._pending === null && !this._corked && this._conn && !this._conn.destroyed) {
      this._corked = true;
      this._conn.cork();
      process.nextTick(uncork, this);
    }
    write.call(this, buffer);
  };
  installed = true;
}
