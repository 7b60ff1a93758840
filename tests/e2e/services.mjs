// Stand-ins for the public services the checks use, on 127.0.0.1 and never the internet: a
// DNS-over-HTTPS JSON resolver (answering per record `type`), an RDAP server and a webmail
// portal. The domain asked for picks the answer, so each test names the case it wants
// (match.test, slow.test, …).

import { before, after } from "node:test";
import { createServer } from "node:http";

const EXPECTED = ["mx1.emailsrvr.com", "mx2.emailsrvr.com"];

const mx = (hosts) => ({ Status: 0, Answer: hosts.map((host, i) => ({ name: "x", type: 15, TTL: 300, data: `${(i + 1) * 10} ${host}.` })) });

const txt = (...texts) => ({ Status: 0, Answer: texts.map((data) => ({ name: "x", type: 16, TTL: 300, data })) });
const SPF = '"v=spf1 include:emailsrvr.com ~all"';
const VERIFICATION = '"google-site-verification=abc123"';

/** The TXT answer (SPF) for each test domain; the provider's record unless the case says. */
function spf(name) {
  switch (name) {
    case "spf-other.test":
      return [200, txt(VERIFICATION, '"v=spf1 include:_spf.google.com include:mailgun.org ~all"')];
    case "spf-bare.test":
      return [200, txt('"v=spf1 ~all"')];
    case "spf-indirect.test":
      return [200, txt('"v=spf1 include:_spf.example.com ~all"')];
    case "spf-split.test":
      return [200, txt('"v=spf1 i" "nclude:emailsrvr.com ~all"')];
    case "spf-two.test":
      return [200, txt(SPF, '"v=spf1 include:_spf.google.com ~all"')];
    case "txt-slow.test":
      return [200, txt(SPF), {}, 4000];
    default:
      return [200, txt(VERIFICATION, SPF)];
  }
}

/** The CNAME answer for `autodiscover.<domain>`: the provider's target unless the case says. */
function autodiscover(name) {
  const domain = name.replace(/^autodiscover\./, "");
  const link = (from, to) => ({ name: `${from}.`, type: 5, TTL: 300, data: `${to}.` });
  switch (domain) {
    case "moved.test":
      return [200, { Status: 0, Answer: [link(name, "autodiscover.outlook.com")] }];
    case "chain.test":
      return [200, { Status: 0, Answer: [link(name, "ad.chain.test"), link("ad.chain.test", "autodiscover.emailsrvr.com")] }];
    case "long-chain.test": {
      const names = [name, "a.long-chain.test", "b.long-chain.test", "c.long-chain.test", "d.long-chain.test", "autodiscover.emailsrvr.com"];
      return [200, { Status: 0, Answer: names.slice(1).map((to, i) => link(names[i], to)) }];
    }
    case "unset.test":
      return [200, { Status: 3 }];
    case "cname-servfail.test":
      return [200, { Status: 2 }];
    default:
      return [200, { Status: 0, Answer: [link(name, "autodiscover.emailsrvr.com")] }];
  }
}

/** What the DNS service answers for each test domain: [status, body, headers?, delay?]. */
function dns(name, type) {
  if (type === "TXT") return spf(name);
  if (type === "CNAME") return autodiscover(name);
  switch (name) {
    case "mx-garbled.test":
      return [200, "{ this is not json"];
    case "mx-extra.test":
      return [200, mx([...EXPECTED, "mx.old-provider.example"])];
    case "long-mx.test":
      return [200, mx([...EXPECTED, "moved-test.mail.protection.outlook.com"])];
    case "match.test":
    case "xn--bcher-kva.test":
      return [200, mx(EXPECTED)];
    case "partial.test":
      return [200, mx([EXPECTED[0]])];
    case "foreign.test":
      return [200, mx(["aspmx.l.google.com", "alt1.aspmx.l.google.com"])];
    case "nx.test":
      return [200, { Status: 3 }];
    case "servfail.test":
      return [200, { Status: 2 }];
    case "empty.test":
      return [200, { Status: 0 }];
    case "malformed.test":
      return [200, "{ this is not json"];
    case "slow.test":
      return [200, mx(EXPECTED), {}, 4000];
    // Hostile or odd answers: a host that tries to add answers to the saved line, far too many
    // records, a null MX (RFC 7505), and answers of the wrong shape.
    case "planted.test":
      return [200, { Status: 0, Answer: [{ name: "x", type: 15, TTL: 300, data: "10 x@1&computer=yes&network=no" }] }];
    case "huge.test": {
      const relays = Array.from({ length: 9_998 }, (_, i) => ({ name: "x", type: 15, TTL: 300, data: `${10 + (i % 50)} relay${i}.example.net.` }));
      const ours = EXPECTED.map((host, i) => ({ name: "x", type: 15, TTL: 300, data: `${5 + i} ${host}.` }));
      return [200, { Status: 0, Answer: [...relays, ...ours] }];
    }
    case "nullmx.test":
      return [200, { Status: 0, Answer: [{ name: "nullmx.test", type: 15, TTL: 300, data: "0 ." }] }];
    case "underscore.test":
      return [200, mx(["mail_in.example.net", ...EXPECTED])];
    case "answer-string.test":
      return [200, { Status: 0, Answer: "x" }];
    case "answer-object.test":
      return [200, { Status: 0, Answer: { type: 15, data: "10 mx1.emailsrvr.com." } }];
    case "type-string.test":
      return [200, { Status: 0, Answer: [{ name: "x", type: "15", TTL: 300, data: "10 mx1.emailsrvr.com." }] }];
    case "nested.test":
      return [200, { Status: 0, Answer: [[{ name: "x", type: 15, TTL: 300, data: "10 mx1.emailsrvr.com." }]] }];
    case "nocors.test":
      return [200, mx(EXPECTED), { cors: false }];
    default:
      return [200, mx(EXPECTED)];
  }
}

const now = () => new Date();

function rdap(name) {
  const expires = (days) => ({
    objectClassName: "domain",
    ldhName: name,
    events: [
      { eventAction: "registration", eventDate: "2015-03-01T00:00:00Z" },
      // Midday, `days` whole days from today (UTC): "in 10 days" whatever the time of the run.
      { eventAction: "expiration", eventDate: new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth(), now().getUTCDate() + days, 12)).toISOString() },
    ],
    entities: [{ objectClassName: "entity", roles: ["registrar"], vcardArray: ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Example Registrar, Inc."]]] }],
  });
  switch (name) {
    case "year-zero.test":
      return [200, { ...expires(400), events: [{ eventAction: "expiration", eventDate: "0000-01-01T00:00:00Z" }] }];
    case "long-registrar.test": {
      const answer = expires(400);
      answer.entities[0].vcardArray[1][1][3] = `Registrar ${"\u202e".repeat(3)}${"x".repeat(3000)}`;
      return [200, answer];
    }
    case "expired.test":
      return [200, expires(-12)];
    case "expiring.test":
      return [200, expires(10)];
    case "unknown.test":
      return [404, { errorCode: 404, title: "Not Found" }];
    case "slow.test":
      return [200, expires(400), {}, 4000];
    case "nocors.test":
      return [200, expires(400), { cors: false }];
    default:
      return [200, expires(400)];
  }
}

/** Starts the stand-ins; `asked` records every request, so tests see exactly what was sent. */
export async function startServices() {
  const asked = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    asked.push({ path: url.pathname, query: url.search, accept: request.headers.accept });
    let answer;
    if (url.pathname === "/dns-query") answer = dns(url.searchParams.get("name"), url.searchParams.get("type"));
    else if (url.pathname.startsWith("/rdap/domain/")) answer = rdap(url.pathname.slice("/rdap/domain/".length));
    else if (url.pathname === "/portal/") answer = [200, "<!doctype html><title>Webmail</title>"];
    else answer = [404, "not found"];
    const [status, body, options = {}, delay = 0] = answer;
    const headers = { "content-type": typeof body === "string" && body.startsWith("<") ? "text/html" : "application/json" };
    if (options.cors !== false) headers["access-control-allow-origin"] = "*";
    setTimeout(() => {
      if (response.destroyed) return;
      response.writeHead(status, headers);
      response.end(typeof body === "string" ? body : JSON.stringify(body));
    }, delay);
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  const base = `http://127.0.0.1:${server.address().port}`;
  // A port that was open a moment ago and is closed now: a portal that is down.
  const closed = createServer();
  await new Promise((ready) => closed.listen(0, "127.0.0.1", ready));
  const downPort = closed.address().port;
  await new Promise((done) => closed.close(done));
  return {
    asked,
    settings: {
      dohUrl: `${base}/dns-query`,
      rdapUrl: `${base}/rdap/domain/`,
      webmailUrl: `${base}/portal/`,
      checkTimeout: "2",
    },
    downUrl: `http://127.0.0.1:${downPort}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Starts the stand-ins once for a test file and stops them after its last test; the object
 * returned has `settings`, `asked`, `downUrl` and `close` by the time the tests run. */
export function useServices() {
  const running = {};
  before(async () => Object.assign(running, await startServices()));
  after(() => running.close?.());
  return running;
}
