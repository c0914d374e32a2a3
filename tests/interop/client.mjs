// Partnero interoperability check: the JavaScript automerge-repo client (npm 2.5.x on Node 20)
// against Partnero's sync server. It signs in with a token, reads the document named by
// PARTNERO_RUST_DOC (created by Partnero's Rust client) and creates one for the Rust side to
// read. It prints one JSON line, then keeps serving its document until the test stops it.
import { Repo } from "@automerge/automerge-repo";
import { WebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket";

const { PARTNERO_URL, PARTNERO_TOKEN, PARTNERO_PEER_ID, PARTNERO_RUST_DOC } = process.env;
const adapter = new WebSocketClientAdapter(`${PARTNERO_URL}/sync?token=${encodeURIComponent(PARTNERO_TOKEN)}`);
const repo = new Repo({ network: [adapter], peerId: PARTNERO_PEER_ID, isEphemeral: true });

function within(ms, what, promise) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))]);
}

try {
  const handle = await within(20000, "finding the Rust document", repo.find(PARTNERO_RUST_DOC));
  const doc = handle.doc();
  const created = repo.create({ legal_name: "Written by JavaScript", tags: ["interop"] });
  console.log(JSON.stringify({ read: { name: String(doc.name), count: Number(doc.count) }, created: created.url }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error) }));
  process.exit(1);
}
// Stay connected so the server receives the new document; the test ends this process.
setInterval(() => {}, 1000);
