/* Search snippets in the offline copy of the course site.
 *
 * Sphinx's search shows each result with a snippet of the page it found,
 * and it reads that page with fetch(). A page opened from the disk
 * (file://) may not fetch another file, so the offline bundle carries the
 * main part of every page in offline-pages.js (COURSE_OFFLINE_PAGES, keyed
 * by the page's path in the site) and this script answers Sphinx's fetch()
 * of a page from that copy. Any other request goes to the browser's own
 * fetch(). make_bundle.py adds both scripts to search.html of the bundle
 * only; the site on a server does not load them.
 */
(function () {
  "use strict";

  const pages = window.COURSE_OFFLINE_PAGES;
  if (!pages || typeof window.fetch !== "function") return;
  const root = new URL(document.documentElement.dataset.content_root
                       || "./", document.baseURI).href;
  const browserFetch = window.fetch.bind(window);

  window.fetch = (resource, options) => {
    const url = new URL(typeof resource === "string" ? resource
                        : resource.url, document.baseURI);
    url.hash = "";
    url.search = "";
    const path = url.href.startsWith(root)
      ? decodeURIComponent(url.href.slice(root.length)) : null;
    if (path !== null && Object.hasOwn(pages, path)) {
      return Promise.resolve(new Response(pages[path], {
        status: 200, headers: {"Content-Type": "text/html"}}));
    }
    return browserFetch(resource, options);
  };
})();
