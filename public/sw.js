// Partnero's service worker: keeps the app shell (index.html, the wasm, JS, CSS, manifest and
// icons) in Cache Storage so the app starts with no network. Data never passes through here: it
// lives in IndexedDB.
//
// Trunk names assets by content hash, so on install we read index.html and cache exactly the
// files it references. Navigations go to the network first (a new deployment is picked up when
// online) and fall back to the cached index.html offline; hashed assets are served cache-first.

const SHELL_CACHE = "partnero-shell-v2";
const STATIC_FILES = ["/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png"];

async function cacheShell() {
  const cache = await caches.open(SHELL_CACHE);
  const response = await fetch("/index.html", { cache: "no-cache" });
  if (!response.ok) throw new Error(`index.html answered ${response.status}`);
  const html = await response.clone().text();
  const assets = new Set(STATIC_FILES);
  for (const match of html.matchAll(/(?:href|src)="(\/[^"#?]+)"/g)) assets.add(match[1]);
  await cache.addAll([...assets]);
  await cache.put("/index.html", response);
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirstNavigation(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      // Keep the newest shell and the assets it names for the next offline start.
      const html = await response.clone().text();
      await cache.put("/index.html", new Response(html, { headers: response.headers }));
      const missing = [];
      for (const match of html.matchAll(/(?:href|src)="(\/[^"#?]+)"/g)) {
        if (!(await cache.match(match[1]))) missing.push(match[1]);
      }
      if (missing.length) cache.addAll(missing).catch(() => {});
    }
    return response;
  } catch (error) {
    const cached = await cache.match("/index.html");
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // The API and the sync socket are live data: never from the cache (a cached change-feed
  // answer would hide every later change from the app).
  if (url.pathname === "/health" || url.pathname === "/sw.js" || url.pathname.startsWith("/api/") || url.pathname === "/sync") return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirstNavigation(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
