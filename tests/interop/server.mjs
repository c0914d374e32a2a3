// The reference automerge-repo sync server on Node (network-websocket + nodefs storage), run by
// sync-server/examples/server_bench.rs to compare with Partnero's server on the same workload.
// PORT and DATA_DIR come from the environment; it prints "ready" once listening.
import { Repo } from "@automerge/automerge-repo";
import { NodeFSStorageAdapter } from "@automerge/automerge-repo-storage-nodefs";
import { WebSocketServerAdapter } from "@automerge/automerge-repo-network-websocket";
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ host: "127.0.0.1", port: Number(process.env.PORT) });
// Like Partnero's server: never announce documents, answer what clients ask for.
new Repo({
  network: [new WebSocketServerAdapter(wss)],
  storage: new NodeFSStorageAdapter(process.env.DATA_DIR),
  peerId: "node-sync-server",
  sharePolicy: async () => false,
});
wss.on("listening", () => console.log("ready"));
