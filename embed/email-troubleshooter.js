// <email-troubleshooter> and mount(): the one file a host page includes.
// It loads the rest from beside itself, so dist/ can live at any path, and leaves whatever the
// host put inside the element on show until the first screen or the widget is drawn, or for
// good if neither can load.

// Where each file this script loads is: a release build writes here each one's SRI hash
// (sha384) by its plain name (scripts/post-build.mjs), and names the file `<stem>.<hash><ext>`,
// the hash being the digest's first 8 bytes in hex, so the map needn't repeat the names. Without
// it (the source as it is, the test build) files keep their plain names and nothing is checked.
// Files are checked only when they come from another origin than the page's (a CDN): from the
// page's own origin, which served this script too, a check would find nothing the page doesn't
// already trust, and would cost time (the wasm could no longer compile as it streams in).
const FILES = {};
const locate = (name) => {
  const integrity = FILES[name];
  const hash = integrity && [...atob(integrity.slice(7, 19))].slice(0, 8).map((c) => c.charCodeAt(0).toString(16).padStart(2, "0"));
  const href = new URL(hash ? name.replace(/\.\w+$/, (ext) => `.${hash.join("")}${ext}`) : name, import.meta.url).href;
  // From another origin, a name a release build's map lacks gets a hash nothing matches.
  const known = integrity ?? (Object.keys(FILES).length ? "sha384-none" : undefined);
  return { href, integrity: new URL(href).origin === self.origin ? undefined : known };
};
// Fetches `href` and checks its bytes against `integrity`: a Response of them, or an error. A
// response that isn't ok is handed on as it is, for the caller to say what failed (fetch's own
// check would call it a mismatch, and Firefox would log that too). Where the page can't hash
// (no crypto.subtle outside a secure context), fetch's own integrity check does it.
const fetchChecked = async (href, integrity) => {
  if (!self.crypto?.subtle) return fetch(href, { integrity });
  const response = await fetch(href);
  if (!response.ok) return response;
  const bytes = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-384", bytes));
  if (`sha384-${btoa(String.fromCharCode(...digest))}` !== integrity) throw Error(`${href} doesn't match its integrity`);
  return new Response(bytes, { headers: { "content-type": response.headers.get("content-type") ?? "" } });
};

// A module checked against its SRI hash, twice over: its bytes as fetched (above), then a
// <link rel="modulepreload" integrity> fetches it into the page's module map, checked again
// where the engine checks preloads (Chromium, Firefox), and import() takes it from there once
// it has loaded. WebKit 2.50 checks no preload and asks for the module again when it imports
// it, so there a CDN that answers the two requests differently isn't caught (see README).
// Chromium keeps no failed check: an import() after one would fetch the file unchecked, so it
// waits. A browser that can't preload modules gets none. Only DOM nodes and URLs here: no
// string reaches an HTML or script sink (Trusted Types).
const importChecked = (name) => {
  const { href, integrity } = locate(name);
  if (!integrity) return import(href);
  const link = Object.assign(document.createElement("link"), { rel: "modulepreload", href, integrity });
  if (!link.relList.supports("modulepreload")) return Promise.reject(Error(`this browser can't check ${href} against its integrity`));
  return fetchChecked(href, integrity)
    .then((response) => {
      if (!response.ok) throw Error(`${href}: ${response.status}`);
      return new Promise((loaded, failed) => {
        link.onload = loaded;
        link.onerror = () => failed(Error(`${href} couldn't load, or doesn't match its integrity`));
        (document.head ?? document.documentElement).append(link);
      });
    })
    .finally(() => link.remove())
    .then(() => import(href));
};

// Two builds of the same widget: the usual one, and a larger one that can also read a host's
// own checklist. A page downloads the second only if its settings name a checklist. The wasm
// is fetched alongside its glue, not after it: compiled as it streams in, or, from another
// origin, once the whole file has arrived and been checked.
const bundles = {};
const load = (name) => {
  if (bundles[name]) return bundles[name];
  const { href, integrity } = locate(`${name}_bg.wasm`);
  const wasm = integrity ? fetchChecked(href, integrity) : fetch(href);
  wasm.catch(() => {}); // said by the glue's start, below, if it fails
  return (bundles[name] = importChecked(`${name}.js`)
    .then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    })
    .catch((error) => {
      delete bundles[name]; // not kept: a later try loads it again
      throw error;
    }));
};

// The widget's styles, shared by the first screen and the widget: one constructed stylesheet
// for every instance (allowed under a strict CSP, unlike a <style> element), or the text where
// a browser can't construct one.
let styles;
const loadStyles = () =>
  (styles ??= importChecked("widget-styles.js").then(
    ({ default: css }) => {
      if (!("adoptedStyleSheets" in Document.prototype)) return css;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    },
    (error) => {
      styles = undefined;
      throw error;
    },
  ));
const applyStyles = (root, sheet) => {
  if (typeof sheet == "string") root.append(Object.assign(document.createElement("style"), { textContent: sheet }));
  else root.adoptedStyleSheets = [sheet];
};

// Languages other than English are separate files, fetched only by the pages that show them.
const translations = {};
const loadTranslation = (lang) =>
  (translations[lang] ??= importChecked(`locale-${lang}.js`).then(
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
// A first screen's request for the widget cut off the same way is made again.
const retries = new Set();
addEventListener("pageshow", () => {
  leaving = false;
  for (const element of cutOff) element.restart();
  cutOff.clear();
  for (const retry of retries) retry();
  retries.clear();
});

// What a visitor did on a first screen taken down before the widget took over (a setting
// changed, the element moved), for the element's next widget to start from.
const unfinished = new WeakMap();

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
  const root = element.shadowRoot;
  const carried = unfinished.get(element);
  unfinished.delete(element);
  // A widget destroyed while it was drawn releases itself later; the wasm then leaves the
  // shadow root alone if a newer widget has drawn there meanwhile.
  const release = () => {
    widget?.destroy();
    widget?.free();
    widget = undefined;
  };
  const bundle = namesChecklist(element, settings) ? "email_troubleshooter_host_checklist" : "email_troubleshooter_embed";
  // The widget itself: started at once, or, behind a first screen, when it is wanted.
  let screen;
  let starting;
  const start = () =>
    (starting ??= Promise.all([load(bundle), loadStyles()])
      .then(async ([glue, sheet]) => {
        const mounting = glue.prepare(element, settings);
        const lang = mounting.translation_needed;
        // Without its file the widget still starts, in English, and says why.
        const translation = lang && (await loadTranslation(lang));
        await screen?.settled();
        if (state === "destroyed") return mounting.free();
        // What the visitor did on the first screen goes to the widget, which empties the root.
        const shown = screen?.leave() ?? carried;
        widget = mounting.mount(translation, sheet, shown?.answer, shown?.continued ?? false, shown?.focusHere ?? true);
        // Yew draws in microtasks, queued before this one: the widget is drawn after it.
        await null;
        const drawn = root.querySelector(".et-root");
        shown?.restore?.(drawn);
        // One task later, every render is done.
        await new Promise((done) => setTimeout(done, 0));
        shown?.press?.(drawn);
      })
      .then(() => {
        // A widget destroyed while it was being drawn is released now that drawing is done.
        if (state === "destroyed") release();
        else state = "drawn";
      })
      .catch((error) => {
        starting = undefined; // the first screen's Continue tries again
        throw error;
      }));
  const first = firstScreenFor(element, settings);
  const ready = first
    ? Promise.all([loadStyles(), importChecked(`first-screen-${first.lang}.js`)]).then(
        ([sheet, { default: drawing }]) => {
          if (state === "destroyed") return;
          if (starting) return start(); // already wanted: no first screen for a moment
          let wanted;
          const whenWanted = new Promise((resolve) => (wanted = resolve));
          whenIdle(wanted);
          const want = () => {
            wanted();
            return state === "destroyed" ? Promise.resolve() : start();
          };
          screen = showFirstScreen(root, drawing, sheet, first.theme, want, carried);
          return whenWanted.then(want);
        },
        start, // no first screen: the widget at once
      )
    : start();
  // While the widget loads, `beforeunload` tells that the page is going away (see `leaving`);
  // a listener of its own, so that one widget removing it leaves the others' in place.
  const noteLeaving = (event) => leave(event);
  addEventListener("beforeunload", noteLeaving);
  ready
    .catch((error) => {
      // A widget the host already destroyed is no one's concern, and a newer one may be drawn.
      if (state === "destroyed") return;
      // The element's own content stays, without the room kept for the widget; a first
      // screen stays as it is, and its Continue says the rest couldn't load.
      if (!widget && !screen && element.shadowRoot) element.shadowRoot.adoptedStyleSheets = [];
      // A download cut off by a reload or a link is no failure: host pages watch the console.
      const stays = screen ? "the first screen stays" : "the page's own content stays";
      if (!leaving) console.error(`${NAME}: could not start; ${stays}.`, error);
      else if (element.restart && !screen) cutOff.add(element);
    })
    .finally(() => removeEventListener("beforeunload", noteLeaving));
  return {
    ready,
    // Before the widget takes over, the first screen is all there is to clear.
    // Once a first screen has retried after a failed load, the latest attempt says when.
    reset: () => (!widget && screen ? Promise.resolve(screen.reset()) : (starting ?? ready).then(() => widget?.reset(), () => {})),
    destroy() {
      if (state === "drawn") release();
      else if (!widget && screen) {
        const { answer, continued } = screen.leave();
        if (answer || continued) unfinished.set(element, { answer, continued });
        screen.remove();
        root.adoptedStyleSheets = [];
        root.append(document.createElement("slot"));
      }
      state = "destroyed";
    },
  };
}

// The first screen, drawn at build time by the widget's own view (export/src/first_screen.rs):
// shown at once to a visitor with nothing saved, on the built-in content, while the widget
// itself loads when the browser is idle or at the first interaction. Its answers show their
// guidance; what the visitor does on it is handed to the widget when it takes over.

// The settings that leave the first screen as it is drawn (others change it: they take the
// widget at once), each as the wasm accepts it; the built-in languages; where progress is
// saved; what a continue-link's fragment holds (export/tests/first_screen.rs checks them
// against the Rust).
const FIRST_SCREEN_SETTINGS = { "storage-key": /^[\w.-]{1,64}$/, lang: /^[a-z]{2,3}(-[a-z\d]{1,8})*$/i, theme: /^(auto|light|dark)$/ };
const LANGUAGES = ["en", "de", "es"];
const STORE = "email-troubleshooter:";
const LINK_MARK = /troubleshooter:/i;
// Rust's trim: Unicode white space (U+0085 too, U+FEFF not).
const trim = (text) => text.replace(/^(?:[^\S\uFEFF]|\x85)+|(?:[^\S\uFEFF]|\x85)+$/g, "");

// The language and theme of the first screen for `element`, or nothing where it would not be
// what the widget draws: settings given as JSON or to mount(), a setting it doesn't show or
// the wasm would refuse, progress saved under its key (or storage that can't save), a
// continue-link in the address.
function firstScreenFor(element, settings) {
  if (settings != null || element.hasAttribute("config") || element.querySelector(':scope>script[type="application/json"]')) return;
  const given = {};
  for (const name of SETTINGS) {
    const value = element.getAttribute(name);
    if (value == null) continue;
    given[name] = trim(value);
    if (!FIRST_SCREEN_SETTINGS[name]?.test(given[name])) return;
  }
  try {
    let hash = location.hash;
    try {
      hash = decodeURIComponent(hash);
    } catch {
      // read as it is
    }
    const probe = `${STORE}probe`;
    localStorage.getItem(probe);
    localStorage.setItem(probe, "1");
    localStorage.removeItem(probe);
    if (LINK_MARK.test(hash) || localStorage.getItem(STORE + (given["storage-key"] ?? "default")) != null) return;
  } catch {
    return;
  }
  // As the wasm chooses: the element's language, the page's, the browser's; English if none.
  for (const tag of [given.lang, document.documentElement.getAttribute("lang"), ...navigator.languages]) {
    const wanted = trim(tag ?? "").toLowerCase();
    const lang = [wanted, wanted.split(/[-_]/)[0]].find((lang) => LANGUAGES.includes(lang));
    if (lang) return { lang, theme: given.theme };
  }
  return { lang: "en", theme: given.theme };
}

// When the browser is idle after the page has loaded (a timer where it can't say: Safari).
function whenIdle(work) {
  const idle = () => (self.requestIdleCallback ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 300));
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
}

// Builds the first screen in `root` from its drawing (the embed script only ever makes DOM
// nodes from it: a page that enforces Trusted Types refuses HTML strings). `want` starts the
// widget and says whether it could.
function showFirstScreen(root, drawing, sheet, theme, want, carried) {
  const doc = root.ownerDocument;
  const build = (node) => {
    if (typeof node === "string") return doc.createTextNode(node);
    const [tag, attributes, ...children] = node;
    const element = doc.createElement(tag);
    for (let i = 0; i < attributes.length; i += 2) element.setAttribute(attributes[i], attributes[i + 1]);
    element.append(...children.map(build));
    return element;
  };
  const container = doc.createElement("div");
  container.className = "et-root";
  container.append(build(drawing.screen));
  if (theme && theme !== "auto") container.firstChild.setAttribute("data-theme", theme);
  // A drawing's path counts every node; an element's place in the widget's drawing of the same
  // screen counts elements only (the widget may split a text in two).
  const at = (top, path) => path.reduce((node, index) => node.childNodes[index], top);
  const find = (top, path) => path?.reduce((element, index) => element?.children[index], top);
  const pathOf = (element) => {
    const path = [];
    for (; element && element !== container; element = element.parentElement) path.unshift([...element.parentElement.children].indexOf(element));
    return element ? path : undefined;
  };
  // The drawing's changes for an answer (or back from it): attributes, or a splice of children.
  const change = (changes) => {
    for (const [path, first, removed, ...nodes] of changes) {
      const target = at(container.firstChild, path);
      if (Array.isArray(first)) {
        const names = first.filter((_, i) => i % 2 === 0);
        for (const { name } of [...target.attributes]) if (!names.includes(name) && name !== "data-theme") target.removeAttribute(name);
        for (let i = 0; i < first.length; i += 2) if (target.getAttribute(first[i]) !== first[i + 1]) target.setAttribute(first[i], first[i + 1]);
      } else {
        for (let i = 0; i < removed; i++) target.childNodes[first].remove();
        const fragment = doc.createDocumentFragment();
        fragment.append(...nodes.map(build));
        target.insertBefore(fragment, target.childNodes[first] ?? null);
      }
    }
  };
  let answer;
  let continued = false;
  let pressed;
  let line;
  const [loading, failedText, article] = drawing.texts;
  // One line beside the button pressed: the rest is on its way, or can't come.
  const say = (near, text, link) => {
    line?.remove();
    const said = (line = doc.createElement("p"));
    said.className = "et-loading et-hint";
    said.setAttribute("role", link ? "alert" : "status");
    if (link) {
      const a = doc.createElement("a");
      a.className = "et-link";
      a.href = new URL(`article-${drawing.lang}.html`, import.meta.url);
      a.append(link);
      said.append(text, " ", a);
    } else {
      // A status is read out when its text changes, not when it arrives with it.
      requestAnimationFrame(() => said.append(text));
    }
    near.parentElement.append(said);
  };
  const wantNow = () => want().catch(() => {});
  for (const type of ["pointerdown", "keydown", "focusin"]) container.addEventListener(type, wantNow, { once: true });
  // A press under way (a finger or button down, a key held) finishes on the first screen, so
  // that the click it ends in isn't lost to the take-over: the widget waits for it.
  let pressing = 0;
  let released;
  const press = () => pressing++;
  const release = () =>
    pressing &&
    setTimeout(() => {
      pressing = 0;
      released?.();
    });
  container.addEventListener("pointerdown", press);
  container.addEventListener("keydown", press);
  const letGo = ["pointerup", "pointercancel", "keyup", "blur"];
  for (const type of letGo) addEventListener(type, release, true);
  const stopListening = () => letGo.forEach((type) => removeEventListener(type, release, true));
  const choose = ({ target }, reveal = true) => {
    const next = drawing.answers[target.value];
    if (target.name !== "et-step-0" || !next) return;
    if (answer) change(drawing.answers[answer][1]);
    change(next[0]);
    answer = target.value;
    pressed = undefined; // a button pressed under the last answer may be gone
    // As the widget does: the guidance just shown, brought into view on a small screen.
    const guidance = container.querySelector(".et-step--open .et-guidance");
    if (reveal && guidance?.childElementCount) requestAnimationFrame(() => guidance.scrollIntoView({ block: "nearest" }));
  };
  // A button the first screen can't act on: the widget is fetched now, and says so.
  const wait = (button) => {
    say(button, loading);
    want().catch(() => (leaving ? retries.add(() => wait(button)) : say(button, failedText, article)));
  };
  const go = () => {
    continued = true;
    pressed = undefined; // a button pressed before is on a screen Continue leaves
    wait(container.querySelector('[type="submit"]'));
  };
  container.addEventListener("change", choose);
  container.addEventListener("submit", (event) => {
    event.preventDefault();
    go();
  });
  container.addEventListener("click", ({ target }) => {
    const button = target.closest?.('button[type="button"]');
    if (!button) return;
    if (!continued) pressed = pathOf(button);
    wait(button);
  });
  root.replaceChildren(container);
  applyStyles(root, sheet);
  // Where the last first screen for this element left off (the page stays where it is).
  const radio = carried && container.querySelector(`input[name="et-step-0"][value="${carried.answer}"]`);
  if (radio) {
    radio.checked = true;
    choose({ target: radio }, false);
  }
  if (carried?.continued) go();
  return {
    reset() {
      if (answer) change(drawing.answers[answer][1]);
      for (const radio of container.querySelectorAll("input")) radio.checked = false;
      answer = undefined;
      continued = false;
      pressed = undefined;
      line?.remove();
    },
    remove() {
      container.remove();
      stopListening();
    },
    // Settles once no press is under way.
    settled: () => pressing && new Promise((done) => (released = done)),
    // Called as the widget mounts (which empties the root): the answer and Continue go into
    // it; `restore`, once it has drawn the same screen, puts back focus, the sections opened,
    // and a button pressed here.
    leave() {
      stopListening();
      const focus = pathOf(root.activeElement);
      const open = [...container.querySelectorAll("details[open]")].map(pathOf);
      const elsewhere = document.activeElement;
      return {
        answer,
        continued,
        // Focus follows a Continue only if the visitor hasn't moved it out of the widget since.
        focusHere: !!root.activeElement || !elsewhere || elsewhere === document.body,
        restore(drawn) {
          for (const path of open) find(drawn, path)?.setAttribute("open", "");
          if (!continued) find(drawn, focus)?.focus({ preventScroll: true });
        },
        // Once the widget has drawn and settled: the button pressed, pressed again.
        press: (drawn) => pressed && find(drawn, pressed)?.click(),
      };
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
