// Second independent accuracy corpus for scan-secrets, built the way an outside evaluator builds a
// held-out test set: written by another hand, WITHOUT reading patterns/ or src/, and covering other
// files, providers, formats and traps than test/corpus-independent/generate.mjs. Token shapes follow
// provider documentation and public detector test suites. Every secret is generated at run time
// from a seeded PRNG and every provider prefix is split in this source, so the file itself holds no
// literal that looks live (the repository scans itself on every commit).
//
//   node test/corpus-independent-2/generate.mjs OUTDIR [--seed N]
//       writes the corpus files and OUTDIR/labels.json ({ positives, negatives })
//
//   import { generateIndependentCorpus, writeCorpus } from "./generate.mjs";
//   generateIndependentCorpus()            // DEFAULT_SEED
//   generateIndependentCorpus({ seed: 7 }) // or generateIndependentCorpus(7)
//
// Labels: every positive has path + 1-based line (+ endLine for multi-line blocks such as PEM keys or
// a service-account JSON), provider and a short context. Hard negatives have path + line + kind.
// Lines are computed by the builder while the text is assembled, never by hand; the builder also
// checks that each labelled secret value really is on its labelled line(s).
// generateIndependentCorpusWithValues() additionally returns those values (values[i] belongs to
// positives[i]) for label self-checks; they are never written into labels.json.
//
// Decisions on debatable cases (an evaluator has to pick one side; these are ours):
// - Stripe sk_test_ keys are labelled POSITIVE (they are secret API keys for the account's test
//   mode; Stripe says to keep them secret and GitHub secret scanning reports them). Only two lines.
// - Stripe pk_live_/pk_test_ publishable keys, PayPal client ids, Datadog RUM client tokens (pub...),
//   reCAPTCHA SITE keys and a Supabase anon JWT in browser code are NEGATIVE (public by design).
//   The reCAPTCHA SECRET key and the Supabase service_role JWT (server side) are POSITIVE.
// - Password hashes (bcrypt, argon2, Django pbkdf2, sha512-crypt) are NEGATIVE: a hash in a seed
//   file or dump is not a leaked credential in the sense a secret scanner reports.
// - Encrypted blobs (ansible-vault, Travis secure:, Pulumi secure:, Rails credentials.yml.enc) are
//   NEGATIVE. PEM "ENCRYPTED PRIVATE KEY" blocks are POSITIVE (private key material is leaked).
// - Sentry DSNs are POSITIVE, and appear only in server-side configuration.
// - Well-known defaults (guest:guest, minioadmin, changeit, vagrant, postgres) and test values in
//   CI compose files / test fixtures are NEGATIVE.
// - A Kubernetes Secret's base64 `data:` value that decodes to a password is POSITIVE (encoded, but
//   a leak); base64 usernames / hostnames in the same Secret are NEGATIVE.
// - A GCP service-account JSON and a private JWK are labelled as one block (line..endLine).
// - Google API keys (AIza...) are labelled POSITIVE and only placed in server-side code/URLs; no
//   Firebase web config is included (too debatable to label either way).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_SEED = 0x2c0ffee2;

// ---------------------------------------------------------------- seeded PRNG (sfc32 + splitmix)
function splitmix32(a) {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}
function sfc32(seed) {
  const sm = splitmix32(seed >>> 0);
  let a = sm(), b = sm(), c = sm(), d = sm();
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGIT = "0123456789";
const ALNUM = UPPER + LOWER + DIGIT;

function makeRandom(seed) {
  const rnd = sfc32(seed);
  const chars = (set, n) => {
    let s = "";
    for (let i = 0; i < n; i++) s += set[Math.floor(rnd() * set.length)];
    return s;
  };
  const r = {
    rnd,
    chars,
    int: (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(rnd() * xs.length)],
    alnum: (n) => chars(ALNUM, n),
    lower: (n) => chars(LOWER, n),
    lowerNum: (n) => chars(LOWER + DIGIT, n),
    letters: (n) => chars(UPPER + LOWER, n),
    upperNum: (n) => chars(UPPER + DIGIT, n),
    hex: (n) => chars("0123456789abcdef", n),
    HEX: (n) => chars("0123456789ABCDEF", n),
    digits: (n) => chars("123456789", 1) + chars(DIGIT, n - 1),
    b64: (n) => chars(ALNUM + "+/", n),
    b64url: (n) => chars(ALNUM + "-_", n),
    b32: (n) => chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n),
    crypt64: (n) => chars("./" + ALNUM, n),
    uuid: () => [r.hex(8), r.hex(4), "4" + r.hex(3), r.pick(["8", "9", "a", "b"]) + r.hex(3), r.hex(12)].join("-"),
    // random password: starts with a letter, contains upper/digit/punctuation, safe in YAML/INI/XML/shell quotes
    pw: (n = 20) => chars(UPPER + LOWER, 1) + chars(ALNUM + "-_.%+!", n - 4) + chars(UPPER, 1) + chars(DIGIT, 1) + chars("-_.", 1),
    // URL-safe password (connection strings, URLs)
    upw: (n = 22) => chars(UPPER + LOWER, 1) + chars(ALNUM, n - 3) + chars(DIGIT, 1) + chars(UPPER, 1),
    // human-chosen password
    human: () => r.pick(["Sunflower", "Kestrel", "Granite", "Lighthouse", "Pelican", "Saffron", "Meridian"]) + r.pick(["!", "#", "@", "*"]) + String(r.int(1987, 2024)) + r.pick(["Ops", "acme", "Prod", "x", "Lisbon"]),
  };
  return r;
}

const J = (...parts) => parts.join(""); // split literals so this source holds no token-shaped string
const b64 = (s) => Buffer.from(s).toString("base64");
const b64u = (s) => Buffer.from(s).toString("base64url");
const PEM_BEGIN = (label) => "-----" + "BEGIN " + label + "-----";
const PEM_END = (label) => "-----" + "END " + label + "-----";
const AWS_DOC_ID = J("AKIA", "IOSFODNN7", "EXAMPLE");
const AWS_DOC_SECRET = J("wJalrXUtnFEMI", "/K7MDENG/", "bPxRfiCY", "EXAMPLEKEY");
const JWT_IO_SIG = J("SflKxwRJSMeKKF2QT4fw", "pMeJf36POk6yJV_", "adQssw5c");

// ---------------------------------------------------------------- token shapes (public formats)
function tokenShapes(r) {
  const chunk = (s, w) => {
    const out = [];
    for (let i = 0; i < s.length; i += w) out.push(s.slice(i, i + w));
    return out;
  };
  /** a PEM-like block: base64 body of `total` chars starting with a plausible DER prefix */
  const pem = (label, derPrefix, total, { width = 64, pad = "", headers = [] } = {}) => {
    const body = derPrefix + r.b64(total - derPrefix.length - pad.length) + pad;
    const rows = chunk(body, width);
    return { lines: [PEM_BEGIN(label), ...headers, ...rows, PEM_END(label)], rows, first: rows[0], last: rows[rows.length - 1] };
  };
  const jwt = (payload, { alg = "HS256", kid } = {}) => {
    const header = kid ? { alg, kid, typ: "JWT" } : { alg, typ: "JWT" };
    const sig = alg.startsWith("RS") ? 342 : alg.startsWith("ES") ? 86 : 43;
    return b64u(JSON.stringify(header)) + "." + b64u(JSON.stringify(payload)) + "." + r.b64url(sig);
  };
  const OAI_MARK = J("T3Blbk", "FJ");
  const discordId = () => r.digits(18);
  const T = {
    pem,
    jwt,
    chunk,
    // GitHub
    ghp: () => J("gh", "p_") + r.alnum(36),
    gho: () => J("gh", "o_") + r.alnum(36),
    ghs: () => J("gh", "s_") + r.alnum(36),
    ghu: () => J("gh", "u_") + r.alnum(36),
    ghr: () => J("gh", "r_") + r.alnum(36),
    ghFine: () => J("github", "_pat_") + "11" + r.upperNum(20) + "_" + r.alnum(59),
    // GitLab
    glpat: () => J("glp", "at-") + r.chars(ALNUM + "-_", 20),
    glptt: () => J("glp", "tt-") + r.hex(40),
    // Slack
    xoxb: () => J("xox", "b-") + r.digits(11) + "-" + r.digits(13) + "-" + r.alnum(24),
    xoxp: () => J("xox", "p-") + r.digits(11) + "-" + r.digits(11) + "-" + r.digits(13) + "-" + r.hex(32),
    xapp: () => J("xa", "pp-") + "1-A" + r.upperNum(10) + "-" + r.digits(13) + "-" + r.hex(64),
    xoxe: () => J("xox", "e.", "xox", "p-") + "1-Mi0y" + r.b64url(146),
    slackHook: () => J("https://hooks.", "slack.com/services/") + "T" + r.upperNum(8) + "/B" + r.upperNum(10) + "/" + r.alnum(24),
    // Stripe
    skLive: (n = 24) => J("sk", "_live_") + r.alnum(n),
    skTest: () => J("sk", "_test_") + r.alnum(24),
    rkLive: () => J("rk", "_live_") + r.alnum(99),
    whsec: () => J("wh", "sec_") + r.alnum(32),
    pkLive: () => J("pk", "_live_") + r.alnum(99),
    pkTest: () => J("pk", "_test_") + r.alnum(99),
    stripeId: (p, n = 24) => p + "_" + r.alnum(n),
    // AWS
    akia: () => J("AK", "IA") + r.b32(16),
    asia: () => J("AS", "IA") + r.b32(16),
    awsSecret: () => r.b64(40),
    awsSession: () => J("FwoGZXIv", "YXdzE") + r.b64(290) + "=",
    // Google
    aiza: () => J("AI", "za") + r.chars(ALNUM + "-_", 35),
    gocspx: () => J("GOC", "SPX-") + r.chars(ALNUM + "-_", 28),
    fcm: () => "AAAA" + r.b64url(7) + J(":AP", "A91b") + r.b64url(134),
    recaptcha: () => "6L" + r.pick(["c", "d", "e", "f"]) + r.chars(ALNUM + "-_", 37),
    // Azure
    azStorage: () => r.b64(86) + "==",
    azAd: () => r.alnum(3) + r.chars(DIGIT, 1) + J("Q", "~") + r.chars(ALNUM + "_~.-", 34),
    azSas: () => encodeURIComponent(r.b64(43) + "="),
    azSb: () => r.b64(43) + "=",
    azDevops: () => r.chars("abcdefghijklmnopqrstuvwxyz234567", 52),
    // messaging / payments
    twilioSid: () => J("A", "C") + r.hex(32),
    twilioKey: () => J("S", "K") + r.hex(32),
    sendgrid: () => J("S", "G.") + r.chars(ALNUM + "-_", 22) + "." + r.chars(ALNUM + "-_", 43),
    mailgun: () => J("ke", "y-") + r.hex(32),
    mailchimp: () => r.hex(32) + "-us" + r.int(2, 21),
    shop: (kind) => J("shp", kind, "_") + r.hex(32),
    sqEAAA: () => J("EA", "AA") + r.b64url(60),
    sqAtp: () => J("sq0", "atp-") + r.b64url(22),
    sqCsp: () => J("sq0", "csp-") + r.b64url(43),
    braintree: () => J("access_token", "$production$") + r.lowerNum(16) + "$" + r.hex(32),
    paypalId: () => "A" + r.b64url(79),
    paypalSecret: () => "E" + r.b64url(79),
    duffel: () => J("duffel", "_live_") + r.b64url(43),
    plaidSecret: () => r.hex(30),
    // chat
    discordBot: () => b64u(discordId()) + "." + r.b64url(6) + "." + r.b64url(38),
    discordHook: () => J("https://discord.com/api/", "webhooks/") + discordId() + "/" + r.b64url(68),
    telegram: () => r.digits(10) + J(":A", "A") + r.b64url(33),
    gchatHook: (key) => J("https://chat.googleapis.com/v1/spaces/", "AAAA") + r.b64url(7) + "/messages?key=" + key + "&token=" + r.b64url(43),
    // AI
    oaiProj: () => J("sk-", "proj-") + r.b64url(74) + OAI_MARK + r.b64url(74),
    oaiAdmin: () => J("sk-", "admin-") + r.b64url(58) + OAI_MARK + r.b64url(58),
    oaiLegacy: () => J("s", "k-") + r.alnum(20) + OAI_MARK + r.alnum(20),
    ant: () => J("sk-", "ant-", "api03-") + r.b64url(93) + "AA",
    hf: () => J("h", "f_") + r.letters(34),
    // observability
    ddApi: () => r.hex(32),
    ddApp: () => r.hex(40),
    ddClient: () => J("pu", "b") + r.hex(32),
    nrak: () => J("NR", "AK-") + r.upperNum(27),
    sentryDsn: () => "https://" + r.hex(32) + "@o" + r.digits(6) + J(".ingest.", "sentry.io/") + r.digits(7),
    sntrys: () =>
      J("sntr", "ys_") +
      b64(JSON.stringify({ iat: 1717000000 + r.int(0, 999999), url: "https://sentry.io", region_url: "https://us.sentry.io", org: "acme" })) +
      "_" + r.b64(43),
    grafanaLegacy: () => b64(JSON.stringify({ k: r.alnum(32), n: "ci-deploy", id: r.int(1, 99) })),
    pagerduty: () => r.chars(ALNUM + "_+-", 20),
    // cloud / platform
    doPat: () => J("dop", "_v1_") + r.hex(64),
    doOauth: () => J("doo", "_v1_") + r.hex(64),
    dopplerPt: () => J("dp", ".pt.") + r.alnum(43),
    dopplerCt: () => J("dp", ".ct.") + r.alnum(43),
    hvs: () => J("hv", "s.") + r.alnum(24),
    hvb: () => J("hv", "b.") + "AAAAAQ" + r.b64url(132),
    linear: () => J("lin", "_api_") + r.alnum(40),
    postman: () => J("PM", "AK-") + r.hex(24) + "-" + r.hex(34),
    age: () => J("AGE-", "SECRET-KEY-", "1") + r.chars("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
    agePub: () => "age1" + r.chars("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58),
    npm: () => J("np", "m_") + r.alnum(36),
    pypi: () => J("pypi-", "AgEIcHlw", "aS5vcmc") + r.b64url(150),
    testpypi: () => J("pypi-", "AgENdGVz", "dC5weXBp", "Lm9yZw") + r.b64url(150),
    cloudinary: () => J("cloudinary", "://") + r.digits(15) + ":" + r.b64url(27) + "@acme-media",
    adafruit: () => J("ai", "o_") + r.alnum(28),
    prefect: () => J("pn", "u_") + r.alnum(36),
    readme: () => J("rd", "me_") + r.lowerNum(70),
    tailscale: () => J("tskey", "-auth-") + "k" + r.alnum(10) + "CNTRL-" + r.alnum(33),
    infracost: () => J("ic", "o-") + r.alnum(32),
    octopus: () => J("AP", "I-") + r.upperNum(26),
    intercom: () => b64("tok:" + r.uuid().replace(/-/g, "_") + ":1:0"),
    ghost: () => r.hex(24) + ":" + r.hex(64),
    b2KeyId: () => "005" + r.hex(22),
    b2Key: () => "K005" + r.b64(27),
    etherscan: () => r.upperNum(34),
    googleAppPw: () => [r.lower(4), r.lower(4), r.lower(4), r.lower(4)].join(" "),
    jenkins: () => "11" + r.hex(32),
    circleci: () => J("CCI", "PAT_") + r.alnum(22) + "_" + r.hex(40),
    confluentKey: () => r.upperNum(16),
    confluentSecret: () => r.b64(64),
    auth0Secret: () => r.b64url(64),
    algoliaAdmin: () => r.hex(32),
    railsMaster: () => r.hex(32),
    railsSecretBase: () => r.hex(128),
    laravelKey: () => "base64:" + r.b64(43) + "=",
    playSecret: () => r.alnum(64),
    wgKey: () => r.b64(43) + "=",
    ethKey: () => "0x" + r.hex(64),
    ethAddr: () => "0x" + r.hex(40),
    dotenvKey: () => J("dotenv://", ":key_") + r.hex(64) + "@dotenv.org/vault/.env.vault?environment=production",
    functionKey: () => r.alnum(54) + "==",
    apiKey40: () => r.hex(40),
  };
  // private keys with plausible DER prefixes
  T.rsaKey = () => pem("RSA PRIVATE KEY", J("MIIEowIBAAKCAQEA"), 1592, { pad: "" });
  T.ecKey = () => pem("EC PRIVATE KEY", J("MHcCAQEEI"), 164, { pad: "==" });
  T.pkcs8 = () => pem("PRIVATE KEY", J("MIIEvgIBADANBgkqhkiG", "9w0BAQEFAASCBKgwggSk", "AgEAAoIBAQ"), 1624, { pad: "=" });
  T.encKey = () => pem("ENCRYPTED PRIVATE KEY", J("MIIFLTBXBgkqhkiG9w0B", "BQ0wSjApBgkqhkiG9w0B", "BQwwHAQI"), 1780, { pad: "" });
  T.dsaKey = () => pem("DSA PRIVATE KEY", J("MIIBuwIBAAKBgQ"), 592, { pad: "" });
  T.opensshKey = () => pem("OPENSSH PRIVATE KEY", J("b3BlbnNzaC1rZXktdjEA", "AAAABG5vbmUAAAAEbm9u", "ZQAAAAAAAAABAAAAMwAA", "AAtzc2gtZW"), 400, { width: 70, pad: "" });
  T.pgpKey = () => {
    const p = pem("PGP PRIVATE KEY BLOCK", J("lQdGBG", "Z"), 1920, { pad: "" });
    const sum = "=" + r.b64(4);
    p.lines.splice(1, 0, "");
    p.lines.splice(p.lines.length - 1, 0, sum);
    return p;
  };
  T.ovpnKey = () => {
    const rows = Array.from({ length: 16 }, () => r.hex(32));
    return { lines: ["#", "# 2048 bit OpenVPN static key", "#", PEM_BEGIN("OpenVPN Static key V1"), ...rows, PEM_END("OpenVPN Static key V1")], first: rows[0], last: rows[15], rows };
  };
  // public material (negatives)
  T.cert = () => pem("CERTIFICATE", J("MIID", "zTCCArWgAwIBAgIU"), 1300, { pad: "=" });
  T.pubKey = () => pem("PUBLIC KEY", J("MIIBIjANBgkqhkiG9w0B", "AQEFAAOCAQ8AMIIBCgKC", "AQEA"), 388, { pad: "" });
  T.pgpPub = () => {
    const p = pem("PGP PUBLIC KEY BLOCK", J("mQINBG", "Y"), 1100, { pad: "" });
    p.lines.splice(1, 0, "");
    p.lines.splice(p.lines.length - 1, 0, "=" + r.b64(4));
    return p;
  };
  T.sshEd = (who) => J("ssh-", "ed25519 ") + J("AAAAC3NzaC1l", "ZDI1NTE5AAAAI") + r.b64(43) + " " + who;
  T.sshRsa = (who) => J("ssh-", "rsa ") + J("AAAAB3NzaC1y", "c2EAAAADAQABAAABgQ") + r.b64(520) + "=" + " " + who;
  T.ecdsaPub = (who) => J("ecdsa-", "sha2-nistp256 ") + J("AAAAE2VjZHNhLXNoYTIt", "bmlzdHAyNTYAAAAIbmlz", "dHAyNTYAAABBB") + r.b64(87) + "= " + who;
  // hashes and ids (negatives)
  T.bcrypt = (cost = 12, v = "2b") => "$" + v + "$" + cost + "$" + r.crypt64(53);
  T.argon2 = () => "$argon2id$v=19$m=65536,t=3,p=4$" + r.b64(22) + "$" + r.b64(43);
  T.pbkdf2 = () => "pbkdf2_sha256$600000$" + r.alnum(22) + "$" + r.b64(43) + "=";
  T.sha512crypt = () => "$6$rounds=4096$" + r.crypt64(16) + "$" + r.crypt64(86);
  T.sri = (alg = "sha384") => alg + "-" + r.b64(alg === "sha256" ? 43 : alg === "sha384" ? 64 : 86) + (alg === "sha384" ? "" : alg === "sha256" ? "=" : "==");
  T.digest = () => "sha256:" + r.hex(64);
  T.vlq = (segments) => {
    const out = [];
    for (let i = 0; i < segments; i++) out.push(r.chars("ACEGIKMOQSUWYacegikmoqsuwy0123456789+/", r.int(4, 6)) + (r.rnd() < 0.2 ? ";" : ","));
    return out.join("").replace(/[,;]$/, "");
  };
  T.svgPath = () => {
    let d = "M" + r.int(1, 23) + "." + r.int(0, 99) + " " + r.int(1, 23) + "." + r.int(0, 99);
    for (let i = 0; i < 10; i++) d += r.pick(["L", "C", "a", "l", "c", "h", "v"]) + r.int(0, 23) + "." + r.int(0, 99) + " " + r.int(0, 23) + "." + r.int(0, 99);
    return d + "z";
  };
  return T;
}

// ---------------------------------------------------------------- file builder with label bookkeeping
class FileBuilder {
  constructor(path, opts, pending) {
    this.path = path;
    this.eol = opts.eol ?? "\n";
    this.bom = !!opts.bom;
    this.finalNewline = opts.finalNewline ?? true;
    this.lines = [];
    this.pos = [];
    this.neg = [];
    this.pending = pending;
  }
  #push(text) {
    if (typeof text !== "string" || /[\r\n]/.test(text)) throw new Error(`${this.path}: a line must be a single-line string: ${JSON.stringify(text).slice(0, 80)}`);
    this.lines.push(text);
  }
  #noPending() {
    if (this.pending.length) throw new Error(`${this.path}:${this.lines.length + 1}: a registered secret was written to an unlabelled or negative line`);
  }
  /** unlabelled lines */
  l(...texts) {
    this.#noPending();
    for (const t of texts) this.#push(t);
    return this;
  }
  /** one labelled secret line; the secret value(s) must have been registered with $() */
  s(text, provider, context) {
    const values = this.pending.splice(0);
    if (!values.length) throw new Error(`${this.path}: positive line without a registered secret value`);
    for (const v of values) if (!text.includes(v)) throw new Error(`${this.path}: secret value not on its line`);
    this.#push(text);
    this.pos.push({ label: { line: this.lines.length, endLine: this.lines.length, provider, context }, values });
    return this;
  }
  /** a labelled multi-line secret (PEM key, JSON credential block) */
  block(lines, provider, context) {
    const values = this.pending.splice(0);
    if (!values.length) throw new Error(`${this.path}: positive block without a registered secret value`);
    const joined = lines.join("\n");
    for (const v of values) if (!joined.includes(v)) throw new Error(`${this.path}: secret value not inside its block`);
    const start = this.lines.length + 1;
    for (const t of lines) this.#push(t);
    this.pos.push({ label: { line: start, endLine: this.lines.length, provider, context }, values });
    return this;
  }
  /** one labelled hard-negative line */
  n(text, kind) {
    this.#noPending();
    this.#push(text);
    this.neg.push({ line: this.lines.length, kind });
    return this;
  }
  nblock(lines, kind) {
    for (const t of lines) if (t.trim() === "") this.l(t);
    else this.n(t, kind);
    return this;
  }
  text() {
    return (this.bom ? "\uFEFF" : "") + this.lines.join(this.eol) + (this.finalNewline ? this.eol : "");
  }
}

function seedOf(opts) {
  if (typeof opts === "number") return opts;
  if (opts && typeof opts === "object" && opts.seed !== undefined) return Number(opts.seed);
  return DEFAULT_SEED;
}

/** @returns {{seed: number, files: {path: string, text: string}[], positives: object[], negatives: object[]}} */
export function generateIndependentCorpus(opts = {}) {
  return build(seedOf(opts)).corpus;
}

/** Same corpus plus, for each positive label, the secret value(s) the builder placed on it. */
export function generateIndependentCorpusWithValues(opts = {}) {
  return build(seedOf(opts));
}

function build(seed) {
  const r = makeRandom(seed);
  const T = tokenShapes(r);
  const pending = [];
  /** registers a generated secret value for the next positive line/block and returns it */
  const $ = (v) => {
    pending.push(String(v));
    return v;
  };
  const files = [];
  const F = (path, opts = {}) => {
    const f = new FileBuilder(path, opts, pending);
    files.push(f);
    return f;
  };
  const ts = () => `2024-06-02T0${r.int(0, 9)}:${String(r.int(10, 59))}:${String(r.int(10, 59))}.${r.int(100, 999)}Z`;

  // ================================================================ containers
  F("docker/api/Dockerfile")
    .l("# syntax=docker/dockerfile:1.7")
    .n(`FROM node:20.12-alpine@${T.digest()} AS deps`, "image-digest")
    .n("ARG NPM_TOKEN", "declaration-no-value")
    .s(`ARG GITHUB_PACKAGES_TOKEN=${$(T.ghFine())}`, "github-fine-grained-pat", "Dockerfile ARG default")
    .l("WORKDIR /app", "COPY package.json pnpm-lock.yaml .npmrc ./")
    .n("RUN --mount=type=secret,id=npmrc,target=/root/.npmrc pnpm install --frozen-lockfile", "secret-mount-reference")
    .s(`ENV HUGGING_FACE_HUB_TOKEN=${$(T.hf())}`, "huggingface", "Dockerfile ENV")
    .n("ENV PASSWORD_MIN_LENGTH=12", "config-value")
    .n(`FROM node:20.12-alpine@${T.digest()}`, "image-digest")
    .n(`LABEL org.opencontainers.image.revision="${r.hex(40)}"`, "git-sha")
    .n(`ENV SENTRY_RELEASE=${r.hex(40)}`, "git-sha")
    .l("ENV NODE_ENV=production")
    .n('ENV API_TOKEN=""', "empty")
    .l("USER node", 'CMD ["node", "dist/server.js"]');

  F("docker/worker/Dockerfile.prod")
    .l("FROM python:3.12-slim", "WORKDIR /srv/worker")
    .s(`ENV PIP_INDEX_URL=https://ci-bot:${$(r.upw(24))}@pypi.acme.io/simple/`, "basic-auth-url", "Dockerfile ENV pip index url with password")
    .s(`ENV DATABASE_URL="mysql://worker:${$(r.upw(20))}@mysql-primary.acme.internal:3306/jobs"`, "mysql-url", "Dockerfile ENV connection string")
    .n("ENV SECRET_KEY=${SECRET_KEY}", "variable-reference")
    .n("ENV CELERY_BROKER_URL=amqp://guest:guest@localhost:5672//", "well-known-default")
    .l("ENV AWS_DEFAULT_REGION=us-east-1")
    .s(`ENV AWS_ACCESS_KEY_ID=${$(T.akia())}`, "aws-access-key-id", "Dockerfile ENV")
    .s(`ENV AWS_SECRET_ACCESS_KEY=${$(T.awsSecret())}`, "aws-secret-access-key", "Dockerfile ENV")
    .l("COPY requirements.txt .", "RUN pip install --no-cache-dir -r requirements.txt")
    .n("HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1", "url-no-creds");

  F("compose/docker-compose.override.yml")
    .l("services:", "  db:")
    .n(`    image: postgres:16@${T.digest()}`, "image-digest")
    .l("    environment:", "      POSTGRES_USER: ledger")
    .s(`      POSTGRES_PASSWORD: "${$(r.pw(22))}"`, "generic-password", "compose environment")
    .n('      POSTGRES_INITDB_ARGS: "--auth-host=scram-sha-256"', "config-value")
    .l("  mq:", "    image: rabbitmq:3.13-management", "    environment:", "      RABBITMQ_DEFAULT_USER: ledger")
    .s(`      RABBITMQ_DEFAULT_PASS: ${$(r.upw(24))}`, "generic-password", "compose environment")
    .l("  mongo:", "    image: mongo:7", "    environment:", "      MONGO_INITDB_ROOT_USERNAME: root")
    .n("      MONGO_INITDB_ROOT_PASSWORD_FILE: /run/secrets/mongo_root_password", "path")
    .l("  api:", "    build: .", "    environment:")
    .n("      - REDIS_PASSWORD=${REDIS_PASSWORD:?set REDIS_PASSWORD}", "variable-reference")
    .s(`      - MONGO_URL=mongodb://root:${$(r.upw(22))}@mongo:27017/ledger?authSource=admin`, "mongodb-url", "compose list-style env")
    .s(`      - LEDGER_SIGNING_SECRET=${$(r.hex(64))}`, "generic-hex-secret", "compose list-style env")
    .l("    secrets:")
    .n("      - mongo_root_password", "secret-name")
    .l("secrets:", "  mongo_root_password:")
    .n("    file: ./secrets/mongo_root_password.txt", "path");

  F("compose/docker-compose.ci.yml")
    .l("# throwaway containers for the CI test job", "services:", "  postgres:", "    image: postgres:16-alpine", "    environment:")
    .n("      POSTGRES_PASSWORD: postgres", "well-known-default")
    .l("  mysql:", "    image: mysql:8.4", "    environment:")
    .n("      MYSQL_ROOT_PASSWORD: test123", "test-value")
    .n("      MYSQL_PASSWORD: dummy", "test-value")
    .l("  minio:", "    image: minio/minio", "    environment:")
    .n("      MINIO_ROOT_USER: minioadmin", "well-known-default")
    .n("      MINIO_ROOT_PASSWORD: minioadmin", "well-known-default")
    .l("  localstack:", "    image: localstack/localstack:3", "    environment:")
    .n("      AWS_ACCESS_KEY_ID: test", "test-value")
    .n("      AWS_SECRET_ACCESS_KEY: test", "test-value")
    .l("  keycloak:", "    image: quay.io/keycloak/keycloak:25.0", "    environment:")
    .n("      KEYCLOAK_ADMIN_PASSWORD: admin", "well-known-default");

  // ================================================================ kubernetes / helm
  {
    const dockercfg = b64(JSON.stringify({ auths: { "ghcr.io": { username: "acme-bot", password: T.ghp(), auth: b64("acme-bot:" + T.ghp()) } } }));
    F("k8s/overlays/prod/db-credentials.yaml")
      .l("apiVersion: v1", "kind: Secret", "metadata:", "  name: ledger-db", "  namespace: ledger", "type: Opaque", "data:")
      .n(`  username: ${b64("ledger_app")}`, "k8s-data-non-secret")
      .s(`  password: ${$(b64(r.pw(24)))}`, "k8s-secret-base64", "k8s Secret data (base64-encoded password)")
      .n(`  host: ${b64("pg-primary.ledger.svc.cluster.local")}`, "k8s-data-non-secret")
      .l("---", "apiVersion: v1", "kind: Secret", "metadata:", "  name: ghcr-pull", "type: kubernetes.io/dockerconfigjson", "data:")
      .s(`  .dockerconfigjson: ${$(dockercfg)}`, "k8s-dockerconfigjson", "base64 docker config with registry token")
      .l("---", "apiVersion: v1", "kind: Secret", "metadata:", "  name: ledger-api", "type: Opaque", "stringData:")
      .s(`  STRIPE_WEBHOOK_SECRET: ${$(T.whsec())}`, "stripe-webhook-secret", "k8s stringData")
      .s(`  SENTRY_DSN: ${$(T.sentryDsn())}`, "sentry-dsn", "k8s stringData (server side)");
  }

  F("k8s/overlays/prod/deployment.yaml")
    .l("apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: ledger-api", "  annotations:")
    .n(`    checksum/config: ${r.hex(64)}`, "content-hash")
    .l("spec:", "  template:", "    spec:", "      containers:", "        - name: api")
    .n(`          image: ghcr.io/acme/ledger-api@${T.digest()}`, "image-digest")
    .l("          env:", "            - name: DB_PASSWORD", "              valueFrom:", "                secretKeyRef:")
    .n("                  name: ledger-db", "secret-name")
    .n("                  key: password", "field-name")
    .l("            - name: TWILIO_AUTH_TOKEN")
    .s(`              value: "${$(r.hex(32))}"`, "twilio-auth-token", "k8s env value, key name on previous line")
    .l("            - name: MAILCHIMP_API_KEY")
    .s(`              value: ${$(T.mailchimp())}`, "mailchimp", "k8s env value")
    .l("            - name: JAVA_TOOL_OPTIONS", '              value: "-XX:MaxRAMPercentage=75"');

  {
    const ca = b64(T.cert().lines.join("\n") + "\n");
    const crt = b64(T.cert().lines.join("\n") + "\n");
    const key = T.ecKey();
    const SA_CLAIM = "kubernetes.io/serviceaccount/";
    const saSecretName = ["ci", "deployer", "token", r.lowerNum(5)].join("-");
    const saToken = T.jwt(
      {
        iss: "kubernetes/serviceaccount",
        "kubernetes.io/serviceaccount/namespace": "ci",
        [SA_CLAIM + "secret.name"]: saSecretName,
        "kubernetes.io/serviceaccount/service-account.name": "ci-deployer",
        "kubernetes.io/serviceaccount/service-account.uid": r.uuid(),
        sub: "system:serviceaccount:ci:ci-deployer",
      },
      { alg: "RS256", kid: r.b64url(43) },
    );
    F("k8s/base/kubeconfig-ci.yaml")
      .l("apiVersion: v1", "kind: Config", "clusters:", "- cluster:")
      .n(`    certificate-authority-data: ${ca}`, "certificate")
      .l("    server: https://10.20.0.1:6443", "  name: prod", "users:", "- name: ci-deployer", "  user:")
      .s(`    token: ${$(saToken)}`, "k8s-service-account-jwt", "kubeconfig user token")
      .l("- name: admin", "  user:")
      .n(`    client-certificate-data: ${crt}`, "certificate")
      .s(`    client-key-data: ${$(b64(key.lines.join("\n") + "\n"))}`, "kube-client-key", "kubeconfig base64 EC private key")
      .l("contexts:", "- context:", "    cluster: prod", "    user: ci-deployer", "  name: prod-ci", "current-context: prod-ci");
  }

  F("k8s/base/external-secret.yaml")
    .l("apiVersion: external-secrets.io/v1beta1", "kind: ExternalSecret", "metadata:", "  name: ledger-api", "spec:", "  refreshInterval: 1h", "  secretStoreRef:")
    .n("    name: vault-backend", "secret-name")
    .l("    kind: ClusterSecretStore", "  target:")
    .n("    name: ledger-api-secrets", "secret-name")
    .l("  data:")
    .n("    - secretKey: stripeSecretKey", "field-name")
    .l("      remoteRef:")
    .n("        key: secret/data/ledger/prod", "path")
    .n("        property: stripe_secret_key", "field-name")
    .n("    - secretKey: dbPassword", "field-name")
    .l("      remoteRef:")
    .n("        key: secret/data/ledger/prod/db", "path")
    .n("        property: password", "field-name");

  {
    const k = T.pkcs8();
    const sa = [
      "    {",
      '      "type": "service_account",',
      '      "project_id": "acme-payments-prod",',
      `      "private_key_id": "${r.hex(40)}",`,
      `      "private_key": "${k.lines.join("\\n")}\\n",`,
      '      "client_email": "payments@acme-payments-prod.iam.gserviceaccount.com",',
      `      "client_id": "${r.digits(21)}",`,
      '      "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
      '      "token_uri": "https://oauth2.googleapis.com/token"',
      "    }",
    ];
    const f = F("helm/payments/values.yaml")
      .l("replicaCount: 3", "image:", "  repository: ghcr.io/acme/payments")
      .n(`  tag: "${r.hex(40)}"`, "git-sha")
      .l("stripe:")
      .s(`  secretKey: ${$(T.rkLive())}`, "stripe-restricted-key", "helm values")
      .n(`  publishableKey: ${T.pkLive()}`, "publishable-key")
      .n('  existingSecret: ""', "empty")
      .l("postgresql:", "  auth:")
      .n("    existingSecret: payments-pg", "secret-name")
      .l("    secretKeys:")
      .n("      adminPasswordKey: postgres-password", "field-name")
      .l("gcp:", "  credentialsJson: |");
    $(k.lines.join("\\n"));
    f.block(sa, "gcp-service-account", "helm values multi-line service-account JSON")
      .l("resources:", "  limits:", "    memory: 512Mi");
  }

  F("helm/payments/templates/secret.yaml")
    .l("apiVersion: v1", "kind: Secret", "metadata:", '  name: {{ include "payments.fullname" . }}', "type: Opaque", "data:")
    .n("  stripe-secret-key: {{ .Values.stripe.secretKey | b64enc | quote }}", "template-reference")
    .n("  gcp-credentials: {{ .Values.gcp.credentialsJson | b64enc }}", "template-reference")
    .n('  db-password: {{ required "postgresql.auth.password is required" .Values.postgresql.auth.password | b64enc }}', "template-reference")
    .n("  api-token: {{ randAlphaNum 32 | b64enc | quote }}", "template-reference");

  F("helm/payments/values-staging.yaml")
    .l("redis:", "  auth:", "    enabled: true")
    .s(`    password: "${$(r.upw(26))}"`, "generic-password", "helm staging values")
    .l("sentry:")
    .s(`  dsn: "${$(T.sentryDsn())}"`, "sentry-dsn", "helm values (server side)")
    .l("  environment: staging", "stripe:")
    .s(`  secretKey: "${$(T.skTest())}"`, "stripe-test-secret-key", "helm staging values, test-mode secret key (labelled positive by decision)")
    .n(`  publishableKey: "${T.pkTest()}"`, "publishable-key");

  // ================================================================ CI/CD
  F(".github/workflows/release.yml")
    .l("name: release", "on:", "  push:", '    tags: ["v*"]', "permissions:", "  contents: write", "  id-token: write", "jobs:", "  publish:", "    runs-on: ubuntu-latest", "    env:")
    .n("      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}", "variable-reference")
    .s(`      SLACK_WEBHOOK_URL: ${$(T.slackHook())}`, "slack-webhook", "workflow env")
    .l("    steps:")
    .n(`      - uses: actions/checkout@${r.hex(40)} # v4.1.7`, "git-sha")
    .n(`      - uses: actions/setup-node@${r.hex(40)} # v4.0.3`, "git-sha")
    .l("        with:", "          registry-url: https://registry.npmjs.org", "      - run: npm publish --provenance --access public", "      - name: Create GitHub release", "        run: |")
    .s(`          curl -sS -X POST -H "Authorization: Bearer ${$(T.ghFine())}" \\`, "github-fine-grained-pat", "curl header inside workflow run block")
    .l('            -H "Accept: application/vnd.github+json" \\')
    .n("            https://api.github.com/repos/acme/ledger/releases -d '{\"tag_name\":\"${{ github.ref_name }}\"}'", "template-reference")
    .l("      - name: Notify")
    .n("        run: curl -sS -X POST -H 'Content-type: application/json' --data '{\"text\":\"released\"}' \"$SLACK_WEBHOOK_URL\"", "variable-reference")
    .l("      - name: Push image")
    .n('        run: echo "${{ github.token }}" | docker login ghcr.io -u ${{ github.actor }} --password-stdin', "variable-reference");

  {
    const [cid, tid, sid] = [r.uuid(), r.uuid(), r.uuid()];
    F(".github/workflows/deploy-azure.yml")
      .l("name: deploy-azure", "on: workflow_dispatch", "env:")
      .n(`  AZURE_CLIENT_ID: ${cid}`, "uuid-id")
      .n(`  AZURE_TENANT_ID: ${tid}`, "uuid-id")
      .n(`  AZURE_SUBSCRIPTION_ID: ${sid}`, "uuid-id")
      .s(`  AZURE_CLIENT_SECRET: ${$(T.azAd())}`, "azure-ad-client-secret", "workflow env")
      .l("jobs:", "  deploy:", "    runs-on: ubuntu-latest", "    steps:", "      - uses: azure/login@v2", "        with:")
      .n("          creds: ${{ secrets.AZURE_CREDENTIALS }}", "variable-reference")
      .l("      - uses: azure/login@v2", "        with:")
      .s(`          creds: '{"clientId":"${cid}","clientSecret":"${$(T.azAd())}","subscriptionId":"${sid}","tenantId":"${tid}"}'`, "azure-ad-client-secret", "azure/login creds JSON inline")
      .s(`      - run: az storage blob upload-batch -d '$web' -s ./dist --connection-string "DefaultEndpointsProtocol=https;AccountName=acmestatic;AccountKey=${$(T.azStorage())};EndpointSuffix=core.windows.net"`, "azure-storage-account-key", "az cli --connection-string");
  }

  F(".circleci/config.yml")
    .l("version: 2.1", "orbs:", "  node: circleci/node@5.2.0", "jobs:", "  test:", "    docker:", "      - image: cimg/node:20.12", "        auth:", "          username: acmeci")
    .n("          password: $DOCKERHUB_PASSWORD", "variable-reference")
    .l("    environment:")
    .s(`      CODECOV_TOKEN: ${$(r.uuid())}`, "codecov", "circleci environment (uuid with context)")
    .s(`      CIRCLE_API_TOKEN: ${$(T.circleci())}`, "circleci", "circleci environment")
    .l("    steps:", "      - checkout")
    .n('      - run: echo "$GCLOUD_SERVICE_KEY" | base64 -d > gcloud.json', "variable-reference")
    .n("      - run: npx codecov --token=$CODECOV_TOKEN", "variable-reference")
    .l("workflows:", "  ci:", "    jobs: [test]");

  F("bitbucket-pipelines.yml")
    .l("image: atlassian/default-image:4", "pipelines:", "  branches:", "    main:", "      - step:", "          name: Deploy to S3", "          script:")
    .s(`            - export AWS_ACCESS_KEY_ID=${$(T.akia())}`, "aws-access-key-id", "pipeline script export")
    .s(`            - export AWS_SECRET_ACCESS_KEY=${$(T.awsSecret())}`, "aws-secret-access-key", "pipeline script export")
    .l("            - pipe: atlassian/aws-s3-deploy:1.6.1", "              variables:")
    .n("                AWS_ACCESS_KEY_ID: $AWS_ACCESS_KEY_ID", "variable-reference")
    .l("                S3_BUCKET: acme-static-prod")
    .n("                LOCAL_PATH: $BITBUCKET_CLONE_DIR/dist", "variable-reference");

  F("azure-pipelines.yml", { eol: "\r\n" })
    .l("trigger:", "  - main", "variables:")
    .n("  - group: prod-secrets", "secret-name")
    .l("  - name: ARM_CLIENT_ID")
    .n(`    value: ${r.uuid()}`, "uuid-id")
    .l("  - name: ARM_CLIENT_SECRET")
    .s(`    value: ${$(T.azAd())}`, "azure-ad-client-secret", "azure pipelines variable (CRLF file)")
    .l("steps:")
    .n('  - script: terraform init -backend-config="access_key=$(STORAGE_ACCESS_KEY)"', "variable-reference")
    .n('  - script: git -c http.extraheader="AUTHORIZATION: bearer $(System.AccessToken)" fetch --depth 1', "variable-reference")
    .s(`  - script: git clone https://acme:${$(T.azDevops())}@dev.azure.com/acme/platform/_git/infra`, "azure-devops-pat", "git clone URL with PAT (CRLF file)");

  F(".travis.yml")
    .l("language: python", 'python: "3.12"', "env:", "  global:")
    .n(`    - secure: "${r.b64(342)}=="`, "encrypted-blob")
    .s(`    - SNYK_TOKEN=${$(r.uuid())}`, "snyk", "travis env (uuid with context)")
    .l("    - PYTHONHASHSEED=0", "deploy:", "  provider: pypi")
    .n("  username: __token__", "config-value")
    .l("  password:")
    .n(`    secure: "${r.b64(342)}=="`, "encrypted-blob");

  F(".drone.yml")
    .l("kind: pipeline", "type: docker", "name: default", "steps:", "  - name: publish", "    image: plugins/docker", "    settings:", "      username: acmebot", "      password:")
    .n("        from_secret: docker_password", "secret-name")
    .l("  - name: notify", "    image: appleboy/drone-discord", "    settings:")
    .s(`      webhook: ${$(T.discordHook())}`, "discord-webhook", "drone step settings");

  F("cloudbuild.yaml")
    .l("steps:", "  - name: gcr.io/cloud-builders/docker")
    .n('    args: ["build", "-t", "gcr.io/acme-prod/api:$SHORT_SHA", "."]', "variable-reference")
    .l("  - name: gcr.io/google.com/cloudsdktool/cloud-sdk", "    entrypoint: bash")
    .n('    secretEnv: ["DB_PASSWORD"]', "secret-name")
    .l('    args: ["-c", "./deploy.sh"]', "substitutions:")
    .s(`  _SENDGRID_API_KEY: ${$(T.sendgrid())}`, "sendgrid", "cloudbuild substitution")
    .l("  _REGION: europe-west1", "availableSecrets:", "  secretManager:")
    .n("    - versionName: projects/acme-prod/secrets/db-password/versions/latest", "path")
    .l("      env: DB_PASSWORD");

  F("buildspec.yml")
    .l("version: 0.2", "env:", "  parameter-store:")
    .n("    DB_PASSWORD: /prod/api/db_password", "path")
    .l("  secrets-manager:")
    .n("    STRIPE_KEY: prod/stripe:secret_key", "path")
    .l("  variables:")
    .s(`    NPM_TOKEN: ${$(T.npm())}`, "npm", "codebuild env variables")
    .l("phases:", "  build:", "    commands:")
    .n('      - echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc', "variable-reference")
    .l("      - npm ci && npm run build");

  F("ci/jenkins/nightly.groovy")
    .l("pipeline {", "  agent any", "  environment {")
    .s(`    JENKINS_API_TOKEN = '${$(T.jenkins())}'`, "jenkins-api-token", "groovy environment block")
    .n("    ARTIFACTORY_CREDS = credentials('artifactory-deployer')", "variable-reference")
    .l("  }", "  stages {", "    stage('trigger') {", "      steps {")
    .n("        withCredentials([string(credentialsId: 'sonar-token', variable: 'SONAR_TOKEN')]) {", "variable-reference")
    .n("          sh 'curl -fsS -u ci-bot:$JENKINS_API_TOKEN https://jenkins.acme.io/job/nightly/build'", "variable-reference")
    .l("        }", "      }", "    }", "  }", "}");

  // ================================================================ IaC
  F("terraform/envs/prod/secrets.auto.tfvars")
    .l('environment        = "prod"')
    .n(`aws_account_id     = "${r.digits(12)}"`, "account-id")
    .n(`kms_key_id         = "${r.uuid()}"`, "uuid-id")
    .s(`datadog_api_key    = "${$(T.ddApi())}"`, "datadog-api-key", "tfvars")
    .s(`datadog_app_key    = "${$(T.ddApp())}"`, "datadog-app-key", "tfvars")
    .s(`newrelic_api_key   = "${$(T.nrak())}"`, "newrelic-user-key", "tfvars")
    .s(`db_master_password = "${$(r.pw(24))}"`, "generic-password", "tfvars")
    .s(`pagerduty_token    = "${$(T.pagerduty())}"`, "pagerduty", "tfvars")
    .n(`github_app_id      = "${r.digits(6)}"`, "config-value");

  F("terraform/modules/rds/main.tf")
    .l('resource "random_password" "master" {', "  length  = 32", "  special = true", "}", 'resource "aws_db_instance" "this" {', "  identifier = var.name", '  username   = "dbadmin"')
    .n("  password   = random_password.master.result", "variable-reference")
    .n("  manage_master_user_password = false", "config-value")
    .l("}", 'resource "aws_secretsmanager_secret_version" "db" {', "  secret_id     = aws_secretsmanager_secret.db.id")
    .n('  secret_string = jsonencode({ username = "dbadmin", password = random_password.master.result })', "variable-reference")
    .l("}", 'data "aws_secretsmanager_secret_version" "api" {')
    .n('  secret_id = "prod/api/token"', "path")
    .l("}", 'variable "master_password" {', "  type      = string", "  sensitive = true")
    .n('  default   = ""', "empty")
    .l("}");

  F("terraform/providers.tf")
    .l('provider "github" {', '  owner = "acme"')
    .s(`  token = "${$(T.ghp())}"`, "github-pat", "terraform provider block")
    .l("}", 'provider "digitalocean" {')
    .s(`  token = "${$(T.doPat())}"`, "digitalocean-pat", "terraform provider block")
    .l("}", 'provider "azurerm" {', "  features {}")
    .n(`  subscription_id = "${r.uuid()}"`, "uuid-id")
    .n(`  client_id       = "${r.uuid()}"`, "uuid-id")
    .s(`  client_secret   = "${$(T.azAd())}"`, "azure-ad-client-secret", "terraform provider block")
    .n(`  tenant_id       = "${r.uuid()}"`, "uuid-id")
    .l("}", 'provider "vault" {', '  address = "https://vault.acme.internal:8200"')
    .s(`  token   = "${$(T.hvs())}"`, "vault-service-token", "terraform provider block")
    .l("}", "# copied from the AWS provider docs; real credentials come from the SSO profile", 'provider "aws" {', '  region     = "us-east-1"')
    .n(`  access_key = "${AWS_DOC_ID}"`, "doc-example")
    .n(`  secret_key = "${AWS_DOC_SECRET}"`, "doc-example")
    .l("}");

  F("terraform/keys.tf")
    .l('resource "aws_key_pair" "deployer" {', '  key_name   = "deployer"')
    .n(`  public_key = "${T.sshEd("deployer@acme")}"`, "public-key")
    .l("}", 'resource "aws_key_pair" "bastion" {', '  key_name   = "bastion"')
    .n(`  public_key = "${T.sshRsa("ops@acme")}"`, "public-key")
    .l("}", 'resource "tls_private_key" "signing" {', '  algorithm   = "ECDSA"', '  ecdsa_curve = "P256"', "}", 'output "signing_public_key_pem" {')
    .n("  value = tls_private_key.signing.public_key_pem", "variable-reference")
    .l("}", 'output "signing_private_key" {')
    .n("  value     = tls_private_key.signing.private_key_pem", "variable-reference")
    .l("  sensitive = true", "}");

  {
    const k = T.opensshKey();
    const f = F("ansible/inventories/prod/group_vars/all.yml")
      .l("---")
      .s(`mysql_root_password: "${$(r.pw(24))}"`, "generic-password", "ansible group_vars")
      .n('ansible_become_password: "{{ vault_become_pass }}"', "template-reference")
      .n("app_admin_password: !vault |", "encrypted-blob")
      .n("  $ANSIBLE_VAULT;1.1;AES256", "encrypted-blob")
      .nblock([r.hex(80), r.hex(80), r.hex(80), r.hex(80), r.hex(38)].map((h) => "  " + h), "encrypted-blob")
      .l("deploy_user: deploy", "deploy_ssh_key: |");
    $(k.first);
    $(k.last);
    f.block(k.lines.map((x) => "  " + x), "openssh-private-key", "ansible var, YAML block scalar")
      .n("smtp_relay_password: \"{{ lookup('community.hashi_vault.hashi_vault', 'secret/data/smtp:password') }}\"", "template-reference");
  }

  F("ansible/roles/web/defaults/main.yml")
    .l("---")
    .n("web_tls_key_path: /etc/ssl/private/web.key", "path")
    .n("web_admin_password: changeme", "placeholder")
    .n("web_session_secret: \"{{ lookup('env', 'WEB_SESSION_SECRET') }}\"", "template-reference")
    .n("web_password_min_length: 12", "config-value")
    .n('web_api_token: ""', "empty")
    .l("web_htpasswd_users: []");

  F("pulumi/Pulumi.prod.yaml")
    .l("config:", "  aws:region: eu-central-1", "  acme:dbPassword:")
    .n(`    secure: v1:${r.b64(16)}:${r.b64(44)}`, "encrypted-blob")
    .s(`  acme:linearApiKey: ${$(T.linear())}`, "linear", "pulumi stack config (not marked secure)")
    .s(`  acme:postmanApiKey: ${$(T.postman())}`, "postman", "pulumi stack config (not marked secure)");

  F("packer/ubuntu.pkr.hcl")
    .l('source "vsphere-iso" "ubuntu" {', '  vcenter_server = "vcenter.acme.internal"', '  username       = "packer@vsphere.local"')
    .s(`  password       = "${$(r.pw(20))}"`, "generic-password", "packer HCL")
    .n(`  iso_checksum   = "sha256:${r.hex(64)}"`, "checksum")
    .l('  ssh_username   = "ubuntu"')
    .n('  ssh_password   = "ubuntu"', "well-known-default")
    .l("}");

  F("vagrant/Vagrantfile")
    .l('Vagrant.configure("2") do |config|', '  config.vm.box = "bento/ubuntu-22.04"')
    .n(`  config.vm.box_download_checksum = "${r.hex(64)}"`, "checksum")
    .l('  config.vm.box_download_checksum_type = "sha256"', '  config.ssh.username = "vagrant"')
    .n('  config.ssh.password = "vagrant"', "well-known-default")
    .l("  config.ssh.insert_key = false", "end");

  F("cloud-init/user-data.yaml")
    .l("#cloud-config", "users:", "  - name: ops")
    .n(`    passwd: "${T.sha512crypt()}"`, "password-hash")
    .l("    ssh_authorized_keys:")
    .n(`      - ${T.sshEd("ops@laptop")}`, "public-key")
    .l("chpasswd:", "  expire: false", "  list: |")
    .s(`    root:${$(r.pw(18))}`, "generic-password", "cloud-init chpasswd plaintext list")
    .l("write_files:", "  - path: /etc/ingest/doppler-token", "    permissions: '0600'")
    .s(`    content: ${$(T.dopplerPt())}`, "doppler", "cloud-init write_files content");

  // ================================================================ source code
  F("services/ingest/app/clients.py")
    .l("import os", "from huggingface_hub import InferenceClient", "from slack_sdk import WebClient", "from transformers import AutoTokenizer", "")
    .n('tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")', "identifier-name")
    .s(`hf = InferenceClient(token="${$(T.hf())}")  # 临时令牌，上线前删除 🙈`, "huggingface", "python kwarg, CJK + emoji comment on the same line")
    .n('slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])', "variable-reference")
    .s(`alerts = WebClient(token="${$(T.xoxp())}")`, "slack-user-token", "python kwarg")
    .n('secret_name = "prod/ingest/slack"', "identifier-name")
    .n('HF_TOKEN = os.getenv("HF_TOKEN", "")', "variable-reference")
    .n('def get_token(): return os.environ.get("INGEST_TOKEN")', "variable-reference");

  F("services/ingest/app/db.py")
    .l("import bcrypt", "import psycopg2", "from pymongo import MongoClient", "from sqlalchemy import create_engine", "")
    .s(`conn = psycopg2.connect(host="pg.acme.internal", dbname="ingest", user="ingest", password="${$(r.pw(22))}")`, "generic-password", "psycopg2.connect keyword")
    .n('engine = create_engine(f"postgresql+psycopg2://{user}:{password}@{host}:5432/ingest")', "template-reference")
    .n('QUERY = "UPDATE users SET password_hash = %(password_hash)s WHERE id = %(id)s"', "template-reference")
    .s(`mongo = MongoClient("mongodb+srv://ingest:${$(r.upw(24))}@cluster0.${r.lowerNum(5)}.mongodb.net/?retryWrites=true&w=majority")`, "mongodb-srv-url", "python string")
    .s(`redis_url = "rediss://default:${$(r.upw(32))}@redis-${r.digits(5)}.c1.us-east-1-2.ec2.redns.redis-cloud.com:${r.digits(5)}"`, "redis-url", "python string (rediss)")
    .n("def check(password_hash, candidate): return bcrypt.checkpw(candidate, password_hash)", "code-mention");

  F("services/ingest/tests/conftest.py")
    .l("import pytest", "", "@pytest.fixture", "def aws_credentials(monkeypatch):")
    .n('    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")', "test-value")
    .n('    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")', "test-value")
    .l("", "@pytest.fixture", "def user():")
    .n('    return User(email="alice@example.com", password="test123")', "test-value")
    .l("", "@pytest.fixture", "def api_client():")
    .n('    return Client(api_key="dummy", token="fake-token")', "test-value")
    .n(`DOC_KEY = "${AWS_DOC_ID}"`, "doc-example")
    .n(`REQUEST_ID = "${r.uuid()}"`, "uuid-id");

  F("cmd/notifier/telegram.go")
    .l("package main", "", "import (", '\t"fmt"', '\t"os"', ")", "")
    .n("// bot token format: <bot_id>:<35 chars> (see https://core.telegram.org/bots/api)", "code-mention")
    .s(`const botToken = "${$(T.telegram())}"`, "telegram-bot-token", "go const")
    .n('var chatID = os.Getenv("TELEGRAM_CHAT_ID")', "variable-reference")
    .l("", "func apiURL(method string) string {")
    .n('\treturn fmt.Sprintf("https://api.telegram.org/bot%s/%s", botToken, method)', "template-reference")
    .l("}", "")
    .n('func fallbackToken() string { return os.Getenv("TELEGRAM_BOT_TOKEN") }', "variable-reference");

  F("internal/storage/azure.go")
    .l("package storage", "")
    .s(`const connStr = "DefaultEndpointsProtocol=https;AccountName=acmeingest;AccountKey=${$(T.azStorage())};EndpointSuffix=core.windows.net"`, "azure-storage-account-key", "go const connection string")
    .l("", "func sharedKey() (*azblob.SharedKeyCredential, error) {")
    .n('\treturn azblob.NewSharedKeyCredential(os.Getenv("AZURE_STORAGE_ACCOUNT"), os.Getenv("AZURE_STORAGE_KEY"))', "variable-reference")
    .l("}", "")
    .s(`const exportsSAS = "https://acmeingest.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=${$(T.azSas())}"`, "azure-sas-token", "go const SAS URL")
    .s(`const cosmosConn = "AccountEndpoint=https://acme-ingest.documents.azure.com:443/;AccountKey=${$(T.azStorage())};"`, "azure-cosmos-key", "go const connection string");

  F("pkg/auth/jwt_test.go")
    .l("package auth", "", 'import "testing"', "")
    .n('var testSigningKey = []byte("test-secret")', "test-value")
    .l("", "// Example token from https://jwt.io")
    .n(`const exampleToken = "${b64u(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64u(JSON.stringify({ sub: "1234567890", name: "John Doe", iat: 1516239022 }))}.${JWT_IO_SIG}"`, "doc-example")
    .l("", "func TestParse(t *testing.T) {")
    .n("\tclaims, err := Parse(exampleToken, testSigningKey)", "code-mention")
    .l("\tif err != nil {", "\t\tt.Fatal(err)", "\t}", '\tif claims.Subject != "1234567890" {', '\t\tt.Fatalf("sub=%s", claims.Subject)', "\t}", "}");

  F("app/src/main/kotlin/com/acme/mobile/ApiModule.kt")
    .l("package com.acme.mobile", "", "import okhttp3.OkHttpClient", "", "object ApiModule {")
    .s(`    private const val SHOPIFY_ADMIN_TOKEN = "${$(T.shop("at"))}"`, "shopify-admin-token", "kotlin const in mobile app")
    .n("    private val apiKey = BuildConfig.ACME_API_KEY", "variable-reference")
    .l("    fun client(): OkHttpClient = OkHttpClient.Builder().addInterceptor { chain ->")
    .n('        chain.proceed(chain.request().newBuilder().header("X-Shopify-Access-Token", SHOPIFY_ADMIN_TOKEN).build())', "code-mention")
    .l("    }.build()")
    .n("    val passwordField = R.id.password_input", "identifier-name")
    .n('    const val TOKEN_PREFS = "acme_token_prefs"', "identifier-name")
    .l("}");

  F("ios/Acme/Config/Secrets.swift")
    .l("import Foundation", "", "enum Secrets {")
    .s(`    static let anthropicAPIKey = "${$(T.ant())}" // ⚠️ à déplacer dans le Trousseau (Keychain) — réf. ticket №42`, "anthropic", "swift, accents + emoji on the same line")
    .n('    static let apiKey = Bundle.main.object(forInfoDictionaryKey: "ACME_API_KEY") as? String ?? ""', "variable-reference")
    .n('    static let keychainService = "com.acme.ios.token"', "identifier-name")
    .n("    static let tokenRefreshInterval: TimeInterval = 3600", "config-value")
    .l("}");

  F("src/main/java/com/acme/billing/PaymentGatewayConfig.java")
    .l("package com.acme.billing;", "", "@Configuration", "public class PaymentGatewayConfig {")
    .n('    @Value("${paypal.client-secret}")', "template-reference")
    .l("    private String paypalSecretFromEnv;")
    .n(`    private static final String PAYPAL_CLIENT_ID = "${T.paypalId()}";`, "public-identifier")
    .s(`    private static final String PAYPAL_CLIENT_SECRET = "${$(T.paypalSecret())}";`, "paypal-client-secret", "java constant")
    .s(`    private static final String BRAINTREE_ACCESS_TOKEN = "${$(T.braintree())}";`, "braintree-access-token", "java constant")
    .n("    private final PasswordEncoder passwordEncoder = new BCryptPasswordEncoder(12);", "identifier-name")
    .l("}");

  F("src/Acme.Worker/Program.cs")
    .l("using Azure.Messaging.ServiceBus;", "using Microsoft.Data.SqlClient;", "")
    .n(`[assembly: System.Runtime.InteropServices.Guid("${r.uuid()}")]`, "uuid-id")
    .s(`var sql = new SqlConnection("Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password=${$(r.pw(22))};Encrypt=True;");`, "mssql-connection-string", "C# SqlConnection literal")
    .s(`var bus = new ServiceBusClient("Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${$(T.azSb())}");`, "azure-servicebus-key", "C# ServiceBusClient literal")
    .n('var stripeKey = builder.Configuration["Stripe:SecretKey"];', "variable-reference")
    .n('var dbPassword = Environment.GetEnvironmentVariable("ORDERS_DB_PASSWORD");', "variable-reference");

  F("crates/relay/src/config.rs")
    .l("use std::env;", "")
    .s(`pub const DISCORD_BOT_TOKEN: &str = "${$(T.discordBot())}";`, "discord-bot-token", "rust const")
    .n('pub fn openai_key() -> String { env::var("OPENAI_API_KEY").unwrap_or_default() }', "variable-reference")
    .n("pub struct Tokenizer { vocab_size: usize }", "identifier-name")
    .n('pub fn secret_path() -> &\'static str { "/run/secrets/relay_token" }', "path");

  F("app/Services/MailgunService.php")
    .l("<?php", "", "namespace App\\Services;", "", "class MailgunService", "{")
    .s(`    private string $apiKey = '${$(T.mailgun())}';`, "mailgun", "php property")
    .l("    private string $domain = 'mg.acme.io';")
    .n("    public function __construct() { $this->fallback = env('MAILGUN_SECRET'); }", "variable-reference")
    .n("    public function hash(string $password): string { return Hash::make($password); }", "code-mention")
    .n("    private const SIGNATURE_HEADER = 'X-Mailgun-Signature';", "identifier-name")
    .l("}");

  {
    const sid = T.twilioSid();
    F("app/services/sms_sender.rb")
      .l('require "twilio-ruby"', "", "class SmsSender")
      .s(`  CLIENT = Twilio::REST::Client.new("${sid}", "${$(r.hex(32))}")`, "twilio-auth-token", "ruby client with account SID + auth token")
      .s(`  API_KEY_CLIENT = Twilio::REST::Client.new("${$(T.twilioKey())}", "${$(r.alnum(32))}", "${sid}")`, "twilio-api-key", "ruby client with API key SID + secret")
      .l("", "  def self.fallback_client")
      .n('    Twilio::REST::Client.new(ENV.fetch("TWILIO_ACCOUNT_SID"), ENV.fetch("TWILIO_AUTH_TOKEN"))', "variable-reference")
      .l("  end", "")
      .n("  def self.token = Rails.application.credentials.dig(:twilio, :auth_token)", "variable-reference")
      .l("end");
  }

  F("apps/shop_web/config/runtime.exs")
    .l("import Config", "")
    .s(`config :stripity_stripe, api_key: "${$(T.skLive(99))}"`, "stripe-secret-key", "elixir config")
    .l("config :shop_web, ShopWeb.Endpoint,")
    .n('  secret_key_base: System.fetch_env!("SECRET_KEY_BASE")', "variable-reference")
    .l("config :shop, Shop.Repo,")
    .s(`  url: "ecto://shop:${$(r.upw(22))}@db.acme.internal/shop_prod"`, "ecto-url-password", "elixir repo url")
    .n('config :shop, :mailer, api_key: System.get_env("POSTMARK_API_KEY")', "variable-reference");

  F("mobile/lib/env.dart")
    .l("class Env {")
    .s(`  static const openAiKey = '${$(T.oaiProj())}';`, "openai", "dart const")
    .n("  static const apiBase = String.fromEnvironment('API_BASE', defaultValue: 'https://api.acme.io');", "variable-reference")
    .n("  static const sentryDsn = String.fromEnvironment('SENTRY_DSN');", "variable-reference")
    .l("}");

  F("analysis/.Renviron")
    .n("R_LIBS_USER=~/R/library", "path")
    .s(`GITHUB_PAT=${$(T.ghp())}`, "github-pat", ".Renviron (usethis convention)")
    .s(`OPENAI_API_KEY=${$(T.oaiLegacy())}`, "openai", ".Renviron legacy key")
    .s(`CENSUS_API_KEY=${$(T.apiKey40())}`, "generic-api-key", ".Renviron hex api key with context")
    .n("R_MAX_VSIZE=32Gb", "config-value");

  F("nginx/lua/auth.lua")
    .l("local _M = {}")
    .s(`local api_secret = "${$(r.alnum(48))}"`, "generic-secret", "lua local")
    .n('local token = os.getenv("UPSTREAM_TOKEN")', "variable-reference")
    .l('local hmac = require "resty.hmac"')
    .n("function _M.sign(body) return hmac:new(api_secret, hmac.ALGOS.SHA256):final(body, true) end", "code-mention")
    .l("return _M");

  F("web/src/checkout/stripe-client.ts")
    .l('import { loadStripe } from "@stripe/stripe-js";', "")
    .n("export const stripePromise = loadStripe(import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY);", "variable-reference")
    .n(`const FALLBACK_PK = "${T.pkLive()}";`, "publishable-key")
    .l("export const PRICES = {")
    .n(`  monthly: "${T.stripeId("price")}",`, "provider-id")
    .n(`  yearly: "${T.stripeId("price")}",`, "provider-id")
    .l("};")
    .n(`export const DEMO_CUSTOMER = "${T.stripeId("cus", 14)}";`, "provider-id")
    .n(`export const PAYPAL_CLIENT_ID = "${T.paypalId()}";`, "public-identifier");

  F("web/src/monitoring/rum.ts")
    .l('import { datadogRum } from "@datadog/browser-rum";', "", "datadogRum.init({")
    .n(`  applicationId: "${r.uuid()}",`, "uuid-id")
    .n(`  clientToken: "${T.ddClient()}",`, "public-by-design")
    .l('  site: "datadoghq.eu",', '  service: "acme-web",', "  sessionSampleRate: 20,", "});");

  {
    const ref = r.lower(20);
    F("web/src/lib/supabase.ts")
      .l('import { createClient } from "@supabase/supabase-js";', "")
      .n(`const SUPABASE_URL = "https://${ref}.supabase.co";`, "url-no-creds")
      .n(`const SUPABASE_ANON_KEY = "${T.jwt({ iss: "supabase", ref, role: "anon", iat: 1700000000, exp: 2015576000 })}";`, "public-by-design")
      .l("export const supabase = createClient(SUPABASE_URL, SUPABASE_ANON_KEY);");
    F("server/lib/supabase-admin.ts")
      .l('import { createClient } from "@supabase/supabase-js";', "", "// the service role bypasses row level security -- server only")
      .s(`const SERVICE_ROLE_KEY = "${$(T.jwt({ iss: "supabase", ref, role: "service_role", iat: 1700000000, exp: 2015576000 }))}";`, "supabase-service-role-jwt", "ts const (server)")
      .l("export const admin = createClient(process.env.SUPABASE_URL!, SERVICE_ROLE_KEY, { auth: { persistSession: false } });")
      .n('const serviceKeyName = "SUPABASE_SERVICE_ROLE_KEY";', "identifier-name");
  }

  F("server/captcha.js")
    .s(`const RECAPTCHA_SECRET_KEY = "${$(T.recaptcha())}";`, "recaptcha-secret-key", "js const (server)")
    .n('const VERIFY_URL = "https://www.google.com/recaptcha/api/siteverify";', "url-no-creds")
    .l("export async function verify(token, ip) {", "  const body = new URLSearchParams({ secret: RECAPTCHA_SECRET_KEY, response: token, remoteip: ip });", "  const res = await fetch(VERIFY_URL, { method: \"POST\", body });", "  return (await res.json()).success === true;", "}");

  // ---------------------------------------------------------------- built assets (long lines)
  {
    const ids = () => r.pick(LOWER.split("")) + (r.rnd() < 0.5 ? r.pick(ALNUM.split("")) : "");
    const snippet = () => {
      const [a, b, c] = [ids(), ids(), ids()];
      return r.pick([
        `function ${a}(${b}){return ${b}&&${b}.length>0}`,
        `var ${a}=${b}.map(function(${c}){return ${c}.id});`,
        `${a}.prototype.render=function(){return this.props.children};`,
        `const ${a}=(${b},${c})=>${b}.filter(Boolean).concat(${c});`,
        `if(${a}.status>=400)throw new Error("HTTP "+${a}.status);`,
        `${a}.addEventListener("click",function(${b}){${b}.preventDefault()});`,
      ]);
    };
    const filler = (n) => Array.from({ length: n }, snippet).join("");
    const bundleHash = r.hex(8);
    const oai = T.oaiProj();
    F(`web/dist/assets/index-${bundleHash}.js`, { finalNewline: false })
      .l("/*! acme-web v2.3.1 | (c) Acme Inc. | MIT */")
      .s(`!function(){"use strict";${filler(40)}var Ke={apiBase:"https://api.acme.io",assistant:{model:"gpt-4o-mini",key:"${$(oai)}"}};${filler(40)}}();`, "openai", "minified bundle, key inside a long line")
      .n(`//# sourceMappingURL=index-${bundleHash}.js.map`, "content-hash");
    const sq = T.sqEAAA();
    const src = `export const square = {\n  environment: "production",\n  accessToken: "${sq}",\n};\n`;
    $(sq);
    F(`web/dist/assets/index-${bundleHash}.js.map`)
      .s(JSON.stringify({ version: 3, file: `index-${bundleHash}.js`, sources: ["../../src/config/square.ts"], sourcesContent: [src], names: ["square", "environment", "accessToken"], mappings: T.vlq(60) }), "square-access-token", "source map sourcesContent");
    const vendorHash = r.hex(8);
    const chunkMap = Array.from({ length: 12 }, () => `${r.int(10, 999)}:"${r.hex(8)}"`).join(",");
    F(`web/dist/assets/vendor-${vendorHash}.js`, { finalNewline: false })
      .n(`(self.webpackChunkacme=self.webpackChunkacme||[]).push([[${r.int(100, 999)}],{${r.int(1000, 9999)}:function(e,t,n){${filler(30)}n.u=function(e){return"static/js/"+e+"."+{${chunkMap}}[e]+".chunk.js"};n.miniCssF=function(e){return"static/css/"+e+".${r.hex(20)}.css"};${filler(30)}}}]);`, "minified-code");
    F(`web/dist/assets/vendor-${vendorHash}.js.map`)
      .n(JSON.stringify({ version: 3, file: `vendor-${vendorHash}.js`, mappings: T.vlq(400), sources: ["webpack://acme/./node_modules/react/cjs/react.production.min.js"], names: ["e", "t", "n", "r"] }), "source-map-mappings");
    F("web/dist/asset-manifest.json")
      .l("{", '  "files": {')
      .n(`    "main.js": "/static/js/main.${r.hex(8)}.js",`, "content-hash")
      .n(`    "main.css": "/static/css/main.${r.hex(8)}.css",`, "content-hash")
      .n(`    "static/media/logo.svg": "/static/media/logo.${r.hex(20)}.svg",`, "content-hash")
      .n(`    "index.html": "/index.html"`, "config-value")
      .l("  },", '  "integrity": {')
      .n(`    "main.js": "${T.sri("sha384")}",`, "sri-integrity")
      .n(`    "main.css": "${T.sri("sha384")}"`, "sri-integrity")
      .l("  }", "}");
    F("web/dist/index.html")
      .l("<!doctype html>", '<html lang="en">', "<head>", '  <meta charset="utf-8">')
      .n(`  <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-${r.b64(22)}=='">`, "csp-nonce")
      .n(`  <script nonce="${r.b64(22)}==" src="/static/js/main.${r.hex(8)}.js" integrity="${T.sri("sha384")}" crossorigin="anonymous"></script>`, "sri-integrity")
      .n(`  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css" integrity="${T.sri("sha384")}" crossorigin="anonymous">`, "sri-integrity")
      .n(`  <script async src="https://www.googletagmanager.com/gtag/js?id=G-${r.upperNum(10)}"></script>`, "public-identifier")
      .l("</head>", "<body>", '  <form method="post" action="/login">')
      .n('    <input type="password" name="password" autocomplete="current-password" minlength="12" required>', "field-name")
      .n(`    <div class="g-recaptcha" data-sitekey="${T.recaptcha()}"></div>`, "captcha-site-key")
      .l("  </form>", "</body>", "</html>");
  }

  // ================================================================ shell / scripts / ops
  F("scripts/ops/rotate-keys.sh")
    .l("#!/usr/bin/env bash", "set -euo pipefail", "")
    .n("TOKEN=$(vault kv get -field=token secret/ci/github)", "variable-reference")
    .s(`curl -fsS -X POST -H "Authorization: Bearer ${$(T.doOauth())}" https://api.digitalocean.com/v2/droplets/${r.digits(9)}/actions -d '{"type":"reboot"}'`, "digitalocean-oauth-token", "curl bearer header")
    .s(`curl -fsS --user "api:${$(T.mailgun())}" https://api.mailgun.net/v3/domains`, "mailgun", "curl --user")
    .s(`git clone https://x-access-token:${$(T.ghs())}@github.com/acme/infra-secrets.git /tmp/infra`, "github-app-installation-token", "git clone URL")
    .n('curl -fsS -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user', "variable-reference")
    .n('read -r -s -p "Password: " PASSWORD', "code-mention")
    .n('echo "rotated at $(date -u +%FT%TZ) by ${USER}"', "variable-reference");

  F("scripts/ops/seed-cluster.sh")
    .l("#!/bin/sh", "set -e")
    .s(`kubectl -n ledger create secret generic ledger-db --from-literal=username=ledger_app --from-literal=password='${$(r.pw(22))}'`, "generic-password", "kubectl --from-literal")
    .n("kubectl -n ledger create secret tls ledger-tls --cert=./certs/tls.crt --key=./certs/tls.key", "path")
    .s(`helm upgrade --install cache bitnami/redis --set auth.password=${$(r.upw(24))} --set architecture=standalone`, "generic-password", "helm --set password")
    .s(`terraform apply -auto-approve -var "db_password=${$(r.upw(20))}"`, "generic-password", "terraform -var password")
    .n(`helm upgrade --install api ./charts/api --set image.tag=${r.hex(40)}`, "git-sha");

  F("scripts/windows/setup-dev.ps1", { eol: "\r\n" })
    .l("# Dev workstation bootstrap", "$ErrorActionPreference = 'Stop'")
    .s(`$securePassword = ConvertTo-SecureString "${$(r.pw(20))}" -AsPlainText -Force`, "generic-password", "PowerShell ConvertTo-SecureString (CRLF)")
    .s(`$env:AZURE_STORAGE_KEY = "${$(T.azStorage())}"`, "azure-storage-account-key", "PowerShell env assignment (CRLF)")
    .n('$cred = Read-Host -AsSecureString -Prompt "Password"', "code-mention")
    .n("$token = Get-Secret -Name GitHubToken -AsPlainText", "variable-reference")
    .l("Write-Host 'done'");

  F("scripts/windows/deploy.bat", { eol: "\r\n" })
    .l("@echo off")
    .n("REM usage: deploy.bat <password> -- the password must be provided by the release manager", "code-mention")
    .n("set PASSWORD=%1", "variable-reference")
    .s(`set SENDGRID_API_KEY=${$(T.sendgrid())}`, "sendgrid", "batch set (CRLF)")
    .s(`net use \\\\fs01.acme.local\\releases /user:ACME\\svc_release ${$(r.pw(18))}`, "generic-password", "net use with password (CRLF)")
    .l("xcopy /E /Y dist \\\\fs01.acme.local\\releases\\web");

  F("ops/cron/crontab")
    .l("SHELL=/bin/bash", "MAILTO=ops@acme.io")
    .s(`*/5 * * * * curl -fsS -X POST "https://api.datadoghq.com/api/v1/series?api_key=${$(T.ddApi())}" -d @/var/lib/metrics/latest.json`, "datadog-api-key", "crontab curl URL query")
    .n("0 3 * * * /usr/local/bin/backup.sh --password-file /etc/backup/passphrase >> /var/log/backup.log 2>&1", "path")
    .n("15 4 * * 0 /usr/bin/certbot renew --quiet", "config-value");

  F("ops/systemd/ingest.service")
    .l("[Unit]", "Description=Ingest worker", "After=network-online.target", "", "[Service]")
    .s(`Environment=DD_API_KEY=${$(T.ddApi())}`, "datadog-api-key", "systemd Environment=")
    .s(`Environment="RABBITMQ_URL=amqp://ingest:${$(r.upw(24))}@mq.acme.internal:5672/prod"`, "amqp-url", "systemd Environment=")
    .n("EnvironmentFile=/etc/ingest/secrets.env", "path")
    .n("LoadCredential=token:/etc/credstore/ingest-token", "path")
    .l("ExecStart=/usr/local/bin/ingest --config /etc/ingest/config.toml", "", "[Install]", "WantedBy=multi-user.target");

  F("ops/nginx/sites-enabled/api.conf")
    .l("server {", "    listen 443 ssl http2;", "    server_name api.acme.io;", "    ssl_certificate /etc/ssl/certs/api.acme.io.pem;")
    .n("    ssl_certificate_key /etc/ssl/private/api.acme.io.key;", "path")
    .n("    auth_basic_user_file /etc/nginx/.htpasswd;", "path")
    .l("    location /legacy/ {", "        proxy_pass https://legacy.acme.internal;")
    .s(`        proxy_set_header Authorization "Basic ${$(b64("legacy-gw:" + r.upw(20)))}";`, "basic-auth-header", "nginx proxy_set_header Basic")
    .l("    }", "}");

  F("ops/supervisor/worker.conf")
    .l("[program:celery]", "command=/srv/venv/bin/celery -A acme worker -l info", "autostart=true")
    .s(`environment=CELERY_BROKER_URL="redis://:${$(r.upw(28))}@redis.acme.internal:6379/1",DJANGO_SETTINGS_MODULE="acme.settings.prod"`, "redis-url", "supervisord environment=")
    .l("stdout_logfile=/var/log/celery.log");

  F("ops/redis/redis.conf")
    .l("bind 0.0.0.0", "port 6379")
    .n("# requirepass foobared", "doc-example")
    .s(`requirepass ${$(r.upw(32))}`, "generic-password", "redis.conf requirepass")
    .s(`masterauth ${$(r.upw(32))}`, "generic-password", "redis.conf masterauth")
    .n('rename-command CONFIG ""', "empty")
    .l("maxmemory 2gb");

  F("ops/pg/.pgpass")
    .n("# hostname:port:database:username:password", "code-mention")
    .s(`db-primary.acme.internal:5432:ledger:ledger_app:${$(r.upw(24))}`, "pgpass", ".pgpass entry")
    .s(`db-replica.acme.internal:5432:*:readonly:${$(r.upw(24))}`, "pgpass", ".pgpass entry");

  F("ops/mysql/.my.cnf")
    .l("[client]", "user=backup")
    .s(`password="${$(r.pw(22))}"`, "generic-password", "my.cnf [client]")
    .n("socket=/var/run/mysqld/mysqld.sock", "path")
    .l("[mysqldump]", "single-transaction");

  F("ops/wireguard/wg0.conf")
    .l("[Interface]", "Address = 10.66.0.1/24", "ListenPort = 51820")
    .s(`PrivateKey = ${$(T.wgKey())}`, "wireguard-private-key", "wg-quick config")
    .l("", "[Peer]", "# laptop-ana")
    .n(`PublicKey = ${T.wgKey()}`, "public-key")
    .s(`PresharedKey = ${$(T.wgKey())}`, "wireguard-preshared-key", "wg-quick config")
    .l("AllowedIPs = 10.66.0.2/32", "", "[Peer]", "# ci-runner")
    .n(`PublicKey = ${T.wgKey()}`, "public-key")
    .l("AllowedIPs = 10.66.0.3/32")
    .n("Endpoint = vpn.acme.io:51820", "url-no-creds");

  {
    const k = T.ovpnKey();
    $(k.first);
    $(k.last);
    F("ops/openvpn/ta.key").block(k.lines, "openvpn-static-key", "OpenVPN tls-auth static key file");
  }

  F("ops/.s3cfg")
    .l("[default]")
    .s(`access_key = ${$(T.akia())}`, "aws-access-key-id", "s3cmd config")
    .s(`secret_key = ${$(T.awsSecret())}`, "aws-secret-access-key", "s3cmd config")
    .n("gpg_passphrase = ", "empty")
    .n("host_base = s3.amazonaws.com", "url-no-creds")
    .l("use_https = True");

  F("ops/rclone/rclone.conf")
    .l("[b2-backups]", "type = b2")
    .block([`account = ${T.b2KeyId()}`, `key = ${$(T.b2Key())}`], "backblaze-application-key", "rclone b2 key id + application key (one 2-line label)")
    .l("hard_delete = true", "", "[s3-archive]", "type = s3", "provider = AWS")
    .n("env_auth = true", "config-value")
    .l("region = eu-west-1");

  // ================================================================ configuration formats
  F("config/app.toml")
    .l("[server]", 'bind = "0.0.0.0:8080"', "", "[database]")
    .s(`url = "mysql://app:${$(r.upw(22))}@mysql.acme.internal:3306/app?tls=true"`, "mysql-url", "toml")
    .l("", "[smtp]", 'host = "smtp.eu.mailgun.org"', 'username = "postmaster@mg.acme.io"')
    .s(`password = "${$(r.pw(24))}"`, "generic-password", "toml")
    .n('password_env = "SMTP_PASSWORD"', "identifier-name")
    .n('token_ttl = "15m"', "config-value");

  F("config/application.conf")
    .l("play {", "  http {")
    .s(`    secret.key = "${$(T.playSecret())}"`, "play-secret-key", "HOCON")
    .l("  }", "}", "slick.dbs.default {", '  profile = "slick.jdbc.PostgresProfile$"', '  db.url = "jdbc:postgresql://pg.acme.internal/play"', '  db.user = "play"')
    .s(`  db.password = "${$(r.pw(20))}"`, "generic-password", "HOCON")
    .n("  db.password = ${?DB_PASSWORD}", "variable-reference")
    .l("}");

  {
    const key = T.confluentKey();
    F("kafka/client.properties")
      .l("bootstrap.servers=pkc-" + r.lowerNum(5) + ".eu-west-1.aws.confluent.cloud:9092", "security.protocol=SASL_SSL", "sasl.mechanism=PLAIN")
      .s(`sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${key}" password="${$(T.confluentSecret())}";`, "confluent-api-secret", "kafka JAAS config")
      .n("ssl.truststore.location=/etc/kafka/truststore.jks", "path")
      .n("ssl.truststore.password=changeit", "well-known-default")
      .s(`ssl.keystore.password=${$(r.pw(18))}`, "generic-password", "java properties keystore password");
  }

  F("android/gradle.properties")
    .n("org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8", "config-value")
    .l("android.useAndroidX=true", "RELEASE_STORE_FILE=release.keystore", "RELEASE_KEY_ALIAS=acme")
    .s(`RELEASE_STORE_PASSWORD=${$(r.pw(18))}`, "generic-password", "gradle.properties signing password")
    .s(`RELEASE_KEY_PASSWORD=${$(r.pw(18))}`, "generic-password", "gradle.properties signing password");

  F("android/app/src/main/res/values/secrets.xml")
    .l('<?xml version="1.0" encoding="utf-8"?>', "<resources>")
    .n('    <string name="app_name">Acme</string>', "config-value")
    .s(`    <string name="algolia_admin_api_key">${$(T.algoliaAdmin())}</string>`, "algolia-admin-key", "android string resource")
    .n('    <string name="password_hint">Password (12+ characters)</string>', "i18n")
    .n('    <string name="api_key_label">API key</string>', "i18n")
    .l("</resources>");

  F("WEB-INF/classes/hibernate.cfg.xml")
    .l('<?xml version="1.0" encoding="UTF-8"?>', "<hibernate-configuration>", "  <session-factory>")
    .n('    <property name="hibernate.connection.url">jdbc:postgresql://pg.acme.internal:5432/erp</property>', "url-no-creds")
    .l('    <property name="hibernate.connection.username">erp</property>')
    .s(`    <property name="hibernate.connection.password">${$(r.pw(20))}</property>`, "generic-password", "hibernate XML property")
    .l("  </session-factory>", "</hibernate-configuration>");

  F("tomcat/conf/tomcat-users.xml")
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">')
    .n('<!-- <user username="admin" password="<must-be-changed>" roles="manager-gui"/> -->', "placeholder")
    .s(`  <user username="deployer" password="${$(r.pw(20))}" roles="manager-script"/>`, "generic-password", "tomcat-users.xml")
    .l("</tomcat-users>");

  F("legacy/Portal/Web.config", { eol: "\r\n", bom: true })
    .l('<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <connectionStrings>")
    .s(`    <add name="Portal" connectionString="Data Source=sql01.acme.local;Initial Catalog=Portal;User Id=portal;Password=${$(r.pw(20))};" providerName="System.Data.SqlClient" />`, "mssql-connection-string", "Web.config (BOM + CRLF)")
    .l("  </connectionStrings>", "  <appSettings>")
    .n('    <add key="ClientValidationEnabled" value="true" />', "config-value")
    .l("  </appSettings>", "  <system.web>")
    .s(`    <machineKey validationKey="${$(r.HEX(128))}" decryptionKey="${$(r.HEX(48))}" validation="HMACSHA256" decryption="AES" />`, "aspnet-machine-key", "Web.config machineKey")
    .l("    <compilation>", "      <assemblies>")
    .n('        <add assembly="System.Web.Mvc, Version=5.2.9.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" />', "public-identifier")
    .l("      </assemblies>", "    </compilation>", "  </system.web>", "</configuration>");

  F("legacy/Portal.sln", { eol: "\r\n" })
    .l("Microsoft Visual Studio Solution File, Format Version 12.00", "# Visual Studio Version 17")
    .n(`Project("{${r.uuid().toUpperCase()}}") = "Portal", "Portal\\Portal.csproj", "{${r.uuid().toUpperCase()}}"`, "uuid-id")
    .l("EndProject")
    .n(`Project("{${r.uuid().toUpperCase()}}") = "Portal.Tests", "Portal.Tests\\Portal.Tests.csproj", "{${r.uuid().toUpperCase()}}"`, "uuid-id")
    .l("EndProject", "Global", "\tGlobalSection(ExtensibilityGlobals) = postSolution")
    .n(`\t\tSolutionGuid = {${r.uuid().toUpperCase()}}`, "uuid-id")
    .l("\tEndGlobalSection", "EndGlobal");

  F("config/locales/fr.yml")
    .l("fr:", "  auth:")
    .n('    password: "Mot de passe"', "i18n")
    .n('    password_hint: "Le mot de passe doit contenir au moins 12 caractères, dont un chiffre."', "policy-text")
    .n('    password_reset: "Réinitialiser le mot de passe"', "i18n")
    .n('    api_token: "Jeton d’API"', "i18n")
    .n('    token_expired: "Votre jeton a expiré — reconnectez-vous."', "i18n");

  // ---------------------------------------------------------------- .env variants
  F("apps/admin/.env.staging")
    .l("APP_ENV=staging")
    .s(`HEROKU_API_KEY=${$(r.uuid())}`, "heroku-api-key", "dotenv (uuid with context)")
    .s(`DOPPLER_TOKEN=${$(T.dopplerCt())}`, "doppler", "dotenv")
    .s(`VAULT_TOKEN=${$(T.hvb())}`, "vault-batch-token", "dotenv")
    .s(`AGE_IDENTITY=${$(T.age())}`, "age-secret-key", "dotenv")
    .s(`TAILSCALE_AUTHKEY=${$(T.tailscale())}`, "tailscale", "dotenv")
    .s(`PREFECT_API_KEY=${$(T.prefect())}`, "prefect", "dotenv")
    .n("PREFECT_API_URL=https://api.prefect.cloud/api/accounts/" + r.uuid() + "/workspaces/" + r.uuid(), "uuid-id")
    .n("LOG_FORMAT=json", "config-value");

  F("apps/admin/.env.test")
    .l("# values for the unit test run; nothing here is real")
    .n("STRIPE_SECRET_KEY=sk_test_dummy", "test-value")
    .n("DATABASE_URL=postgres://postgres:postgres@localhost:5432/admin_test", "well-known-default")
    .n("JWT_SECRET=test-secret", "test-value")
    .n("SENDGRID_API_KEY=SG.test", "test-value")
    .n("API_KEY=dummy", "test-value")
    .n("ADMIN_PASSWORD=test123", "test-value");

  F("apps/admin/.env.docker")
    .s(`AMQP_URL=amqps://admin:${$(r.upw(24))}@b-${r.uuid()}.mq.eu-west-1.amazonaws.com:5671`, "amqp-url", "dotenv")
    .s(`MONGODB_URI=mongodb+srv://admin:${$(r.upw(24))}@admin-prod.${r.lowerNum(5)}.mongodb.net/admin`, "mongodb-srv-url", "dotenv")
    .n("MONGODB_URI_LOCAL=mongodb://mongo:27017/admin", "url-no-creds")
    .n("REDIS_URL=redis://redis:6379", "url-no-creds");

  F("apps/admin/.env.sample")
    .n("HEROKU_API_KEY=<your-heroku-api-key>", "placeholder")
    .n("DOPPLER_TOKEN=dp.pt.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "placeholder")
    .n("VAULT_TOKEN=${VAULT_TOKEN}", "variable-reference")
    .n("TAILSCALE_AUTHKEY=", "empty")
    .n("PREFECT_API_KEY=REPLACE_ME", "placeholder")
    .n("AMQP_URL=amqps://user:password@broker:5671", "placeholder")
    .n("MONGODB_URI=mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/admin", "placeholder")
    .n("OPENAI_API_KEY=sk-...", "placeholder")
    .n("AGE_IDENTITY=AGE-SECRET-KEY-1...", "placeholder");

  F("apps/admin/.env.development.local", { eol: "\r\n" })
    .l("# Zugangsdaten für die Entwicklung – nicht einchecken! 🚫")
    .s(`STRIPE_SECRET_KEY=${$(T.skTest())} # clé de test (mode test) — 测试密钥`, "stripe-test-secret-key", "dotenv CRLF, non-ASCII comment on the same line (test-mode key, positive by decision)")
    .n(`VITE_STRIPE_PUBLISHABLE_KEY=${T.pkTest()}`, "publishable-key")
    .s(`INFRACOST_API_KEY=${$(T.infracost())}`, "infracost", "dotenv CRLF")
    .n("VITE_API_BASE=https://api.staging.acme.io", "url-no-creds");

  F(".env.keys")
    .l("#/------------------!DOTENV_KEYS!-------------------/", "#/ DOTENV_KEYs. DO NOT commit to source control /", "#/---------------------------------------------------/")
    .s(`DOTENV_KEY_PRODUCTION="${$(T.dotenvKey())}"`, "dotenv-vault-key", "dotenv-vault key file");

  F(".env.vault")
    .l("#/-------------------.env.vault---------------------/", "#/         cloud-agnostic vaulting standard         /", "#/---------------------------------------------------/")
    .n(`DOTENV_VAULT_PRODUCTION="${r.b64(240)}"`, "encrypted-blob")
    .n(`DOTENV_VAULT_STAGING="${r.b64(240)}"`, "encrypted-blob");

  F("shop-laravel/.env.production")
    .l("APP_NAME=Shop", "APP_ENV=production")
    .s(`APP_KEY=${$(T.laravelKey())}`, "laravel-app-key", "laravel dotenv")
    .l("DB_CONNECTION=mysql", "DB_HOST=mysql.acme.internal", "DB_USERNAME=shop")
    .s(`DB_PASSWORD=${$(r.human())}`, "human-password", "laravel dotenv")
    .n("MAIL_PASSWORD=null", "empty")
    .n("REDIS_PASSWORD=", "empty")
    .s(`PUSHER_APP_SECRET=${$(r.hex(20))}`, "generic-hex-secret", "laravel dotenv");

  // ================================================================ credential files (variants)
  F("packages/ui/.npmrc")
    .l("@acme:registry=https://npm.pkg.github.com")
    .s(`//npm.pkg.github.com/:_authToken=${$(T.ghp())}`, "github-pat", ".npmrc GitHub Packages")
    .n("//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "variable-reference")
    .s(`//nexus.acme.internal/repository/npm/:_auth=${$(b64("ci-publisher:" + r.upw(20)))}`, "npmrc-basic-auth", ".npmrc legacy _auth")
    .l("always-auth=true");

  F("tools/release/.pypirc")
    .l("[distutils]", "index-servers =", "    pypi", "    testpypi", "", "[pypi]")
    .n("username = __token__", "config-value")
    .s(`password = ${$(T.pypi())}`, "pypi", ".pypirc")
    .l("", "[testpypi]", "repository = https://test.pypi.org/legacy/", "username = __token__")
    .s(`password = ${$(T.testpypi())}`, "pypi", ".pypirc testpypi");

  {
    const key = r.uuid();
    F("deploy/heroku/.netrc")
      .s(`machine api.heroku.com login ops@acme.io password ${$(key)}`, "heroku-api-key", ".netrc (uuid with context)")
      .s(`machine git.heroku.com login ops@acme.io password ${$(key)}`, "heroku-api-key", ".netrc (uuid with context)");
  }

  F("backup/home/dev/.git-credentials")
    .s(`https://oauth2:${$(T.glpat())}@gitlab.acme.io`, "gitlab-pat", "git credential store")
    .s(`https://ci-bot:${$(T.glptt())}@gitlab.com`, "gitlab-pipeline-trigger-token", "git credential store")
    .s(`https://acme-dev:${$(r.upw(22))}@bitbucket.org`, "basic-auth-url", "git credential store (app password)");

  F("backup/home/dev/.config/gh/hosts.yml")
    .l("github.com:")
    .s(`    oauth_token: ${$(T.gho())}`, "github-oauth-token", "gh CLI hosts.yml")
    .n("    user: acme-dev", "config-value")
    .n("    git_protocol: https", "config-value");

  F("backup/home/dev/.vault-token", { finalNewline: false }).s($(T.hvs()), "vault-service-token", "~/.vault-token file (value only)");

  {
    const k = T.ecKey();
    $(k.first);
    $(k.last);
    F("backup/home/dev/.ssh/id_ecdsa").block(k.lines, "ec-private-key", "ssh private key file");
  }

  F("backup/home/dev/.ssh/authorized_keys")
    .n(T.sshEd("ana@laptop"), "public-key")
    .n('from="10.0.0.0/8",no-agent-forwarding ' + T.sshRsa("ci@runner"), "public-key")
    .n(T.ecdsaPub("yubikey-5c"), "public-key");

  F("backup/home/dev/.ssh/config")
    .l("Host bastion", "    HostName bastion.acme.io", "    User ops")
    .n("    IdentityFile ~/.ssh/id_ecdsa", "path")
    .l("Host *.internal", "    ProxyJump bastion");

  F("backup/home/dev/.aws/config")
    .l("[profile platform-admin]")
    .n("sso_start_url = https://acme.awsapps.com/start", "url-no-creds")
    .n(`sso_account_id = ${r.digits(12)}`, "account-id")
    .l("sso_role_name = AdministratorAccess", "region = eu-west-1", "", "[profile ci]")
    .n(`role_arn = arn:aws:iam::${r.digits(12)}:role/ci-deployer`, "arn")
    .n(`mfa_serial = arn:aws:iam::${r.digits(12)}:mfa/ana`, "arn")
    .l("source_profile = platform-admin");

  F("composer/auth.json")
    .l("{", '    "github-oauth": {')
    .s(`        "github.com": "${$(T.gho())}"`, "github-oauth-token", "composer auth.json")
    .l("    },", '    "http-basic": {', '        "repo.packagist.com": {', '            "username": "token",')
    .s(`            "password": "${$(r.hex(64))}"`, "generic-password", "composer auth.json http-basic")
    .l("        }", "    }", "}");

  F(".bundle/config")
    .l("---", 'BUNDLE_PATH: "vendor/bundle"')
    .s(`BUNDLE_GEMS__ACME__IO: "deploy:${$(r.upw(24))}"`, "bundler-credentials", "bundler config user:password")
    .s(`BUNDLE_GITHUB__COM: "x-access-token:${$(T.ghs())}"`, "github-app-installation-token", "bundler config");

  F("deploy/pip.conf")
    .l("[global]")
    .s(`index-url = https://ci:${$(r.upw(22))}@pypi.acme.io/simple/`, "basic-auth-url", "pip.conf index-url")
    .n("extra-index-url = https://pypi.org/simple", "url-no-creds")
    .l("timeout = 30");

  F("mail/postfix/sasl_passwd")
    .s(`[smtp.sendgrid.net]:587 apikey:${$(T.sendgrid())}`, "sendgrid", "postfix sasl_passwd")
    .s(`[smtp.gmail.com]:587 alerts@acme.io:${$(T.googleAppPw())}`, "google-app-password", "postfix sasl_passwd (app password)");

  F("ldap/sssd.conf")
    .l("[domain/acme.local]", "id_provider = ldap", "ldap_uri = ldaps://ldap.acme.local", "ldap_default_bind_dn = cn=sssd,ou=svc,dc=acme,dc=local")
    .n("ldap_default_authtok_type = password", "config-value")
    .s(`ldap_default_authtok = ${$(r.pw(20))}`, "ldap-bind-password", "sssd.conf")
    .n("ldap_tls_cacert = /etc/ssl/certs/acme-ca.pem", "path");

  F("config/ftp-sync.json")
    .l("{")
    .s(`  "remote": "ftp://deploy:${$(r.upw(18))}@ftp.acme-hosting.net/public_html",`, "ftp-url-password", "json")
    .n('  "local": "./dist",', "path")
    .n('  "exclude": ["*.map", ".env*"]', "config-value")
    .l("}");

  // ---------------------------------------------------------------- key material
  {
    const k = T.rsaKey();
    $(k.first);
    $(k.last);
    F("keys/github-app.private-key.pem").block(k.lines, "rsa-private-key", "GitHub App private key file");
  }
  {
    const k = T.pgpKey();
    $(k.first);
    $(k.last);
    F("keys/release-signing.asc").block(k.lines, "pgp-private-key", "armored PGP private key block");
  }
  F("keys/KEYS")
    .l("pub   rsa4096 2023-02-01 [SC]")
    .n("      " + r.HEX(40), "key-fingerprint")
    .l("uid           [ultimate] Acme Release Signing <release@acme.io>", "")
    .nblock(T.pgpPub().lines, "public-key");
  {
    const k = T.encKey();
    $(k.first);
    F("keys/app-encrypted.pem").block(k.lines, "encrypted-private-key", "PKCS#8 ENCRYPTED PRIVATE KEY (positive by decision)");
  }
  {
    const k = T.dsaKey();
    $(k.first);
    F("keys/legacy-dsa.pem").block(k.lines, "dsa-private-key", "DSA private key file");
  }
  {
    const k = T.pkcs8();
    $(k.first);
    $(k.last);
    F("keys/saml-signing.key").block(k.lines, "pkcs8-private-key", "PKCS#8 PRIVATE KEY file");
  }
  F("keys/ca-bundle.crt")
    .l("# Acme Root CA G2")
    .nblock(T.cert().lines, "certificate")
    .l("# Acme Issuing CA 1")
    .nblock(T.cert().lines, "certificate");
  F("keys/jwt-verify.pub").nblock(T.pubKey().lines, "public-key");
  {
    const kid = r.b64url(43);
    F("keys/jwks.json")
      .l("{", '  "keys": [', "    {", '      "kty": "RSA",', '      "use": "sig",')
      .n(`      "kid": "${kid}",`, "key-id")
      .l('      "alg": "RS256",')
      .n(`      "n": "${r.b64url(342)}",`, "public-key")
      .l('      "e": "AQAB"', "    }", "  ]", "}");
    const d = r.b64url(342);
    const jwk = [
      "{",
      '  "kty": "RSA",',
      `  "kid": "${r.b64url(43)}",`,
      `  "n": "${r.b64url(342)}",`,
      '  "e": "AQAB",',
      `  "d": "${$(d)}",`,
      `  "p": "${r.b64url(171)}",`,
      `  "q": "${r.b64url(171)}",`,
      `  "dp": "${r.b64url(171)}",`,
      `  "dq": "${r.b64url(171)}",`,
      `  "qi": "${r.b64url(171)}"`,
      "}",
    ];
    F("keys/jwks-private.json").block(jwk, "jwk-private-key", "private JWK (d/p/q present)");
  }
  F("keys/age/backup.txt")
    .n("# created: 2024-03-11T09:12:44+01:00", "config-value")
    .n(`# public key: ${T.agePub()}`, "public-key")
    .s($(T.age()), "age-secret-key", "age identity file");
  F("keys/minisign.pub")
    .n("untrusted comment: minisign public key " + r.HEX(16), "key-id")
    .n("RWQ" + r.b64(53), "public-key");

  // ================================================================ data, logs, exports
  F("db/dumps/prod-2024-06-01.sql")
    .l("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)", "--", "-- Host: mysql-primary    Database: acme_prod", "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;", "DROP TABLE IF EXISTS `users`;")
    .n("CREATE TABLE `users` (`id` char(36) NOT NULL, `email` varchar(255), `password_hash` varchar(255), `api_token_sha256` char(64), PRIMARY KEY (`id`));", "field-name")
    .n(`INSERT INTO \`users\` VALUES ('${r.uuid()}','ana@acme.io','${T.bcrypt()}','${r.hex(64)}');`, "password-hash")
    .n(`INSERT INTO \`users\` VALUES ('${r.uuid()}','li.wei@acme.io','${T.argon2()}','${r.hex(64)}');`, "password-hash")
    .n(`INSERT INTO \`users\` VALUES ('${r.uuid()}','jose@acme.io','${T.bcrypt(10, "2y")}',NULL);`, "password-hash")
    .l("DROP TABLE IF EXISTS `integrations`;", "CREATE TABLE `integrations` (`id` int, `kind` varchar(32), `credential` text, `created_at` datetime);")
    .s(`INSERT INTO \`integrations\` VALUES (1,'slack','${$(T.xoxb())}','2024-05-30 10:00:00');`, "slack-bot-token", "SQL dump row")
    .s(`INSERT INTO \`integrations\` VALUES (2,'shopify','${$(T.shop("ca"))}','2024-05-30 10:00:00');`, "shopify-custom-app-token", "SQL dump row")
    .s(`INSERT INTO \`integrations\` VALUES (3,'square','${$(T.sqAtp())}','2024-05-30 10:00:00');`, "square-access-token", "SQL dump row")
    .s(`INSERT INTO \`integrations\` VALUES (4,'slack-webhook','${$(T.slackHook())}','2024-05-30 10:00:00');`, "slack-webhook", "SQL dump row")
    .n("INSERT INTO `integrations` VALUES (5,'github','','2024-05-30 10:00:00');", "empty")
    .s(`INSERT INTO \`integrations\` VALUES (6,'square-app','${$(T.sqCsp())}','2024-05-30 10:00:00');`, "square-oauth-secret", "SQL dump row");

  F("db/seeds/users.yml")
    .l("- email: admin@acme.io")
    .n(`  password_digest: "${T.bcrypt(10, "2a")}"`, "password-hash")
    .l("  role: admin", "- email: support@acme.io")
    .n(`  password: "${T.pbkdf2()}"`, "password-hash")
    .l("  role: support", "- email: bot@acme.io")
    .n(`  encrypted_password: "${T.bcrypt()}"`, "password-hash")
    .n(`  id: ${r.uuid()}`, "uuid-id");

  F("exports/integrations-2024-05.csv")
    .l("id,workspace,provider,token,created_at,status")
    .s(`1,acme-eu,sendgrid,${$(T.sendgrid())},2024-05-01,active`, "sendgrid", "CSV export")
    .s(`2,acme-eu,shopify,${$(T.shop("at"))},2024-05-02,active`, "shopify-admin-token", "CSV export")
    .n("3,acme-us,postmark,REDACTED,2024-05-03,revoked", "masked")
    .n("4,acme-us,hubspot,,2024-05-04,pending", "empty")
    .s(`5,acme-apac,linear,${$(T.linear())},2024-05-07,active`, "linear", "CSV export")
    .s(`6,acme-apac,square,${$(T.sqEAAA())},2024-05-09,active`, "square-access-token", "CSV export")
    .n(`7,acme-apac,zendesk,${"*".repeat(20)},2024-05-11,active`, "masked");

  F("logs/worker/worker-2024-06-02.log")
    .n(`${ts()} INFO  worker started pid=${r.int(1000, 9999)} build=${r.hex(40)}`, "git-sha")
    .s(`${ts()} ERROR db connect failed dsn=postgresql://worker:${$(r.upw(22))}@pg-replica-2.acme.internal:5432/jobs: timeout`, "postgres-url", "log line")
    .s(`${ts()} DEBUG POST https://api.openai.com/v1/chat/completions headers={'Authorization': 'Bearer ${$(T.oaiProj())}', 'Content-Type': 'application/json'}`, "openai", "python dict repr in a log line")
    .n(`${ts()} INFO  traceparent=00-${r.hex(32)}-${r.hex(16)}-01 request_id=${r.uuid()}`, "trace-id")
    .s(`${ts()} WARN  retrying GET https://www.googleapis.com/youtube/v3/search?part=snippet&maxResults=5&key=${$(T.aiza())}`, "gcp-api-key", "log line URL query")
    .n(`${ts()} INFO  login ok user=ana@acme.io password=******** mfa=totp`, "masked")
    .n(`${ts()} INFO  cache key=sha1:${r.hex(40)} hit=true`, "content-hash")
    .s(`${ts()} ERROR amqp connection lost url=amqp://jobs:${$(r.upw(24))}@rabbit.acme.internal:5672/prod`, "amqp-url", "log line")
    .n(`${ts()} INFO  uploaded report etag="${r.hex(32)}" size=48213`, "content-hash");

  F("logs/nginx/access.log")
    .n(`10.0.3.7 - - [02/Jun/2024:03:14:07 +0000] "GET /static/js/main.${r.hex(8)}.chunk.js HTTP/1.1" 200 18234 "-" "Mozilla/5.0"`, "content-hash")
    .s(`10.0.3.8 - - [02/Jun/2024:03:14:08 +0000] "GET /api/v1/export?format=csv&api_key=${$(r.hex(40))} HTTP/1.1" 200 90211 "-" "python-requests/2.32.3"`, "api-key-in-url", "access log query string")
    .n('10.0.3.9 - - [02/Jun/2024:03:14:09 +0000] "GET /search?q=forgot+password HTTP/1.1" 200 5121 "-" "Mozilla/5.0"', "code-mention")
    .s(`10.0.3.10 - - [02/Jun/2024:03:14:10 +0000] "POST /v1/hooks/deploy?token=${$(r.alnum(40))} HTTP/1.1" 204 0 "-" "curl/8.5.0"`, "token-in-url", "access log query string")
    .n(`10.0.3.11 - - [02/Jun/2024:03:14:11 +0000] "GET /assets/app.${r.hex(20)}.css HTTP/1.1" 200 3302 "-" "Mozilla/5.0"`, "content-hash")
    .n(`10.0.3.12 - - [02/Jun/2024:03:14:12 +0000] "GET /api/v1/orders/${r.uuid()} HTTP/1.1" 200 812 "-" "Mozilla/5.0"`, "uuid-id");

  {
    const bearer = T.jwt({ iss: "https://auth.acme.io/", sub: "auth0|" + r.hex(24), aud: ["https://api.acme.io", "https://acme.eu.auth0.com/userinfo"], iat: 1717298047, exp: 1717384447, scope: "openid profile email read:orders", azp: r.alnum(32) }, { alg: "RS256", kid: r.b64url(22) });
    F("har/checkout-session.har")
      .l("{", '  "log": {', '    "version": "1.2",', '    "creator": { "name": "Firefox", "version": "126.0" },', '    "entries": [', "      {", '        "request": {', '          "method": "POST",')
      .l(`          "url": "https://api.acme.io/v1/checkout/sessions",`, '          "headers": [')
      .s(`            { "name": "authorization", "value": "Bearer ${$(bearer)}" },`, "jwt", "HAR request header")
      .n(`            { "name": "x-request-id", "value": "${r.uuid()}" },`, "uuid-id")
      .l('            { "name": "accept", "value": "application/json" }', "          ]", "        },", '        "response": {', '          "status": 201,', '          "headers": [')
      .n(`            { "name": "etag", "value": "W/\\"${r.hex(27)}\\"" },`, "content-hash")
      .n(`            { "name": "x-amzn-trace-id", "value": "Root=1-${r.hex(8)}-${r.hex(24)}" }`, "trace-id")
      .l("          ]", "        }", "      }", "    ]", "  }", "}");
  }

  F("api/responses/github-app-user-token.json")
    .l("{")
    .s(`  "access_token": "${$(T.ghu())}",`, "github-user-to-server-token", "JSON API response")
    .l('  "expires_in": 28800,')
    .s(`  "refresh_token": "${$(T.ghr())}",`, "github-refresh-token", "JSON API response")
    .l('  "refresh_token_expires_in": 15811200,', '  "scope": "",')
    .n('  "token_type": "bearer"', "config-value")
    .l("}");

  F("api/responses/stripe-customer.json")
    .l("{")
    .n(`  "id": "${T.stripeId("cus", 14)}",`, "provider-id")
    .l('  "object": "customer",')
    .n(`  "default_payment_method": "${T.stripeId("pm")}",`, "provider-id")
    .n(`  "latest_charge": "${T.stripeId("ch")}",`, "provider-id")
    .n(`  "invoice_prefix": "${r.HEX(8)}",`, "config-value")
    .n(`  "fingerprint": "${r.alnum(16)}",`, "fixture-id")
    .l('  "livemode": true', "}");

  F("api/responses/slack-oauth-v2-access.json")
    .l("{", '  "ok": true,')
    .s(`  "access_token": "${$(T.xoxb())}",`, "slack-bot-token", "JSON API response")
    .l('  "token_type": "bot",', '  "scope": "commands,incoming-webhook",')
    .n(`  "bot_user_id": "U${r.upperNum(10)}",`, "provider-id")
    .n(`  "app_id": "A${r.upperNum(10)}",`, "provider-id")
    .l('  "team": {')
    .n(`    "id": "T${r.upperNum(8)}"`, "provider-id")
    .l("  },", '  "authed_user": {')
    .s(`    "refresh_token": "${$(T.xoxe())}"`, "slack-refresh-token", "JSON API response")
    .l("  },", '  "incoming_webhook": {')
    .s(`    "url": "${$(T.slackHook())}"`, "slack-webhook", "JSON API response")
    .l("  }", "}");

  F("api/openapi.yaml")
    .l("openapi: 3.1.0", "info:", "  title: Acme API", "  version: 2.3.0", "components:", "  securitySchemes:", "    ApiKeyAuth:", "      type: apiKey", "      in: header")
    .n("      name: X-API-Key", "field-name")
    .l("  schemas:", "    Credentials:", "      type: object", "      properties:")
    .n("        password:", "field-name")
    .l("          type: string")
    .n("          format: password", "field-name")
    .n("          minLength: 12", "config-value")
    .n('          example: "<password>"', "placeholder")
    .n("        apiKey:", "field-name")
    .n('          example: "acme_live_xxxxxxxxxxxxxxxxxxxxxxxx"', "placeholder");

  F("api/schemas/user.schema.json")
    .l("{", '  "$schema": "https://json-schema.org/draft/2020-12/schema",', '  "type": "object",', '  "properties": {')
    .n('    "password": { "type": "string", "minLength": 12, "writeOnly": true },', "field-name")
    .n('    "passwordHash": { "type": "string", "readOnly": true },', "identifier-name")
    .n('    "apiToken": { "type": "string", "pattern": "^acme_(live|test)_[A-Za-z0-9]{32}$" },', "regex")
    .l('    "email": { "type": "string", "format": "email" }', "  },")
    .n('  "required": ["email", "password"]', "field-name")
    .l("}");

  // ---------------------------------------------------------------- notebooks
  {
    const nbLine = (s) => "    " + JSON.stringify(s) + ",";
    const oai = T.oaiProj();
    const hf = T.hf();
    const png = "iVBORw0KGgoAAAANSUhEUgAA" + r.b64(600);
    F("notebooks/churn-analysis.ipynb")
      .l("{", ' "cells": [', "  {", '   "cell_type": "code",', '   "execution_count": 1,')
      .n(`   "id": "${r.hex(8)}",`, "fixture-id")
      .l('   "metadata": {},', '   "outputs": [],', '   "source": [')
      .l(nbLine("import os\n"), nbLine("import openai\n"))
      .s(nbLine(`os.environ["OPENAI_API_KEY"] = "${$(oai)}"\n`), "openai", "notebook code cell source string")
      .l('    "client = openai.OpenAI()"', "   ]", "  },", "  {", '   "cell_type": "code",', '   "execution_count": 2,', '   "metadata": {},', '   "outputs": [', "    {", '     "name": "stdout",', '     "output_type": "stream",', '     "text": [')
      .s(`      ${JSON.stringify(`logged in to the Hub as acme-ml (token ${$(hf)})\n`)}`, "huggingface", "notebook stdout output")
      .l("     ]", "    },", "    {", '     "data": {')
      .n(`      "image/png": "${png}",`, "data-uri-image")
      .l('      "text/plain": ["<Figure size 640x480 with 1 Axes>"]', "     },", '     "output_type": "display_data"', "    }", "   ],", '   "source": [')
      .n(nbLine('token = os.environ["HF_TOKEN"]\n'), "variable-reference")
      .l('    "huggingface_hub.login(token=token)"', "   ]", "  }", " ],", ' "metadata": { "kernelspec": { "name": "python3", "display_name": "Python 3" } },', ' "nbformat": 4,', ' "nbformat_minor": 5', "}");
    F("notebooks/geo-enrichment.ipynb")
      .l("{", ' "cells": [', "  {", '   "cell_type": "code",', '   "execution_count": 7,', '   "metadata": {},', '   "outputs": [],', '   "source": [', nbLine("import googlemaps\n"))
      .s(nbLine(`gmaps = googlemaps.Client(key="${$(T.aiza())}")\n`), "gcp-api-key", "notebook code cell source string")
      .n(nbLine("api_key = getpass.getpass('Maps API key: ')\n"), "code-mention")
      .l('    "geocode = gmaps.geocode(\\"1600 Amphitheatre Parkway\\")"', "   ]", "  }", " ],", ' "metadata": {},', ' "nbformat": 4,', ' "nbformat_minor": 5', "}");
  }

  // ================================================================ documentation
  {
    const docHook = J("https://hooks.", "slack.com/services/") + "T" + "0".repeat(8) + "/B" + "0".repeat(8) + "/" + "X".repeat(24);
    F("docs/integrations/slack.md")
      .l("# Slack integration", "", "1. Create an app and install it to the workspace.", "2. Copy the **Bot User OAuth Token** (it starts with `xoxb-`) into `SLACK_BOT_TOKEN`.", "")
      .n("```bash", "config-value")
      .n("export SLACK_BOT_TOKEN=xoxb-your-bot-token", "placeholder")
      .n(`curl -X POST -H 'Content-type: application/json' --data '{"text":"Hello"}' ${docHook}`, "doc-example")
      .l("```", "", "For local testing Ana used the socket-mode token below (rotate after the demo):", "")
      .s(`    SLACK_APP_TOKEN=${$(T.xapp())}`, "slack-app-token", "markdown doc accidentally containing a real token")
      .s(`    SLACK_ALERTS_WEBHOOK=${$(T.slackHook())}`, "slack-webhook", "markdown doc accidentally containing a real webhook");
  }

  F("docs/integrations/aws.md")
    .l("# AWS access", "", "Use SSO (`aws sso login --profile platform-admin`). Never create long-lived keys.", "", "The AWS docs show keys like these:", "")
    .n(`    aws_access_key_id = ${AWS_DOC_ID}`, "doc-example")
    .n(`    aws_secret_access_key = ${AWS_DOC_SECRET}`, "doc-example")
    .n(`Roles follow \`arn:aws:iam::123456789012:role/<name>\`.`, "doc-example")
    .l("", "Temporary credentials for the migration (expired, kept for the post-mortem):", "")
    .s(`    AWS_ACCESS_KEY_ID=${$(T.asia())}`, "aws-access-key-id", "markdown, temporary ASIA id")
    .s(`    AWS_SECRET_ACCESS_KEY=${$(T.awsSecret())}`, "aws-secret-access-key", "markdown")
    .s(`    AWS_SESSION_TOKEN=${$(T.awsSession())}`, "aws-session-token", "markdown");

  F("docs/security/password-policy.md")
    .l("# Password policy", "")
    .n("- A password must be at least 12 characters long.", "policy-text")
    .n("- Passwords must not reuse any of the last 5 passwords.", "policy-text")
    .n("- The password field is hashed with argon2id (m=64MiB, t=3, p=4); we never store the plain password.", "policy-text")
    .n("- API tokens expire after 90 days; set `token_ttl` to shorten this.", "policy-text")
    .n("- Secret keys are stored in Vault under `secret/data/<team>/<service>`.", "path")
    .n('- Do not use example passwords such as "correct horse battery staple" or "P@ssw0rd".', "doc-example");

  F("docs/adr/0007-token-format.md")
    .l("# ADR 0007: API token format", "", "Tokens are `acme_` + environment + `_` + 32 base62 characters, e.g.:", "")
    .n("    acme_live_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "placeholder")
    .n("Validation regex: `^acme_(live|test)_[0-9A-Za-z]{32}$`", "regex")
    .n("GitHub tokens we accept for the integration match `gh[pousr]_[A-Za-z0-9]{36}`.", "regex")
    .n(`In logs tokens are shown redacted, like \`${J("gh", "p_")}${"*".repeat(12)}\` or \`sk-…${r.alnum(4)}\`.`, "redacted")
    .n(`Revoked example (masked): AKIA****************`, "redacted")
    .n("The signing secret is rotated via `acme secrets rotate --name token-signing`.", "code-mention");

  F("docs/api/authentication.md")
    .l("# Authentication", "", "Send the token in the `Authorization` header:", "", "```http")
    .n("Authorization: Bearer <access_token>", "placeholder")
    .l("```", "", "```bash")
    .n('curl -H "Authorization: Bearer $ACME_TOKEN" https://api.acme.io/v1/me', "variable-reference")
    .n('curl -u "$ACME_API_KEY:" https://api.acme.io/v1/me', "variable-reference")
    .l("```", "", "A JWT looks like this (example from jwt.io):", "")
    .n(`    ${b64u(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64u(JSON.stringify({ sub: "1234567890", name: "John Doe", iat: 1516239022 }))}.${JWT_IO_SIG}`, "doc-example")
    .l("", "Quick check against production (works today):", "")
    .s(`    curl "https://api.acme.io/v1/me?access_token=${$(r.alnum(40))}"`, "token-in-url", "markdown URL query access_token");

  F("CONTRIBUTING.md")
    .l("# Contributing", "")
    .n("Copy `.env.sample` to `.env` and fill in `STRIPE_SECRET_KEY=sk_test_...` from the team vault.", "placeholder")
    .n("Never commit `.env`, `*.pem` or `credentials.json`; the pre-commit hook runs the secret scanner.", "code-mention")
    .n("Use `password: ${DB_PASSWORD}` in compose files, not literal values.", "variable-reference");

  F("SECURITY.md")
    .l("# Security policy", "", "Report vulnerabilities to security@acme.io, encrypted to our PGP key:", "")
    .n(`    ${Array.from({ length: 10 }, () => r.HEX(4)).join(" ")}`, "key-fingerprint")
    .n(`SSH host key fingerprint: SHA256:${r.b64(43)}`, "key-fingerprint");

  F("docs/zh/deploy.md")
    .l("# 部署说明", "")
    .n("1. 设置环境变量 `STRIPE_SECRET_KEY`（见 1Password 的“生产”保险库）。", "code-mention")
    .n("2. 密码至少 12 位，必须包含大小写字母和数字。", "policy-text")
    .s(`3. 临时使用的生产密钥：\`${$(T.skLive(99))}\` 🔥（用完请轮换）`, "stripe-secret-key", "markdown, CJK + emoji on the same line")
    .n(`4. 示例令牌：\`${J("gh", "p_")}${"x".repeat(36)}\``, "placeholder");

  F("docs/ja/setup.md")
    .l("# セットアップ", "")
    .s(`社内 GitLab のトークン（本番）：${$(T.glpat())} ← 期限は 2025/03 まで 🙏`, "gitlab-pat", "markdown, Japanese text around the token")
    .n("API キーは `acme config set api-key <あなたのキー>` で設定します。", "placeholder")
    .n("パスワードは12文字以上にしてください。", "policy-text");

  // ================================================================ integration configs (more providers)
  F("config/sentry.properties")
    .n("defaults.url=https://sentry.io/", "url-no-creds")
    .n("defaults.org=acme", "config-value")
    .l("defaults.project=android")
    .s(`auth.token=${$(T.sntrys())}`, "sentry-org-token", "sentry-cli properties");

  F("config/datadog/datadog.yaml")
    .s(`api_key: ${$(T.ddApi())}`, "datadog-api-key", "datadog agent config")
    .n("site: datadoghq.eu", "config-value")
    .l("logs_enabled: true")
    .n("hostname_file: /etc/hostname", "path");

  F("config/master.key", { finalNewline: false }).s($(T.railsMaster()), "rails-master-key", "Rails config/master.key (value only)");
  F("config/credentials.yml.enc", { finalNewline: false }).n(`${r.b64(420)}==--${r.b64(22)}==--${r.b64(22)}==`, "encrypted-blob");
  F("config/secrets.yml")
    .l("production:")
    .s(`  secret_key_base: ${$(T.railsSecretBase())}`, "rails-secret-key-base", "Rails secrets.yml")
    .l("development:")
    .n("  secret_key_base: <%= ENV['SECRET_KEY_BASE'] %>", "template-reference");

  F("symfony/.env.local")
    .s(`APP_SECRET=${$(r.hex(32))}`, "symfony-app-secret", "dotenv")
    .n("DATABASE_URL=\"postgresql://app:!ChangeMe!@127.0.0.1:5432/app?serverVersion=16&charset=utf8\"", "placeholder")
    .n("MESSENGER_TRANSPORT_DSN=doctrine://default?auto_setup=0", "config-value");

  F("web3/hardhat.config.js")
    .l('require("@nomicfoundation/hardhat-toolbox");', "", "module.exports = {", '  solidity: "0.8.24",', "  networks: {", "    sepolia: {", '      url: "https://rpc.sepolia.org",')
    .s(`      accounts: ["${$(T.ethKey())}"],`, "ethereum-private-key", "hardhat accounts array")
    .l("    },", "  },", "  etherscan: {")
    .n("    apiKey: process.env.ETHERSCAN_API_KEY,", "variable-reference")
    .l("  },", "};")
    .n(`// deployed at ${T.ethAddr()} (tx ${T.ethKey()})`, "blockchain-hash");

  {
    const words = "abandon ability able about above absent absorb abstract absurd abuse access accident account accuse achieve acid acoustic acquire across act action actor actress actual adapt add addict address adjust admit adult advance advice aerobic affair afford afraid again age agent agree ahead aim air airport aisle alarm album".split(" ");
    const mnemonic = Array.from({ length: 12 }, () => r.pick(words)).join(" ");
    F("web3/.env")
      .s(`MNEMONIC="${$(mnemonic)}"`, "bip39-mnemonic", "dotenv wallet seed phrase")
      .s(`ETHERSCAN_API_KEY=${$(T.etherscan())}`, "etherscan-api-key", "dotenv")
      .n(`DEPLOYER_ADDRESS=${T.ethAddr()}`, "blockchain-address")
      .n(`USDC_CONTRACT=${T.ethAddr()}`, "blockchain-address");
  }

  F("firebase/functions/.runtimeconfig.json")
    .l("{", '  "fcm": {')
    .s(`    "server_key": "${$(T.fcm())}"`, "firebase-cloud-messaging-key", "functions runtime config")
    .l("  },", '  "app": {')
    .n('    "region": "europe-west1"', "config-value")
    .l("  }", "}");

  F("config/cloudinary.yml")
    .s(`url: ${$(T.cloudinary())}`, "cloudinary-url", "yaml")
    .n("cloud_name: acme-media", "config-value")
    .n("secure: true", "config-value");

  F("config/integrations.yml")
    .l("integrations:", "  adafruit:")
    .s(`    key: ${$(T.adafruit())}`, "adafruit-io-key", "yaml")
    .l("  readme:")
    .s(`    api_key: ${$(T.readme())}`, "readme-api-key", "yaml")
    .l("  octopus:", "    server: https://deploy.acme.io")
    .s(`    api_key: ${$(T.octopus())}`, "octopus-deploy-api-key", "yaml")
    .l("  grafana:", "    url: https://grafana.acme.io")
    .s(`    api_key: ${$(T.grafanaLegacy())}`, "grafana-api-key", "yaml (legacy eyJrIjoi key)")
    .l("  intercom:")
    .s(`    access_token: ${$(T.intercom())}`, "intercom-access-token", "yaml")
    .l("  ghost:", "    url: https://blog.acme.io")
    .s(`    admin_api_key: ${$(T.ghost())}`, "ghost-admin-key", "yaml id:secret")
    .l("  duffel:")
    .s(`    token: ${$(T.duffel())}`, "duffel", "yaml")
    .l("  plaid:")
    .s(`    secret: ${$(T.plaidSecret())}`, "plaid-secret", "yaml")
    .l("  auth0:", "    domain: acme.eu.auth0.com")
    .n(`    client_id: ${r.alnum(32)}`, "public-identifier")
    .s(`    client_secret: ${$(T.auth0Secret())}`, "auth0-client-secret", "yaml")
    .l("  google_oauth:")
    .n(`    client_id: ${r.digits(12)}-${r.lowerNum(32)}.apps.googleusercontent.com`, "public-identifier")
    .s(`    client_secret: ${$(T.gocspx())}`, "google-oauth-client-secret", "yaml")
    .l("  functions:")
    .s(`    report_url: https://acme-reports.azurewebsites.net/api/build?code=${$(T.functionKey())}`, "azure-function-key", "URL query code=")
    .l("  analytics:")
    .n(`    measurement_id: G-${r.upperNum(10)}`, "public-identifier")
    .n(`    segment_write_key_secret_name: analytics/segment`, "identifier-name");

  {
    const key = T.aiza();
    F("config/webhooks.json")
      .l("{")
      .s(`  "deploys": "${$(T.gchatHook($(key)))}",`, "google-chat-webhook", "json webhook URL (key + token)")
      .s(`  "incidents": "${$(T.discordHook())}",`, "discord-webhook", "json")
      .n('  "example": "https://example.com/webhooks/incoming",', "url-no-creds")
      .n('  "local": "http://localhost:3000/webhooks"', "url-no-creds")
      .l("}");
  }

  F("insomnia/acme-export.yaml")
    .l("_type: export", "__export_format: 4", "resources:")
    .n("  - _id: env_" + r.hex(32), "fixture-id")
    .l("    _type: environment", "    name: production", "    data:")
    .n("      base_url: https://api.acme.io", "url-no-creds")
    .s(`      postman_api_key: ${$(T.postman())}`, "postman", "insomnia environment")
    .s(`      bearer: ${$(T.jwt({ sub: "svc-reporting", aud: "api.acme.io", scope: "reports:read", iat: 1717200000, exp: 1748736000 }))}`, "jwt", "insomnia environment")
    .n("      password: '{{ _.prod_password }}'", "template-reference");

  // ================================================================ hashes, lockfiles, checksums
  F(".git-blame-ignore-revs")
    .l("# Prettier 3 reformat")
    .n(r.hex(40), "git-sha")
    .l("# eslint --fix (no-unused-vars)")
    .n(r.hex(40), "git-sha")
    .l("# convert CRLF to LF")
    .n(r.hex(40), "git-sha");

  F("checksums/SHA256SUMS")
    .nblock(["linux_amd64.tar.gz", "linux_arm64.tar.gz", "darwin_arm64.tar.gz", "windows_amd64.zip"].map((x) => `${r.hex(64)}  acme-cli_1.4.2_${x}`), "checksum");
  F("checksums/acme-cli-1.4.2.tar.gz.sha512").n(`${r.hex(128)}  acme-cli-1.4.2.tar.gz`, "checksum");

  {
    const f = F("pnpm-lock.yaml").l("lockfileVersion: '9.0'", "", "packages:", "");
    for (const [name, ver] of [["react", "18.3.1"], ["zod", "3.23.8"], ["@stripe/stripe-js", "4.1.0"], ["jose", "5.6.3"], ["tokenizers", "0.13.3"]]) {
      f.l(`  ${name}@${ver}:`).n(`    resolution: {integrity: ${T.sri("sha512")}}`, "lockfile-integrity").l("");
    }
  }

  {
    const f = F("Pipfile.lock").l("{", '    "_meta": {', '        "hash": {').n(`            "sha256": "${r.hex(64)}"`, "lockfile-integrity").l("        }", "    },", '    "default": {');
    for (const name of ["requests", "cryptography", "python-jose"]) {
      f.l(`        "${name}": {`, '            "hashes": [')
        .n(`                "sha256:${r.hex(64)}",`, "lockfile-integrity")
        .n(`                "sha256:${r.hex(64)}"`, "lockfile-integrity")
        .l("            ],", `            "version": "==${r.int(1, 44)}.${r.int(0, 9)}.${r.int(0, 9)}"`, "        },");
    }
    f.l("    }", "}");
  }

  F("requirements.lock.txt")
    .l("certifi==2024.6.2 \\")
    .n(`    --hash=sha256:${r.hex(64)} \\`, "lockfile-integrity")
    .n(`    --hash=sha256:${r.hex(64)}`, "lockfile-integrity")
    .l("keyring==25.2.1 \\")
    .n(`    --hash=sha256:${r.hex(64)}`, "lockfile-integrity");

  F("composer.lock")
    .l("{")
    .n(`    "content-hash": "${r.hex(32)}",`, "lockfile-integrity")
    .l('    "packages": [', "        {", '            "name": "firebase/php-jwt",', '            "version": "v6.10.1",', '            "source": {', '                "type": "git",', '                "url": "https://github.com/firebase/php-jwt.git",')
    .n(`                "reference": "${r.hex(40)}"`, "git-sha")
    .l("            },", '            "dist": {')
    .n(`                "url": "https://api.github.com/repos/firebase/php-jwt/zipball/${r.hex(40)}",`, "git-sha")
    .n('                "shasum": ""', "empty")
    .l("            }", "        }", "    ]", "}");

  F("flake.lock")
    .l("{", '  "nodes": {', '    "nixpkgs": {', '      "locked": {', '        "lastModified": 1717179513,')
    .n(`        "narHash": "sha256-${r.b64(43)}=",`, "lockfile-integrity")
    .l('        "owner": "NixOS",', '        "repo": "nixpkgs",')
    .n(`        "rev": "${r.hex(40)}",`, "git-sha")
    .l('        "type": "github"', "      }", "    }", "  },", '  "version": 7', "}");

  F("gradle/verification-metadata.xml")
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<verification-metadata xmlns="https://schema.gradle.org/dependency-verification">', "   <components>", '      <component group="com.squareup.okhttp3" name="okhttp" version="4.12.0">', '         <artifact name="okhttp-4.12.0.jar">')
    .n(`            <sha256 value="${r.hex(64)}" origin="Generated by Gradle"/>`, "checksum")
    .l("         </artifact>", '         <artifact name="okhttp-4.12.0.module">')
    .n(`            <sha256 value="${r.hex(64)}" origin="Generated by Gradle"/>`, "checksum")
    .l("         </artifact>", "      </component>", "   </components>", "</verification-metadata>");

  F("maven/acme-core-2.1.0.jar.sha1", { finalNewline: false }).n(r.hex(40), "checksum");

  // ================================================================ front-end assets, i18n, misc code (negatives)
  F("web/src/styles/fonts.css")
    .l("@font-face {", '  font-family: "Inter";')
    .n(`  src: url(data:font/woff2;base64,${r.b64(900)}) format("woff2");`, "data-uri")
    .l("}")
    .n(`.icon-check { background-image: url("data:image/svg+xml;base64,${r.b64(240)}"); }`, "data-uri")
    .n(`.logo { background: url(/static/media/logo.${r.hex(8)}.png) no-repeat; }`, "content-hash")
    .n(`.avatar-fallback { background-image: url(data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${r.b64(300)}); }`, "data-uri-image");

  F("web/src/assets/sprite.svg")
    .l('<svg xmlns="http://www.w3.org/2000/svg" style="display:none">')
    .n(`  <symbol id="i-key" viewBox="0 0 24 24"><path d="${T.svgPath()}"/></symbol>`, "svg-path")
    .n(`  <symbol id="i-lock" viewBox="0 0 24 24"><path d="${T.svgPath()}"/></symbol>`, "svg-path")
    .n(`  <symbol id="i-token" viewBox="0 0 24 24"><path d="${T.svgPath()}"/></symbol>`, "svg-path")
    .n(`  <image href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${r.b64(200)}" width="16" height="16"/>`, "data-uri-image")
    .l("</svg>");

  {
    // i18n entries are [text, kind, key] triples (JSON-quoted at run time)
    const entry = ([v, , k], last) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}${last ? "" : ","}`;
    const es = [
      ["Contraseña", "i18n", "login.password"],
      ["La contraseña debe tener al menos 12 caracteres", "policy-text", "login.passwordHint"],
      ["Clave de API", "i18n", "settings.apiKey"],
      ["Tu clave de API empieza por acme_live_…", "i18n", "settings.apiKeyHelp"],
      ["Token revocado ✅", "i18n", "settings.tokenRevoked"],
    ];
    const f = F("web/src/i18n/es.json").l("{");
    es.forEach((e, i) => f.n(entry(e, i === es.length - 1), e[1]));
    f.l("}");
  }

  F("web/src/i18n/ja.json")
    .l("{")
    .n('  "login.password": "パスワード",', "i18n")
    .n('  "login.passwordHint": "パスワードは12文字以上で入力してください 🔒",', "policy-text")
    .n('  "settings.apiKey": "APIキー",', "i18n")
    .n('  "settings.secretKeyWarning": "シークレットキーは一度しか表示されません"', "i18n")
    .l("}");

  F("src/utils/validators.ts")
    .n("export const GITHUB_TOKEN_RE = /^gh[pousr]_[A-Za-z0-9]{36}$/;", "regex")
    .n("export const SLACK_WEBHOOK_RE = /^https:\\/\\/hooks\\.slack\\.com\\/services\\/T[A-Z0-9]+\\/B[A-Z0-9]+\\/[A-Za-z0-9]{24}$/;", "regex")
    .n("export function isStrongPassword(password: string): boolean { return password.length >= 12 && /[A-Z]/.test(password); }", "code-mention")
    .n("export const passwordHash = (pw: string) => argon2.hash(pw, { type: argon2.argon2id });", "identifier-name")
    .n('export const redact = (t: string) => t.slice(0, 4) + "*".repeat(Math.max(0, t.length - 4));', "code-mention")
    .n("export type TokenizerOptions = { secretName?: string; tokenLimit: number };", "identifier-name");

  F("test/fixtures/random-ids.json")
    .l("{")
    .n(`  "orderIds": ["${r.chars(ALNUM + "_-", 21)}", "${r.chars(ALNUM + "_-", 21)}"],`, "fixture-id")
    .n(`  "requestId": "${r.hex(32)}",`, "fixture-id")
    .n(`  "sessionFixture": "${r.uuid()}",`, "uuid-id")
    .n(`  "idempotencyKey": "${r.uuid()}",`, "uuid-id")
    .n(`  "seed": "${r.hex(16)}"`, "fixture-id")
    .l("}");

  F("test/e2e/login.spec.ts")
    .l('import { test, expect } from "@playwright/test";', "", 'test("login", async ({ page }) => {', '  await page.goto("/login");', '  await page.fill("#email", "e2e@acme.io");')
    .n('  await page.fill("#password", process.env.E2E_PASSWORD!);', "variable-reference")
    .n('  await page.fill("#password-confirm", "correct horse battery staple");', "doc-example")
    .l('  await page.click("button[type=submit]");', '  await expect(page).toHaveURL("/dashboard");', "});");

  F("src/constants/auth.ts")
    .n('export const PASSWORD_RESET_PATH = "/account/password/reset";', "path")
    .n('export const TOKEN_STORAGE_KEY = "acme.auth.token";', "identifier-name")
    .n('export const SECRET_HEADER = "X-Acme-Signature";', "identifier-name")
    .n("export const API_KEY_LENGTH = 32;", "config-value")
    .n('export const DEFAULT_PASSWORD_PLACEHOLDER = "••••••••";', "masked");

  F("src/config/defaults.py")
    .n('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', "variable-reference")
    .n('DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": os.getenv("DB_PASSWORD")}}', "variable-reference")
    .n("app.secret_key = os.urandom(32)", "code-mention")
    .n('AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]', "identifier-name")
    .n('API_TOKEN = None  # set via env ACME_API_TOKEN', "empty")
    .n('LOGGING_FORMAT = "%(asctime)s %(levelname)s %(message)s"', "template-reference");

  F("deploy/k8s/configmap-ca.yaml")
    .l("apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: acme-ca", "data:", "  ca.crt: |")
    .nblock(T.cert().lines.map((x) => "    " + x), "certificate");

  // ---------------------------------------------------------------- assemble
  if (pending.length) throw new Error("registered secret values left without a positive line");
  const corpus = { seed, files: [], positives: [], negatives: [] };
  const values = [];
  const seen = new Set();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`duplicate path ${f.path}`);
    seen.add(f.path);
    corpus.files.push({ path: f.path, text: f.text() });
    for (const p of f.pos) {
      corpus.positives.push({ path: f.path, ...p.label });
      values.push(p.values);
    }
    for (const n of f.neg) corpus.negatives.push({ path: f.path, ...n });
  }
  return { corpus, values };
}

export function writeCorpus(dir, corpus) {
  for (const f of corpus.files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir || dir.startsWith("--")) {
    console.error("usage: node generate.mjs OUTDIR [--seed N]");
    process.exit(2);
  }
  const i = process.argv.indexOf("--seed");
  const corpus = generateIndependentCorpus(i > 0 ? { seed: Number(process.argv[i + 1]) } : {});
  writeCorpus(dir, corpus);
  writeFileSync(join(dir, "labels.json"), JSON.stringify({ positives: corpus.positives, negatives: corpus.negatives }, null, 1));
  console.log(`${corpus.files.length} files, ${corpus.positives.length} labelled secrets, ${corpus.negatives.length} hard negatives (seed ${corpus.seed})`);
}
