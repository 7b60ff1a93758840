/**
 * Types for `email-troubleshooter.js`: the `<email-troubleshooter>` element, `mount()`, its
 * settings and the events it dispatches. Importing the module defines the element.
 *
 * @packageDocumentation
 */

/** The languages built into the widget. */
export type TroubleshooterLanguage = "en" | "es" | "de";

/**
 * A language tag for the `lang` setting: a built-in language, or a regional form of one
 * (`es-MX` shows Spanish). Any other well-formed tag is accepted at run time too; the widget
 * then shows the page's language, else the first of the browser's it has, else English.
 */
export type TroubleshooterLang = TroubleshooterLanguage | `${TroubleshooterLanguage}-${string}`;

/** `light` or `dark`, or `auto` to follow the system's `prefers-color-scheme`. */
export type TroubleshooterTheme = "light" | "dark" | "auto";

/** One mail server: a host name, a port (1-65535) and how the connection is secured. */
export interface TroubleshooterServer {
  /** A DNS name, without scheme, path or spaces. */
  host: string;
  /** A whole number from 1 to 65535 (as a number or as digits). */
  port: number | `${number}`;
  /** `ssl` (or its other name `tls`) or `starttls`. */
  security: "ssl" | "tls" | "starttls";
}

/** A server given whole (`TroubleshooterServer`) or as `host:port:security`. */
export type TroubleshooterServerSetting = TroubleshooterServer | `${string}:${string}:${string}`;

/** The mail app's settings as an object; parts left out keep their defaults. */
export interface TroubleshooterServers {
  /** The incoming server over IMAP. */
  imap?: TroubleshooterServerSetting;
  /** The incoming server over POP. */
  pop?: TroubleshooterServerSetting;
  /** The outgoing server. */
  smtp?: TroubleshooterServerSetting;
  /** The user name: the full email `address`, or the `local-part` before the `@`. */
  user?: "address" | "local-part";
}

/**
 * A whole checklist in the schema of the source repository's `content/en.toml` (`schema`,
 * `lang`, `provider`, `text`, `prerequisites`, `links`, `findings`, `steps`), as JSON data.
 * The widget checks it and names the first problem; see the README in the source repository.
 */
export interface TroubleshooterChecklist {
  [key: string]: unknown;
}

/**
 * Settings for one widget, as JSON (a child `<script type="application/json">`, the `config`
 * attribute) or as `mount()`'s object. Every value but `servers` and `checklist` is text.
 * A value the widget can't use is listed inside the element and logged; its default applies.
 */
export interface TroubleshooterSettings {
  /** The webmail portal: `https:`, `http:` or `mailto:`, without a user name or password. */
  webmailUrl?: string;
  /** The mail app settings tool. */
  helpToolUrl?: string;
  /** The article on DNS records for mail. */
  dnsRecordsUrl?: string;
  /** The administrator, shown in the summary: an email address, `mailto:` with one address, or a web link. */
  adminContact?: string;
  /** The mail provider's name used in the questions: at most 80 characters. */
  providerName?: string;
  /** Names this element's saved progress: letters, digits, `-`, `_`, `.`. */
  storageKey?: string;
  /** The language to show; by default the page's, then the browser's. */
  lang?: TroubleshooterLang;
  /** The colour scheme; `auto` by default. */
  theme?: TroubleshooterTheme;
  /** The domain (or an email address) the records check starts with. */
  domain?: string;
  /** A DNS-over-HTTPS service with a JSON API (`https:` or `http:`). */
  dohUrl?: string;
  /** An RDAP service, asked `<rdapUrl><domain>`. */
  rdapUrl?: string;
  /** The mail servers the domain's MX records should name, comma-separated, at most 10. */
  expectedMx?: string;
  /** The one host name the domain's SPF record should include. */
  spfInclude?: string;
  /** The host name `autodiscover.<domain>` should point to. */
  autodiscoverTarget?: string;
  /** Seconds each check waits for an answer: a whole number from 1 to 60, as a number or as text (`8` or `"8"`). */
  checkTimeout?: number | `${number}`;
  /** `hide` leaves out the widget's own heading and intro. */
  heading?: "show" | "hide";
  /** The mail app's settings: `imap=host:port:security; pop=…; smtp=…; user=address`, or an object. */
  servers?: string | TroubleshooterServers;
  /** A whole checklist of the host's own, used instead of the built-in one. */
  checklist?: TroubleshooterChecklist;
}

/** What `mount()` returns. It never throws; a refusal shows in `ready`. */
export interface TroubleshooterHandle {
  /**
   * Resolves once the widget is drawn (behind a first screen, once the widget has taken over
   * from it). Rejects with an `Error` if the element can't take the widget or its code can't load.
   */
  readonly ready: Promise<void>;
  /** Clears every answer, as "Start again" does, without asking; resolves when done. */
  reset(): Promise<void>;
  /** Removes the widget and its listeners; the element's own content shows again. */
  destroy(): void;
}

/**
 * Mounts a troubleshooter in `element` (any element that can have a shadow root). The
 * `settings` win over the element's attributes and JSON. On an element that can't take it
 * (an `<input>`, a closed or someone else's shadow root) it leaves the element as it is, logs
 * why, and returns a handle whose `ready` rejects.
 */
export function mount(element: Element, settings?: TroubleshooterSettings | null): TroubleshooterHandle;

/** One answered step, as `troubleshooter-answered` gives it. */
export interface TroubleshooterAnswer {
  /** The step's id. */
  step: string;
  /** The step's place, 1 for the first question. */
  number: number;
  /** The option chosen; for a "when" question (question 2 of the built-in checklist), the changes ticked joined by commas (`password,network`). */
  answer: string;
  /** A "when" question's date, `YYYY-MM-DD`; absent for other questions and when none was given. */
  date?: string;
  /** The ids of the findings the answer points to. */
  pointsTo: string[];
}

/** `troubleshooter-changed`: an answer changed. */
export interface TroubleshooterChange extends TroubleshooterAnswer {
  /** The answer before the change, as `answer` gives it. */
  previous: string;
}

/** `troubleshooter-finished`: the user reached the summary. */
export interface TroubleshooterFinish {
  /** The ids of the findings, most likely first. */
  findings: string[];
  /** How many steps are answered. */
  answered: number;
}

/** `troubleshooter-resolved`: the user said a finding fixed the problem. */
export interface TroubleshooterResolution {
  /** The id of the finding that fixed it. */
  finding: string;
  /** Every answered step. */
  answers: TroubleshooterAnswer[];
}

/**
 * The events the element dispatches. Each bubbles and crosses the shadow root, so a listener
 * on the element or on `document` hears it.
 */
export interface TroubleshooterEventMap {
  /** A step is answered for the first time. */
  "troubleshooter-answered": CustomEvent<TroubleshooterAnswer>;
  /** An answer is changed. */
  "troubleshooter-changed": CustomEvent<TroubleshooterChange>;
  /** The user reaches the summary (at the end, or by "Get help now"). */
  "troubleshooter-finished": CustomEvent<TroubleshooterFinish>;
  /** The user says a finding fixed the problem (once per finding newly marked). */
  "troubleshooter-resolved": CustomEvent<TroubleshooterResolution>;
  /** Progress is cleared; the detail is an empty object. */
  "troubleshooter-reset": CustomEvent<Record<string, never>>;
}

/**
 * The `<email-troubleshooter>` element. Its settings are attributes (`storage-key`, `lang`,
 * `theme`, …, or JSON in `config`); changing one redraws it, keeping progress. Its own content
 * shows until the widget is drawn, and for good if the widget can't load. Its events are typed
 * on every element (they bubble), through `HTMLElementEventMap`.
 */
export interface EmailTroubleshooterElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    /** Defined when `email-troubleshooter.js` is imported. */
    "email-troubleshooter": EmailTroubleshooterElement;
  }
  /** The events reach any element they bubble through. */
  interface HTMLElementEventMap extends TroubleshooterEventMap {}
  /** The events bubble to `document`. */
  interface DocumentEventMap extends TroubleshooterEventMap {}
  /** And on to `window`. */
  interface WindowEventMap extends TroubleshooterEventMap {}
  /** They pass through any shadow root the element is in. */
  interface ShadowRootEventMap extends TroubleshooterEventMap {}
}
