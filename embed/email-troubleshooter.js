// <email-troubleshooter> and mount(): the one file a host page includes.
// It loads the wasm from beside itself, so dist/ can live at any path, and leaves whatever the
// host put inside the element on show until the widget is ready, or for good if it can't load.

// Two builds of the same widget: the usual one, and a larger one that can also read a host's
// own checklist. A page downloads the second only if its settings name a checklist.
const bundles = {};
const load = (name) =>
  (bundles[name] ??= import(`./${name}.js`).then(
    async (glue) => {
      await glue.default({ module_or_path: new URL(`${name}_bg.wasm`, import.meta.url) });
      return glue;
    },
  ).catch((error) => {
    delete bundles[name]; // not kept: a later try loads it again
    throw error;
  }));

// Languages other than English are separate files, fetched only by the pages that show them.
const translations = {};
const loadTranslation = (lang) =>
  (translations[lang] ??= import(`./locale-${lang}.js`).then(
    (module) => module.default,
    () => void delete translations[lang], // not kept: the next widget tries again
  ));

const namesChecklist = (element, settings) =>
  "checklist" in Object(settings) ||
  /"checklist"/.test(element.getAttribute("config") ?? "") ||
  [...element.children].some((child) => child.matches('script[type="application/json"]') && /"checklist"/.test(child.textContent));

// Marks what this script made (its shadow roots, its element class). Every copy of the script
// (loaded from two paths, say) and the wasm share it, so they recognise each other's work.
const NAME = "email-troubleshooter";
const MARK = Symbol.for(NAME);

// Until the widget is drawn, the element shows its own content and keeps room for the widget,
// so the page below doesn't jump when it appears (hosts can tune --et-reserved-height).
// Throws, saying why, for an element the widget must leave as it is.
let reserve;
function prepare(element) {
  let root = element.shadowRoot;
  if (root) {
    if (!root[MARK]) throw "the element already has another shadow root";
    return;
  }
  // Throws for a closed shadow root already there, or an element that can't have one (<input>).
  root = element.attachShadow({ mode: "open" });
  root[MARK] = 1;
  root.append(document.createElement("slot"));
  if ("adoptedStyleSheets" in root) {
    reserve ??= new CSSStyleSheet();
    reserve.replaceSync(":host{display:block;min-height:var(--et-reserved-height,72rem)}");
    root.adoptedStyleSheets = [reserve];
  }
}

// A reload or a followed link cuts off a download still under way. Firefox and WebKit then fail
// the load while the page still runs, after `beforeunload` and before `pagehide`. So `leaving` is
// set by `pagehide`, and by `beforeunload` while a widget loads (a page with a download under way
// isn't kept for back/forward anyway); never by `unload`, which keeps pages out of that cache.
// A navigation called off after `beforeunload` (a download, "Stay on page") clears it again
// after 5 s; a real failure within those seconds goes unsaid, and one whose next page takes
// longer than that to answer is said: both rare, and neither loses anything of the user's.
// Elements whose load was cut off that way start again if the page comes back from the
// back/forward cache (WebKit keeps such pages), instead of showing their own content for good.
let leaving = false;
const cutOff = new Set();
const leave = (event) => {
  leaving = true;
  if (event.type === "beforeunload") setTimeout(() => (leaving = false), 5000);
};
addEventListener("pagehide", leave);
addEventListener("pageshow", () => {
  leaving = false;
  for (const element of cutOff) element.restart();
  cutOff.clear();
});

/**
 * Mounts a troubleshooter in `element`, with `settings` as documented in the README.
 * Returns `{ ready, reset(), destroy() }`; `ready` settles once the widget is drawn.
 */
export function mount(element, settings) {
  let widget;
  let state = "loading"; // then "drawn", or "destroyed"
  try {
    prepare(element);
  } catch (reason) {
    // Refused: nothing on the element is touched, and `ready` rejects with the reason.
    const message = `${NAME}: ${reason}; the page's own content stays.`;
    console.error(message);
    const ready = Promise.reject(Error(message));
    ready.catch(() => {});
    return { ready, async reset() {}, destroy() {} };
  }
  // A widget destroyed while it was drawn releases itself later; the wasm then leaves the
  // shadow root alone if a newer widget has drawn there meanwhile.
  const release = () => {
    widget?.destroy();
    widget?.free();
    widget = undefined;
  };
  const bundle = namesChecklist(element, settings) ? "email_troubleshooter_host_checklist" : "email_troubleshooter";
  const ready = load(bundle)
    .then(async (glue) => {
      const mounting = glue.prepare(element, settings);
      const lang = mounting.translation_needed;
      // Without its file the widget still starts, in English, and says why.
      const translation = lang && (await loadTranslation(lang));
      if (state === "destroyed") return mounting.free();
      widget = mounting.mount(translation);
      // Yew draws in microtasks: one task later, the first render is done.
      return new Promise((drawn) => setTimeout(drawn, 0));
    })
    .then(() => {
      // A widget destroyed while it was being drawn is released now that drawing is done.
      if (state === "destroyed") release();
      else state = "drawn";
    });
  // While the widget loads, `beforeunload` tells that the page is going away (see `leaving`);
  // a listener of its own, so that one widget removing it leaves the others' in place.
  const noteLeaving = (event) => leave(event);
  addEventListener("beforeunload", noteLeaving);
  ready
    .catch((error) => {
      // A widget the host already destroyed is no one's concern, and a newer one may be drawn.
      if (state === "destroyed") return;
      // The element's own content stays, without the room kept for the widget.
      if (!widget && element.shadowRoot) element.shadowRoot.adoptedStyleSheets = [];
      // A download cut off by a reload or a link is no failure: host pages watch the console.
      if (!leaving) console.error("email-troubleshooter: could not start; the page's own content stays.", error);
      else if (element.restart) cutOff.add(element);
    })
    .finally(() => removeEventListener("beforeunload", noteLeaving));
  return {
    ready,
    reset: () => ready.then(() => widget?.reset(), () => {}),
    destroy() {
      if (state === "drawn") release();
      state = "destroyed";
    },
  };
}

const SETTINGS = ["config", "storage-key", "lang", "theme", "webmail-url", "help-tool-url", "dns-records-url", "admin-contact", "provider-name", "domain", "doh-url", "rdap-url", "expected-mx", "check-timeout", "heading", "spf-include", "autodiscover-target", "servers"];

class EmailTroubleshooter extends HTMLElement {
  static observedAttributes = SETTINGS;
  static [MARK] = 1;

  connectedCallback() {
    this.handle ??= mount(this);
  }

  disconnectedCallback() {
    this.handle?.destroy();
    this.handle = undefined;
  }

  // A changed setting takes effect at once; saved progress carries over.
  attributeChangedCallback() {
    if (this.handle) this.restart();
  }

  restart() {
    if (!this.isConnected) return;
    this.handle?.destroy();
    this.handle = mount(this);
  }
}

// Defined once per page, by whichever copy of this script runs first. If the page took the name
// or blocks customElements.define, the element can't work: say so once.
const ours = () => customElements.get(NAME)?.[MARK];
if (!ours()) {
  try {
    if (customElements.get(NAME)) throw "the page defined it as something else";
    customElements.define(NAME, EmailTroubleshooter);
    if (!ours()) throw "customElements.define had no effect";
  } catch (cause) {
    console.error(`${NAME}: can't define the element: ${cause}; mount() still works.`);
  }
}
