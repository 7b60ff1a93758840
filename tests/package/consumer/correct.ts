// A host page's script using the package as its README says: this must compile with no
// diagnostic under --strict.
import { mount } from "email-troubleshooter";
import type {
  EmailTroubleshooterElement,
  TroubleshooterAnswer,
  TroubleshooterHandle,
  TroubleshooterSettings,
} from "email-troubleshooter";

const element: EmailTroubleshooterElement | null = document.querySelector("email-troubleshooter");
if (element) {
  element.setAttribute("storage-key", "help");
  element.addEventListener("troubleshooter-answered", (event) => {
    const step: string = event.detail.step;
    const number: number = event.detail.number;
    const date: string | undefined = event.detail.date;
    const pointsTo: string[] = event.detail.pointsTo;
    console.log(step, number, event.detail.answer, date, pointsTo);
  });
  element.addEventListener("troubleshooter-changed", (event) => console.log(event.detail.previous, event.detail.step));
}
const created = document.createElement("email-troubleshooter");
created.addEventListener("click", (event: MouseEvent) => console.log(event.button));

document.addEventListener("troubleshooter-finished", (event) => {
  const findings: string[] = event.detail.findings;
  const answered: number = event.detail.answered;
  console.log(findings, answered);
});
document.addEventListener("troubleshooter-resolved", (event) => {
  const answers: TroubleshooterAnswer[] = event.detail.answers;
  console.log(event.detail.finding, answers.map((answer) => answer.step));
});
document.addEventListener("troubleshooter-reset", (event) => console.log(Object.keys(event.detail)));
window.addEventListener("troubleshooter-answered", (event) => console.log(event.detail.step, event.detail.pointsTo.length));
document.body.attachShadow({ mode: "open" }).addEventListener("troubleshooter-finished", (event) => console.log(event.detail.answered));

const settings: TroubleshooterSettings = {
  webmailUrl: "https://mail.example.com/",
  helpToolUrl: "https://help.example.com/",
  dnsRecordsUrl: "https://help.example.com/dns",
  adminContact: "helpdesk@example.com",
  providerName: "Example Mail",
  storageKey: "portal",
  lang: "es-MX",
  theme: "dark",
  domain: "example.com",
  dohUrl: "https://dns.example.com/dns-query",
  rdapUrl: "https://rdap.example.com/domain/",
  expectedMx: "mx1.example.com, mx2.example.com",
  spfInclude: "example.com",
  autodiscoverTarget: "autodiscover.example.com",
  checkTimeout: "8",
  heading: "hide",
  servers: { imap: { host: "mail.example.com", port: 993, security: "ssl" }, smtp: "mail.example.com:465:ssl", user: "address" },
  checklist: { schema: 1, lang: "en", steps: [] },
};

async function start(target: HTMLElement): Promise<void> {
  const help: TroubleshooterHandle = mount(target, settings);
  await help.ready;
  await help.reset();
  help.destroy();
  mount(target).destroy();
  mount(target, null).destroy();
  mount(target, { lang: "de", theme: "auto", servers: "imap=mail.example.com:993:ssl" }).destroy();
  mount(target, { checkTimeout: 12 }).destroy(); // JSON writes a number as a number
}
void start(document.body);

// As the package README shows for bundled code: the types from the package, `mount` from the
// served entry's URL.
async function fromServedEntry(url: string): Promise<void> {
  const { mount }: typeof import("email-troubleshooter") = await import(/* webpackIgnore: true */ /* @vite-ignore */ url);
  const chosen: TroubleshooterSettings = { storageKey: "help", theme: "dark" };
  mount(document.querySelector("#help")!, chosen).destroy();
}
void fromServedEntry("/static/email-troubleshooter/email-troubleshooter.js");
