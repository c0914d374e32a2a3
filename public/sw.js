// Partnero's service worker: keeps one version of the app shell (index.html, the wasm, JS, CSS,
// manifest and icons) in Cache Storage so the app starts with no network, and lets the person
// choose when to move to a new version. Data never passes through here: it lives in IndexedDB.
//
// Versions: the build stamps VERSION (a hash of the built index.html, which names every asset by
// its content hash; see the post-build hook in Trunk.toml), so a new deployment is a new sw.js.
// The browser installs it in the background and it waits; the app sees it waiting and offers
// "Update available". Only when the person accepts does the app ask it to take over
// ("skip-waiting") and reload. Until then every navigation is answered from this version's cache,
// so a reload never switches versions under the person's fingers.

const VERSION = "__PARTNERO_BUILD__";
const SHELL_CACHE = `partnero-shell-${VERSION}`;
const STATIC_FILES = [
  "/manifest.webmanifest",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-512.png",
];

async function cacheShell() {
  const cache = await caches.open(SHELL_CACHE);
  const response = await fetch("/index.html", { cache: "no-cache" });
  if (!response.ok) throw new Error(`index.html answered ${response.status}`);
  const html = await response.clone().text();
  const assets = new Set(STATIC_FILES);
  for (const match of html.matchAll(/(?:href|src)="(\/[^"#?]+)"/g)) assets.add(match[1]);
  await cache.addAll([...assets].map((asset) => new Request(asset, { cache: "no-cache" })));
  await cache.put("/index.html", response);
}

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits for the person (see the header). The very first
  // install has no older version to wait for and takes over at once.
  event.waitUntil(cacheShell());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("partnero-shell-") && name !== SHELL_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
  // A page this version does not control yet, though it is active, asks to be claimed: the
  // claim at activation can miss a page that was still starting (see web/pwa.rs).
  if (event.data && event.data.type === "claim") {
    event.waitUntil(self.clients.claim().catch(() => {}));
  }
  if (event.data && event.data.type === "version" && event.ports[0]) {
    event.ports[0].postMessage({ version: VERSION });
  }
});

async function shellNavigation(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match("/index.html");
  if (cached) return cached;
  // This version's shell is gone (storage cleared under us): the network, then nothing.
  return fetch(request);
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // The API, the sync socket and attached files are live data: never from the shell cache (a
  // cached change-feed answer would hide every later change from the app).
  if (
    url.pathname === "/health" ||
    url.pathname === "/sw.js" ||
    url.pathname.startsWith("/api/") ||
    url.pathname === "/sync"
  ) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(shellNavigation(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
