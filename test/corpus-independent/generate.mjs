// Independent accuracy corpus for scan-secrets, written the way an outside evaluator builds one:
// token shapes come from provider docs and public detector test cases (gitleaks rules, trufflehog,
// secretlint), NOT from patterns/*.json. Files imitate how real repositories leak (and almost leak)
// secrets. Every secret is generated at run time from a seeded PRNG, so this file holds no literal
// that looks live (the repository scans itself on every commit).
//
//   node test/corpus-independent/generate.mjs OUTDIR   writes the corpus + labels.json into OUTDIR
//
// Labels: every positive has file + line (+ endLine for multi-line blocks), provider and context.
// Hard negatives are labelled too (file + line + kind) so false alarms can be grouped by cause.
// Any finding on an unlabelled line is also a false alarm ("unlabelled").
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_SEED = 0x5ec2e75;

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UP = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LO = "abcdefghijklmnopqrstuvwxyz";
const DI = "0123456789";

function makeGen(seed) {
  const rnd = mulberry32(seed);
  const from = (cs, n) => {
    let s = "";
    for (let i = 0; i < n; i++) s += cs[Math.floor(rnd() * cs.length)];
    return s;
  };
  const g = {
    rnd,
    from,
    pick: (arr) => arr[Math.floor(rnd() * arr.length)],
    alnum: (n) => from(UP + LO + DI, n),
    lower: (n) => from(LO + DI, n),
    letters: (n) => from(UP + LO, n),
    upper: (n) => from(UP + DI, n),
    hex: (n) => from("0123456789abcdef", n),
    HEX: (n) => from("0123456789ABCDEF", n),
    digits: (n) => from("123456789", 1) + from(DI, n - 1),
    b64: (n) => from(UP + LO + DI + "+/", n),
    b64url: (n) => from(UP + LO + DI + "-_", n),
    b32: (n) => from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n),
    bech32: (n) => from("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", n),
    uuid: () => [g.hex(8), g.hex(4), "4" + g.hex(3), g.pick(["8", "9", "a", "b"]) + g.hex(3), g.hex(12)].join("-"),
    // strong random password with punctuation (safe for .env / YAML when quoted)
    pw: (n = 18) => {
      let s = from(UP + LO + DI + "!#%*-_+", n);
      return s.slice(0, n - 3) + from(UP, 1) + from(DI, 1) + from("!#%", 1);
    },
    // URL-safe password (connection strings)
    upw: (n = 20) => from(UP + LO + DI, n - 2) + from(DI, 1) + from(UP, 1),
    // human-style password: Word#2024word
    human: () =>
      g.pick(["Falcon", "Harbor", "Maple", "Orbit", "Cobalt", "Juniper", "Tundra", "Vortex"]) +
      g.pick(["#", "!", "@", "$"]) +
      String(2019 + Math.floor(rnd() * 7)) +
      g.pick(["prod", "Sales", "blue", "Ops", "river"]),
  };
  return g;
}

const b64 = (s) => Buffer.from(s).toString("base64");
const b64u = (s) => Buffer.from(s).toString("base64url");
const OAI = "T3Blbk" + "FJ"; // OpenAI key marker ("OpenAI" in base64)
const PEM = (label) => ["-----BEGIN " + label + "-----", "-----END " + label + "-----"];

/** Token shapes, per public provider docs / detector test cases. */
function tokens(g) {
  const jwt = (payload, alg = "HS256") =>
    b64u(JSON.stringify({ alg, typ: "JWT" })) + "." + b64u(JSON.stringify(payload)) + "." + (alg === "RS256" ? g.b64url(342) : g.b64url(43));
  const pemBody = (prefix, lines, width = 64) => {
    const body = prefix + g.b64(lines * width - prefix.length);
    const out = [];
    for (let i = 0; i < body.length; i += width) out.push(body.slice(i, i + width));
    out.push(g.b64(Math.floor(width / 3)) + "==");
    return out;
  };
  return {
    jwt,
    pemBody,
    awsId: () => "AKIA" + g.b32(16),
    awsTmpId: () => "ASIA" + g.b32(16),
    awsSecret: () => g.b64(40),
    awsSession: () => "IQoJb3JpZ2luX2Vj" + g.b64(340) + "==",
    ghp: () => "ghp_" + g.alnum(36),
    gho: () => "gho_" + g.alnum(36),
    ghs: () => "ghs_" + g.alnum(36),
    ghFine: () => "github_pat_11" + g.upper(20) + "_" + g.alnum(59),
    glpat: () => "glpat-" + g.b64url(20),
    glrt: () => "glrt-" + g.b64url(20),
    gldt: () => "gldt-" + g.b64url(20),
    xoxb: () => `xoxb-${g.digits(12)}-${g.digits(13)}-${g.alnum(24)}`,
    xoxp: () => `xoxp-${g.digits(12)}-${g.digits(12)}-${g.digits(13)}-${g.hex(32)}`,
    xapp: () => `xapp-1-A${g.upper(10)}-${g.digits(13)}-${g.hex(64)}`,
    slackHook: () => `https://hooks.slack.com/services/T${g.upper(8)}/B${g.upper(10)}/${g.alnum(24)}`,
    skLive: (n = 99) => "sk_live_" + g.alnum(n),
    rkLive: () => "rk_live_" + g.alnum(99),
    whsec: () => "whsec_" + g.alnum(32),
    pkLive: () => "pk_live_" + g.alnum(99),
    oaiProj: () => "sk-proj-" + g.b64url(74) + OAI + g.b64url(74),
    oaiSvc: () => "sk-svcacct-" + g.b64url(74) + OAI + g.b64url(74),
    oaiLegacy: () => "sk-" + g.alnum(20) + OAI + g.alnum(20),
    ant: () => "sk-ant-api03-" + g.b64url(93) + "AA",
    antAdmin: () => "sk-ant-admin01-" + g.b64url(93) + "AA",
    hf: () => "hf_" + g.letters(34),
    hfOrg: () => "api_org_" + g.letters(34),
    groq: () => "gsk_" + g.alnum(52),
    replicate: () => "r8_" + g.alnum(37),
    pplx: () => "pplx-" + g.alnum(48),
    xai: () => "xai-" + g.alnum(80),
    langsmith: () => "lsv2_pt_" + g.hex(32) + "_" + g.hex(10),
    cohere: () => g.alnum(40),
    mistral: () => g.alnum(32),
    pinecone: () => "pcsk_" + g.alnum(5) + "_" + g.alnum(60),
    gapi: () => "AIza" + g.b64url(35),
    gocspx: () => "GOCSPX-" + g.b64url(28),
    ya29: () => "ya29.a0" + g.b64url(160),
    gRefresh: () => "1//0" + g.b64url(99),
    sendgrid: () => "SG." + g.b64url(22) + "." + g.b64url(43),
    twilioSK: () => "SK" + g.hex(32),
    twilioAC: () => "AC" + g.hex(32),
    mailgun: () => "key-" + g.hex(32),
    mailchimp: () => g.hex(32) + "-us" + (1 + Math.floor(g.rnd() * 20)),
    telegram: () => g.digits(10) + ":AA" + g.b64url(33),
    discordHook: () => `https://discord.com/api/webhooks/${g.digits(18)}/${g.b64url(68)}`,
    discordBot: () => g.b64url(24) + "." + g.b64url(6) + "." + g.b64url(38),
    teamsHook: () => `https://acmecorp.webhook.office.com/webhookb2/${g.uuid()}@${g.uuid()}/IncomingWebhook/${g.hex(32)}/${g.uuid()}`,
    sendinblue: () => "xkeysib-" + g.hex(64) + "-" + g.alnum(16),
    npm: () => "npm_" + g.alnum(36),
    pypi: () => "pypi-AgEIcHlwaS5vcmc" + g.b64url(160),
    rubygems: () => "rubygems_" + g.hex(48),
    nuget: () => "oy2" + g.lower(43),
    dockerPat: () => "dckr_pat_" + g.b64url(27),
    crates: () => "cio" + g.alnum(32),
    clojars: () => "CLOJARS_" + g.hex(60),
    jfrog: () => "AKCp8" + g.alnum(68),
    shpat: () => "shpat_" + g.hex(32),
    shpss: () => "shpss_" + g.hex(32),
    sqAtp: () => "sq0atp-" + g.b64url(22),
    sqCsp: () => "sq0csp-" + g.b64url(43),
    sqEAAA: () => "EAAA" + g.b64url(60),
    braintree: () => `access_token$production$${g.lower(16)}$${g.hex(32)}`,
    paypalSecret: () => "E" + g.b64url(79),
    flutterwave: () => "FLWSECK-" + g.hex(32) + "-X",
    razorSecret: () => g.alnum(24),
    easypost: () => "EZAK" + g.hex(54),
    shippo: () => "shippo_live_" + g.hex(40),
    databricks: () => "dapi" + g.hex(32),
    doPat: () => "dop_v1_" + g.hex(64),
    doppler: () => "dp.st.prd." + g.alnum(43),
    hvs: () => "hvs.CAESI" + g.b64url(86),
    tfc: () => g.alnum(14) + ".atlasv1." + g.b64url(67),
    vercel: () => g.alnum(24),
    sbp: () => "sbp_" + g.hex(40),
    pscalePw: () => "pscale_pw_" + g.b64url(43),
    pscaleTkn: () => "pscale_tkn_" + g.b64url(43),
    fly: () => "fo1_" + g.b64url(43),
    alibabaId: () => "LTAI" + g.alnum(20),
    alibabaSecret: () => g.alnum(30),
    pulumi: () => "pul-" + g.hex(40),
    herokuNew: () => "HRKU-AA" + g.b64url(58),
    cloudflare: () => g.b64url(40),
    cfOriginCa: () => "v1.0-" + g.hex(24) + "-" + g.hex(146),
    linear: () => "lin_api_" + g.alnum(40),
    postman: () => "PMAK-" + g.hex(24) + "-" + g.hex(34),
    figma: () => "figd_" + g.b64url(40),
    notion: () => "ntn_" + g.digits(11) + g.alnum(35),
    airtable: () => "pat" + g.alnum(14) + "." + g.hex(64),
    sourcegraph: () => "sgp_" + g.hex(16) + "_" + g.hex(40),
    sonar: () => "squ_" + g.hex(40),
    buildkite: () => "bkua_" + g.hex(40),
    contentful: () => "CFPAT-" + g.b64url(43),
    harness: () => "pat." + g.b64url(22) + "." + g.hex(24) + "." + g.alnum(20),
    okta: () => "00" + g.b64url(40),
    atlassian: () => "ATATT3xFfGF0" + g.b64url(170) + "=" + g.HEX(8),
    bitbucket: () => "ATBB" + g.alnum(32) + g.HEX(8),
    ageKey: () => "AGE-SECRET-KEY-1" + g.bech32(58),
    ddApi: () => g.hex(32),
    ddApp: () => g.hex(40),
    nrak: () => "NRAK-" + g.upper(27),
    nrLicense: () => g.hex(36) + "NRAL",
    sntryu: () => "sntryu_" + g.hex(64),
    glsa: () => "glsa_" + g.alnum(32) + "_" + g.hex(8),
    glc: () => "glc_" + b64(JSON.stringify({ o: g.digits(6), n: "stack-" + g.digits(6) + "-hm-write", k: g.alnum(24), m: { r: "prod-us-east-0" } })),
    dt: () => "dt0c01." + g.upper(24) + "." + g.upper(64),
    azStorageKey: () => g.b64(86) + "==",
    azSbKey: () => g.b64(43) + "=",
    azAdSecret: () => g.from(UP + LO + DI, 3) + g.from(DI, 1) + "Q~" + g.from(UP + LO + DI + "_~.-", 34),
    azSig: () => encodeURIComponent(g.b64(43) + "="),
    azDevops: () => g.from("abcdefghijklmnopqrstuvwxyz234567", 52),
    // providers with no rule in patterns/ (an outside evaluator includes a few of these)
    mapboxSk: () => "sk." + b64u(JSON.stringify({ u: "acme-maps", a: g.lower(25) })) + "." + g.b64url(22),
    mapboxPk: () => "pk." + b64u(JSON.stringify({ u: "acme-maps", a: g.lower(25) })) + "." + g.b64url(22),
    fbToken: () => "EAAG" + g.alnum(180),
    twBearer: () => "A".repeat(22) + g.alnum(40) + "%2F" + g.alnum(20) + "%3D" + g.alnum(46),
    hubspot: () => "pat-na1-" + g.uuid(),
    ldSdk: () => "sdk-" + g.uuid(),
    algolia: () => g.hex(32),
    dropbox: () => "sl.B" + g.b64url(138),
    asana: () => "2/" + g.digits(16) + "/" + g.digits(16) + ":" + g.hex(32),
    render: () => "rnd_" + g.alnum(32),
    netlify: () => "nfp_" + g.alnum(36),
    typeform: () => "tfp_" + g.b64url(44) + "_" + g.alnum(14),
    onepassword: () => "ops_" + b64u(JSON.stringify({ signInAddress: "acme.1password.com", userAuth: { method: "SRPg-4096", alg: "PBES2g-HS256", iterations: 650000, salt: g.b64url(22) }, email: g.lower(12) + "@1passwordserviceaccounts.com", srpX: g.hex(64), muk: { alg: "A256GCM", ext: true, k: g.b64url(43), key_ops: ["encrypt", "decrypt"], kty: "oct", kid: "mp" }, secretKey: "A3-" + g.upper(6) + "-" + g.upper(6), deviceUuid: g.lower(26) })),
  };
}

class FileBuilder {
  constructor(path) {
    this.path = path;
    this.lines = [];
    this.pos = [];
    this.neg = [];
  }
  /** unlabelled lines */
  l(...texts) {
    for (const t of texts) this.lines.push(t);
    return this;
  }
  /** one labelled secret line */
  s(text, provider, context) {
    this.lines.push(text);
    this.pos.push({ line: this.lines.length, endLine: this.lines.length, provider, context });
    return this;
  }
  /** a labelled multi-line secret (PEM block) */
  block(lines, provider, context) {
    const start = this.lines.length + 1;
    this.lines.push(...lines);
    this.pos.push({ line: start, endLine: this.lines.length, provider, context });
    return this;
  }
  /** one labelled hard-negative line */
  n(text, kind) {
    this.lines.push(text);
    this.neg.push({ line: this.lines.length, kind });
    return this;
  }
  nblock(lines, kind) {
    for (const t of lines) this.n(t, kind);
    return this;
  }
}

/** @returns {{files: {path: string, text: string}[], positives: object[], negatives: object[], seed: number}} */
export function generateIndependentCorpus({ seed = DEFAULT_SEED } = {}) {
  const g = makeGen(seed);
  const T = tokens(g);
  const files = [];
  const F = (path) => {
    const f = new FileBuilder(path);
    files.push(f);
    return f;
  };

  // ---------------------------------------------------------------- .env files
  F("services/api/.env")
    .l("# api service -- local overrides, DO NOT COMMIT", "NODE_ENV=production", "PORT=8080", "LOG_LEVEL=info")
    .s(`AWS_ACCESS_KEY_ID=${T.awsId()}`, "aws", "dotenv")
    .s(`AWS_SECRET_ACCESS_KEY=${T.awsSecret()}`, "aws-secret", "dotenv")
    .l("AWS_REGION=eu-west-1")
    .s(`DATABASE_URL=postgres://api_user:${g.upw(22)}@db.internal.acme.io:5432/api?sslmode=require`, "postgres-url", "dotenv connection string")
    .s(`REDIS_URL=redis://:${g.upw(24)}@cache.internal.acme.io:6379/0`, "redis-url", "dotenv redis url without user")
    .s(`STRIPE_SECRET_KEY=${T.skLive()}`, "stripe", "dotenv")
    .s(`SENDGRID_API_KEY=${T.sendgrid()}`, "sendgrid", "dotenv")
    .s(`SLACK_BOT_TOKEN=${T.xoxb()}`, "slack-bot", "dotenv")
    .s(`JWT_SECRET=${g.hex(64)}`, "generic-hex-secret", "dotenv generic")
    .s(`SESSION_SECRET="${g.pw(32)}"`, "generic-password", "dotenv quoted generic")
    .s(`OPENAI_API_KEY=${T.oaiProj()}`, "openai", "dotenv")
    .s(`DB_PASSWORD=${g.human()}`, "human-password", "dotenv human password")
    .n("FEATURE_FLAGS=checkout_v2,search_v3", "config-value")
    .n(`BUILD_SHA=${g.hex(40)}`, "git-sha")
    .n(`REQUEST_ID_NAMESPACE=${g.uuid()}`, "uuid");

  F("services/api/.env.example")
    .l("# copy to .env and fill in")
    .n("AWS_ACCESS_KEY_ID=", "empty")
    .n("AWS_SECRET_ACCESS_KEY=<your-secret-access-key>", "placeholder")
    .n("DATABASE_URL=postgres://user:password@localhost:5432/api", "placeholder-url")
    .n("REDIS_URL=redis://localhost:6379/0", "url-no-creds")
    .n("STRIPE_SECRET_KEY=sk_live_" + "x".repeat(24), "placeholder-xxx")
    .n("SENDGRID_API_KEY=SG.your-api-key", "placeholder")
    .n("SLACK_BOT_TOKEN=xoxb-your-bot-token", "placeholder")
    .n("JWT_SECRET=changeme", "placeholder-changeme")
    .n("SESSION_SECRET=${SESSION_SECRET}", "variable-reference")
    .n("OPENAI_API_KEY=sk-...", "placeholder")
    .n("DB_PASSWORD=<YOUR_DB_PASSWORD>", "placeholder")
    .n("GITHUB_TOKEN=ghp_" + "x".repeat(36), "placeholder-xxx")
    .n("ANTHROPIC_API_KEY=your_anthropic_api_key_here", "placeholder")
    .n("API_KEY=REPLACE_ME", "placeholder");

  F("services/billing/.env.production")
    .s(`SQUARE_ACCESS_TOKEN=${T.sqEAAA()}`, "square", "dotenv")
    .s(`SQUARE_APPLICATION_SECRET=${T.sqCsp()}`, "square-oauth", "dotenv")
    .s(`SHOPIFY_ADMIN_ACCESS_TOKEN=${T.shpat()}`, "shopify", "dotenv")
    .s(`SHOPIFY_API_SECRET=${T.shpss()}`, "shopify-secret", "dotenv")
    .s(`BRAINTREE_ACCESS_TOKEN=${T.braintree()}`, "braintree", "dotenv")
    .l("PAYPAL_CLIENT_ID=A" + g.b64url(79).replace(/^./, "Z"))
    .s(`PAYPAL_CLIENT_SECRET=${T.paypalSecret()}`, "paypal", "dotenv")
    .s(`FLW_SECRET_KEY=${T.flutterwave()}`, "flutterwave", "dotenv")
    .n(`RAZORPAY_KEY_ID=rzp_live_${g.alnum(14)}`, "public-key-id")
    .s(`RAZORPAY_KEY_SECRET=${T.razorSecret()}`, "razorpay", "dotenv")
    .s(`EASYPOST_API_KEY=${T.easypost()}`, "easypost", "dotenv")
    .s(`SHIPPO_API_TOKEN=${T.shippo()}`, "shippo", "dotenv")
    .n(`STRIPE_PUBLISHABLE_KEY=${T.pkLive()}`, "publishable-key");

  F("services/notify/.env")
    .l("TWILIO_ACCOUNT_SID=" + T.twilioAC())
    .s(`TWILIO_API_KEY=${T.twilioSK()}`, "twilio-sk", "dotenv")
    .s(`TWILIO_AUTH_TOKEN=${g.hex(32)}`, "twilio-auth", "dotenv")
    .s(`MAILGUN_API_KEY=${T.mailgun()}`, "mailgun", "dotenv")
    .s(`MAILCHIMP_API_KEY=${T.mailchimp()}`, "mailchimp", "dotenv")
    .s(`TELEGRAM_BOT_TOKEN=${T.telegram()}`, "telegram", "dotenv")
    .s(`DISCORD_WEBHOOK_URL=${T.discordHook()}`, "discord-webhook", "dotenv")
    .s(`DISCORD_BOT_TOKEN=${T.discordBot()}`, "discord-bot", "dotenv")
    .s(`TEAMS_WEBHOOK_URL=${T.teamsHook()}`, "teams-webhook", "dotenv")
    .s(`POSTMARK_SERVER_TOKEN=${g.uuid()}`, "postmark", "dotenv")
    .s(`BREVO_API_KEY=${T.sendinblue()}`, "sendinblue (no rule)", "dotenv")
    .s(`SMTP_URL=smtp://postmaster%40mg.acme.io:${g.upw(20)}@smtp.mailgun.org:587`, "smtp-url", "dotenv url creds");

  F("services/ml/.env")
    .s(`ANTHROPIC_API_KEY=${T.ant()}`, "anthropic", "dotenv")
    .s(`ANTHROPIC_ADMIN_KEY=${T.antAdmin()}`, "anthropic-admin", "dotenv")
    .s(`HUGGINGFACE_ORG_TOKEN=${T.hfOrg()}`, "huggingface-org", "dotenv")
    .s(`REPLICATE_API_TOKEN=${T.replicate()}`, "replicate", "dotenv")
    .s(`PERPLEXITY_API_KEY=${T.pplx()}`, "perplexity", "dotenv")
    .s(`XAI_API_KEY=${T.xai()}`, "xai", "dotenv")
    .s(`LANGSMITH_API_KEY=${T.langsmith()}`, "langsmith", "dotenv")
    .s(`COHERE_API_KEY=${T.cohere()}`, "cohere", "dotenv")
    .s(`MISTRAL_API_KEY=${T.mistral()}`, "mistral (no rule)", "dotenv")
    .s(`PINECONE_API_KEY=${T.pinecone()}`, "pinecone (no rule)", "dotenv")
    .s(`OPENAI_API_KEY=${T.oaiSvc()}`, "openai-svcacct", "dotenv")
    .n("OPENAI_BASE_URL=https://api.openai.com/v1", "url-no-creds")
    .n("HF_HOME=/mnt/models/.cache/huggingface", "path");

  F("web/.env.local")
    .l("NEXT_PUBLIC_SUPABASE_URL=https://" + g.lower(20) + ".supabase.co")
    .s(`SUPABASE_SERVICE_ROLE_KEY=${T.jwt({ iss: "supabase", ref: g.lower(20), role: "service_role", iat: 1700000000, exp: 2015576000 })}`, "jwt-supabase-service", "dotenv jwt")
    .s(`NEXTAUTH_SECRET=${b64(g.alnum(32))}`, "generic-base64-secret", "dotenv generic")
    .n(`GOOGLE_CLIENT_ID=${g.digits(12)}-${g.lower(32)}.apps.googleusercontent.com`, "public-client-id")
    .s(`GOOGLE_CLIENT_SECRET=${T.gocspx()}`, "gcp-oauth-secret", "dotenv")
    .n("NEXTAUTH_URL=http://localhost:3000", "url-no-creds")
    .n(`NEXT_PUBLIC_MAPBOX_TOKEN=${T.mapboxPk()}`, "public-token");

  F("platform/.envrc")
    .l("# direnv -- platform team", "use flake")
    .s(`export DIGITALOCEAN_TOKEN=${T.doPat()}`, "digitalocean", "shell export")
    .s(`export VAULT_TOKEN=${T.hvs()}`, "vault", "shell export")
    .s(`export TF_TOKEN_app_terraform_io=${T.tfc()}`, "terraform-cloud", "shell export")
    .s(`export FLY_API_TOKEN=${T.fly()}`, "flyio", "shell export")
    .s(`export DOPPLER_TOKEN=${T.doppler()}`, "doppler", "shell export")
    .s(`export PULUMI_ACCESS_TOKEN=${T.pulumi()}`, "pulumi", "shell export")
    .s(`export CLOUDFLARE_API_TOKEN=${T.cloudflare()}`, "cloudflare", "shell export")
    .s(`export HEROKU_API_KEY=${T.herokuNew()}`, "heroku", "shell export")
    .s(`export DATABRICKS_TOKEN=${T.databricks()}`, "databricks", "shell export")
    .s(`export VERCEL_TOKEN=${T.vercel()}`, "vercel (24-char classic)", "shell export")
    .s(`export SUPABASE_ACCESS_TOKEN=${T.sbp()}`, "supabase", "shell export")
    .s(`export PLANETSCALE_SERVICE_TOKEN=${T.pscaleTkn()}`, "planetscale", "shell export")
    .s(`export ALIBABA_CLOUD_ACCESS_KEY_ID=${T.alibabaId()}`, "alibaba", "shell export")
    .s(`export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${T.alibabaSecret()}`, "alibaba-secret", "shell export")
    .s(`export AZURE_DEVOPS_EXT_PAT=${T.azDevops()}`, "azure-devops", "shell export")
    .s(`export RENDER_API_KEY=${T.render()}`, "render (no rule)", "shell export")
    .s(`export NETLIFY_AUTH_TOKEN=${T.netlify()}`, "netlify (no rule)", "shell export")
    .s(`export OP_SERVICE_ACCOUNT_TOKEN=${T.onepassword()}`, "1password (no rule)", "shell export")
    .n("export KUBECONFIG=$HOME/.kube/platform.yaml", "path")
    .n('export VAULT_ADDR="https://vault.internal.acme.io:8200"', "url-no-creds")
    .n("export AWS_PROFILE=platform-admin", "config-value");

  // ---------------------------------------------------------------- compose / k8s / helm
  F("deploy/docker-compose.yml")
    .l("version: '3.9'", "services:", "  db:")
    .n(`    image: postgres:16@sha256:${g.hex(64)}`, "image-digest")
    .l("    environment:", "      POSTGRES_USER: app")
    .s(`      POSTGRES_PASSWORD: ${g.upw(20)}`, "generic-password", "compose env")
    .l("  mysql:", "    image: mysql:8.0", "    environment:")
    .n("      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD}", "variable-reference")
    .n('      test: ["CMD", "mysqladmin", "ping", "-p$$MYSQL_ROOT_PASSWORD"]', "variable-reference")
    .l("  rabbit:", "    image: rabbitmq:3-management", "    environment:")
    .s(`      RABBITMQ_DEFAULT_PASS: "${g.pw(20)}"`, "generic-password", "compose env quoted")
    .l("  grafana:", "    environment:")
    .n("      GF_SECURITY_ADMIN_PASSWORD: admin", "default-credential")
    .l("  worker:", "    environment:")
    .s(`      - AMQP_URL=amqp://worker:${g.upw(18)}@rabbit:5672/jobs`, "amqp-url", "compose list env")
    .n("      - DB_PASSWORD_FILE=/run/secrets/db_password", "path")
    .l("secrets:", "  db_password:")
    .n("    file: ./secrets/db_password.txt", "path");

  const k8sPw = g.pw(20);
  F("k8s/prod/app-secret.yaml")
    .l("apiVersion: v1", "kind: Secret", "metadata:", "  name: app-secrets", "  namespace: prod", "type: Opaque", "data:")
    .s(`  DB_PASSWORD: ${b64(k8sPw)}`, "k8s-base64-password", "kubernetes secret data (base64)")
    .s(`  GITHUB_TOKEN: ${b64(T.ghp())}`, "k8s-base64-github", "kubernetes secret data (base64)")
    .s(`  STRIPE_KEY: ${b64(T.skLive())}`, "k8s-base64-stripe", "kubernetes secret data (base64)")
    .l("stringData:")
    .s(`  SENTRY_AUTH_TOKEN: ${T.sntryu()}`, "sentry-user", "kubernetes stringData")
    .s(`  API_SIGNING_KEY: "${g.b64(44)}"`, "generic-base64-secret", "kubernetes stringData");

  F("k8s/prod/tls-secret.yaml")
    .l("apiVersion: v1", "kind: Secret", "metadata:", "  name: ingress-tls", "type: kubernetes.io/tls", "data:")
    .n(`  tls.crt: ${b64(PEM("CERTIFICATE")[0] + "\nMIIF" + g.b64(600))}`, "base64-certificate")
    .s(`  tls.key: ${b64(PEM("RSA PRIVATE KEY")[0] + "\nMIIEpAIBAAKCAQEA" + g.b64(600))}`, "k8s-base64-private-key", "kubernetes secret data (base64 PEM)");

  F("k8s/prod/sealed-secret.yaml")
    .l("apiVersion: bitnami.com/v1alpha1", "kind: SealedSecret", "metadata:", "  name: app-secrets", "spec:", "  encryptedData:")
    .n(`    DB_PASSWORD: AgB${g.b64(420)}`, "encrypted-blob")
    .n(`    API_TOKEN: AgC${g.b64(420)}`, "encrypted-blob");

  F("k8s/base/configmap.yaml")
    .l("apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: app-config", "data:")
    .n("  DB_HOST: postgres.prod.svc.cluster.local", "config-value")
    .n("  DB_PASSWORD_SECRET: app-secrets", "secret-name")
    .n("  TOKEN_TTL_SECONDS: \"3600\"", "config-value")
    .n(`  BUILD_ID: "${g.hex(40)}"`, "git-sha");

  F("charts/app/templates/secret.yaml")
    .l("apiVersion: v1", "kind: Secret", "metadata:", "  name: {{ include \"app.fullname\" . }}", "data:")
    .n("  password: {{ .Values.db.password | b64enc | quote }}", "template-reference")
    .n("  apiKey: {{ required \"apiKey is required\" .Values.apiKey | b64enc }}", "template-reference")
    .n("  token: {{ .Values.token | default (randAlphaNum 32) | b64enc }}", "template-reference");

  F("charts/app/values.yaml")
    .l("replicaCount: 2", "image:", "  repository: ghcr.io/acme/app")
    .n(`  digest: sha256:${g.hex(64)}`, "image-digest")
    .l("db:")
    .n('  password: ""', "empty")
    .n("  existingSecret: app-db-credentials", "secret-name")
    .l("redis:", "  auth:")
    .n("    password: changeme", "placeholder-changeme")
    .n("apiKey: <set-me>", "placeholder");

  F("charts/app/values-prod.yaml")
    .l("db:")
    .s(`  password: "${g.pw(22)}"`, "generic-password", "helm values")
    .l("redis:", "  auth:")
    .s(`    password: ${g.upw(24)}`, "generic-password", "helm values unquoted")
    .s(`apiKey: ${g.alnum(32)}`, "generic-apikey", "helm values");

  // ---------------------------------------------------------------- spring / django / rails / php / .NET
  F("src/main/resources/application.properties")
    .l("server.port=8080", "spring.application.name=orders")
    .n("spring.datasource.url=jdbc:postgresql://orders-db:5432/orders", "url-no-creds")
    .l("spring.datasource.username=orders")
    .s(`spring.datasource.password=${g.pw(16)}`, "generic-password", "java properties")
    .l("spring.mail.host=smtp.gmail.com", "spring.mail.username=orders-notify@acme.io")
    .s(`spring.mail.password=${g.from(LO, 16)}`, "gmail-app-password", "java properties (gmail app password)")
    .s(`jwt.secret=${b64(g.alnum(48))}`, "generic-base64-secret", "java properties")
    .n("jwt.expiration=86400", "config-value")
    .n("management.endpoints.web.exposure.include=health,info", "config-value");

  F("src/main/resources/application-dev.properties")
    .n("spring.datasource.password=${DB_PASSWORD}", "variable-reference")
    .n("spring.datasource.password=${DB_PASSWORD:}", "variable-reference")
    .n("app.security.password-reset-token-validity=PT30M", "config-value")
    .n("spring.security.oauth2.client.registration.github.client-secret=${GITHUB_CLIENT_SECRET}", "variable-reference");

  F("src/main/resources/application-prod.yml")
    .l("spring:", "  security:", "    oauth2:", "      client:", "        registration:", "          google:")
    .n(`            client-id: ${g.digits(12)}-${g.lower(32)}.apps.googleusercontent.com`, "public-client-id")
    .s(`            client-secret: ${T.gocspx()}`, "gcp-oauth-secret", "spring yaml")
    .l("          github:")
    .n("            client-id: Iv1." + g.hex(16), "public-client-id")
    .s(`            client-secret: ${g.hex(40)}`, "generic-client-secret", "spring yaml (github oauth app secret)")
    .l("  datasource:")
    .n("    password: ${DB_PASSWORD}", "variable-reference")
    .l("geocoder:")
    .s(`  api-key: ${g.alnum(32)}`, "generic-apikey", "spring yaml");

  F("backend/settings.py")
    .l("import os", "from pathlib import Path", "", "BASE_DIR = Path(__file__).resolve().parent.parent")
    .s(`SECRET_KEY = '${g.from(LO + DI + "!@#%^&*(-_=+)", 50)}'`, "django-secret-key", "python settings")
    .l("DEBUG = False", "DATABASES = {", "    'default': {", "        'ENGINE': 'django.db.backends.postgresql',")
    .n("        'PASSWORD': os.environ['DB_PASS'],", "variable-reference")
    .n("        'HOST': os.environ.get('DB_HOST', 'localhost'),", "variable-reference")
    .l("    }", "}")
    .s(`EMAIL_HOST_PASSWORD = '${g.pw(16)}'`, "generic-password", "python settings")
    .n("AWS_SECRET_ACCESS_KEY = os.getenv('AWS_SECRET_ACCESS_KEY')", "variable-reference")
    .n("PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']", "code-mention")
    .n("AUTH_PASSWORD_VALIDATORS = [{'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'}]", "code-mention")
    .n("SESSION_COOKIE_NAME = 'sessionid'", "code-mention")
    .n("CSRF_COOKIE_SECURE = True", "code-mention")
    .s(`STRIPE_SECRET_KEY = os.environ.get('STRIPE_SECRET_KEY', '${T.skLive(24)}')`, "stripe", "python env fallback default");

  F("config/credentials/secrets.yml")
    .l("production:")
    .s(`  secret_key_base: ${g.hex(128)}`, "rails-secret-key-base", "rails yaml")
    .l("development:")
    .n('  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>', "template-reference");

  F("config/database.yml")
    .l("default: &default", "  adapter: postgresql", "  pool: 5", "development:", "  <<: *default")
    .n("  password: <%= ENV['DATABASE_PASSWORD'] %>", "template-reference")
    .l("production:", "  <<: *default", "  username: app")
    .s(`  password: ${g.upw(20)}`, "generic-password", "rails database.yml");

  F("config/initializers/stripe.rb")
    .s(`Stripe.api_key = '${T.rkLive()}'`, "stripe-restricted", "ruby assignment")
    .n("Stripe.api_version = '2024-06-20'", "config-value")
    .n("Rails.configuration.stripe = { publishable_key: ENV['STRIPE_PUBLISHABLE_KEY'], secret_key: ENV['STRIPE_SECRET_KEY'] }", "variable-reference");

  F("www/wp-config.php")
    .l("<?php", "define( 'DB_NAME', 'wordpress' );", "define( 'DB_USER', 'wp_prod' );")
    .s(`define( 'DB_PASSWORD', '${g.pw(20)}' );`, "generic-password", "php define")
    .l("define( 'DB_HOST', 'localhost' );")
    .s(`define( 'AUTH_KEY',         '${g.from(UP + LO + DI + "!@#%^&*()-_=+[]{}<>~|;:,.?", 64)}' );`, "wordpress-salt", "php define")
    .s(`define( 'SECURE_AUTH_KEY',  '${g.from(UP + LO + DI + "!@#%^&*()-_=+[]{}<>~|;:,.?", 64)}' );`, "wordpress-salt", "php define")
    .l("$table_prefix = 'wp_';");

  F("www/wp-config-sample.php")
    .l("<?php")
    .n("define( 'DB_PASSWORD', 'password_here' );", "placeholder")
    .n("define( 'AUTH_KEY',         'put your unique phrase here' );", "placeholder")
    .n("define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );", "placeholder");

  F("app/Config/Database.php")
    .l("<?php", "namespace Config;", "class Database {", "  public array $default = [", "    'hostname' => 'mysql.internal',", "    'username' => 'ci4',")
    .s(`    'password' => '${g.pw(18)}',`, "generic-password", "php array")
    .l("  ];")
    .n("  public string $passwordField = 'password';", "code-mention")
    .n("  // $config['db_pass'] = getenv('DB_PASS');", "variable-reference")
    .l("}");

  F("src/Web/appsettings.json")
    .l("{", '  "Logging": { "LogLevel": { "Default": "Information" } },', '  "AllowedHosts": "*",', '  "ConnectionStrings": {')
    .s(`    "DefaultConnection": "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password=${g.pw(20)};Encrypt=True;",`, "mssql-connection-string", "appsettings connection string")
    .s(`    "Storage": "DefaultEndpointsProtocol=https;AccountName=acmeprodstore;AccountKey=${T.azStorageKey()};EndpointSuffix=core.windows.net",`, "azure-storage", "appsettings connection string")
    .s(`    "ServiceBus": "Endpoint=sb://acme-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${T.azSbKey()}"`, "azure-servicebus", "appsettings connection string")
    .l("  },", '  "AzureAd": {', '    "Instance": "https://login.microsoftonline.com/",')
    .n(`    "TenantId": "${g.uuid()}",`, "uuid")
    .n(`    "ClientId": "${g.uuid()}",`, "uuid")
    .s(`    "ClientSecret": "${T.azAdSecret()}"`, "azure-ad-secret", "appsettings json")
    .l("  },", '  "Blob": {')
    .s(`    "SasUrl": "https://acmeprodstore.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=${T.azSig()}"`, "azure-sas", "appsettings url")
    .l("  },")
    .n(`  "ApplicationInsights": { "ConnectionString": "InstrumentationKey=${g.uuid()};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" }`, "instrumentation-key")
    .l("}");

  F("src/Web/appsettings.Development.json")
    .l("{", '  "ConnectionStrings": {')
    .n('    "DefaultConnection": "Server=localhost,1433;Database=orders;User Id=sa;Password=Your_password123;TrustServerCertificate=True",', "docs-placeholder-password")
    .n('    "Storage": "UseDevelopmentStorage=true"', "config-value")
    .l("  },")
    .n('  "AzureAd": { "ClientSecret": "" },', "empty")
    .n('  "Jwt": { "Key": "__JWT_KEY__" }', "placeholder")
    .l("}");

  F("src/Web/Web.config")
    .l('<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <appSettings>")
    .s(`    <add key="PaymentGatewayApiKey" value="${g.alnum(32)}" />`, "generic-apikey", "xml appSettings")
    .n('    <add key="PasswordMinLength" value="12" />', "config-value")
    .l("  </appSettings>", "  <connectionStrings>")
    .s(`    <add name="Legacy" connectionString="Data Source=sql01;Initial Catalog=legacy;User Id=legacy_app;Password=${g.pw(16).replace(/[<>&"]/g, "x")};" providerName="System.Data.SqlClient" />`, "mssql-connection-string", "xml connection string")
    .l("  </connectionStrings>", "</configuration>");

  // ---------------------------------------------------------------- Terraform
  F("infra/main.tf")
    .l('provider "aws" {', '  region     = "eu-west-1"')
    .s(`  access_key = "${T.awsId()}"`, "aws", "terraform")
    .s(`  secret_key = "${T.awsSecret()}"`, "aws-secret", "terraform")
    .l("}", "", 'resource "aws_db_instance" "main" {', '  engine         = "postgres"', '  username       = "app"')
    .n("  password       = var.db_password", "variable-reference")
    .n(`  kms_key_id     = "arn:aws:kms:eu-west-1:${g.digits(12)}:key/${g.uuid()}"`, "arn")
    .l("}", "", 'resource "aws_rds_cluster" "analytics" {')
    .s(`  master_password = "${g.pw(20)}"`, "generic-password", "terraform")
    .l("}", 'resource "aws_instance" "bastion" {')
    .n(`  ami           = "ami-0${g.hex(16)}"`, "resource-id")
    .l("}", 'resource "random_password" "db" {', "  length  = 24")
    .n("  special = true", "config-value")
    .l("}", 'data "aws_secretsmanager_secret_version" "api" {')
    .n(`  secret_id = "arn:aws:secretsmanager:eu-west-1:${g.digits(12)}:secret:prod/api-key-${g.alnum(6)}"`, "arn")
    .l("}");

  F("infra/prod.auto.tfvars")
    .l('environment = "prod"')
    .s(`github_token = "${T.ghFine()}"`, "github-fine-grained", "tfvars")
    .s(`datadog_api_key = "${T.ddApi()}"`, "datadog", "tfvars")
    .s(`datadog_app_key = "${T.ddApp()}"`, "datadog-app", "tfvars")
    .s(`cloudflare_api_token = "${T.cloudflare()}"`, "cloudflare", "tfvars")
    .s(`cloudflare_origin_ca_key = "${T.cfOriginCa()}"`, "cloudflare-origin-ca", "tfvars")
    .n('db_username = "app_admin"', "config-value")
    .n('vpc_cidr = "10.20.0.0/16"', "config-value");

  F("infra/terraform.tfstate")
    .l("{", '  "version": 4,', '  "terraform_version": "1.7.5",')
    .n(`  "lineage": "${g.uuid()}",`, "uuid")
    .l('  "resources": [', "    {", '      "type": "random_password",', '      "instances": [', "        {", '          "attributes": {')
    .n(`            "bcrypt_hash": "$2a$10$${g.from(UP + LO + DI + "./", 53)}",`, "password-hash")
    .n(`            "id": "none",`, "config-value")
    .s(`            "result": "${g.pw(24)}",`, "tfstate-random-password", "terraform state (result)")
    .l("          },", '          "sensitive_attributes": []', "        }", "      ]", "    },", "    {", '      "type": "aws_db_instance",', '      "instances": [ { "attributes": {')
    .s(`            "password": "${g.pw(20)}",`, "generic-password", "terraform state")
    .n(`            "arn": "arn:aws:rds:eu-west-1:${g.digits(12)}:db:main",`, "arn")
    .n(`            "resource_id": "db-${g.upper(26)}"`, "resource-id")
    .l("      } } ]", "    }", "  ]", "}");

  // ---------------------------------------------------------------- shell / CI
  F("scripts/deploy.sh")
    .l("#!/usr/bin/env bash", "set -euo pipefail")
    .s(`export GITHUB_TOKEN=${T.ghp()}`, "github-pat", "shell export")
    .n('curl -fsSL -H "Authorization: Bearer ${GITHUB_TOKEN}" https://api.github.com/repos/acme/app/releases/latest', "variable-reference")
    .s(`curl -fsS -H "Authorization: Bearer ${g.hex(40)}" https://deploy.internal.acme.io/api/v2/rollouts`, "bearer-header", "curl bearer header")
    .s(`curl -fsS -u admin:${g.upw(16)} https://jenkins.internal.acme.io/job/deploy/build`, "curl-basic", "curl -u")
    .n('curl -fsS -u "$NEXUS_USER:$NEXUS_PASS" https://nexus.internal.acme.io/service/rest/v1/status', "variable-reference")
    .s(`docker login -u acmebot -p ${T.dockerPat()} docker.io`, "dockerhub", "docker login -p")
    .n('echo "$DOCKER_PASSWORD" | docker login -u "$DOCKER_USER" --password-stdin', "variable-reference")
    .n('export DOCKER_PASSWORD="$(cat /run/secrets/docker_password)"', "variable-reference")
    .s(`curl -X POST -H 'Content-type: application/json' --data '{"text":"deployed"}' ${T.slackHook()}`, "slack-webhook", "curl url")
    .s(`git clone https://x-access-token:${T.ghs()}@github.com/acme/infra.git`, "github-app-token", "git clone url")
    .n('git clone "https://x-access-token:${GH_APP_TOKEN}@github.com/acme/infra.git"', "variable-reference")
    .s(`curl -s "https://api.acme-geo.com/v1/geocode?address=Berlin&api_key=${g.alnum(32)}"`, "url-query-key", "url query string")
    .s(`wget --user=deploy --password='${g.pw(16)}' https://artifacts.acme.io/releases/app.tar.gz`, "wget-password", "wget --password");

  F("scripts/backup.sh")
    .l("#!/bin/sh", "DATE=$(date +%F)")
    .s(`mysqldump -h db01 -u root -p'${g.upw(18)}' shop > /backups/shop-$DATE.sql`, "mysql-cli-password", "mysqldump -p")
    .s(`PGPASSWORD=${g.upw(20)} pg_dump -h pg01 -U backup app > /backups/app-$DATE.sql`, "pgpassword", "env prefix")
    .n("aws s3 cp /backups s3://acme-backups/$DATE --recursive --sse aws:kms", "code-mention")
    .s(`lftp -e "mirror -R /backups /remote" ftp://backup:${g.upw(14)}@ftp.acme-offsite.net`, "ftp-url", "url creds")
    .n("find /backups -mtime +14 -delete", "code-mention");

  F("scripts/upload-tiles.sh")
    .l("#!/usr/bin/env bash")
    .s(`MAPBOX_ACCESS_TOKEN=${T.mapboxSk()}`, "mapbox secret (no rule)", "shell var")
    .l("tilesets upload-source acme-maps parcels ./parcels.geojson.ld")
    .n('echo "using token ${MAPBOX_ACCESS_TOKEN:0:6}..."', "variable-reference");

  F(".github/workflows/ci.yml")
    .l("name: ci", "on: [push, pull_request]", "jobs:", "  build:", "    runs-on: ubuntu-latest", "    steps:")
    .n(`      - uses: actions/checkout@${g.hex(40)} # v4.1.7`, "git-sha")
    .n(`      - uses: actions/setup-node@${g.hex(40)} # v4.0.3`, "git-sha")
    .l("      - run: npm ci", "        env:")
    .n("          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}", "variable-reference")
    .l("      - run: npm publish", "        env:")
    .s(`          NPM_TOKEN: ${T.npm()}`, "npm", "github actions env")
    .l("      - uses: SonarSource/sonarcloud-github-action@v2", "        env:")
    .n("          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", "variable-reference")
    .s(`          SONAR_TOKEN: ${T.sonar()}`, "sonarqube", "github actions env")
    .l("      - run: ./scripts/notify.sh", "        env:")
    .n("          SLACK_WEBHOOK: ${{ secrets.SLACK_WEBHOOK }}", "variable-reference");

  F(".gitlab-ci.yml")
    .l("stages: [build, deploy]", "variables:")
    .s(`  GITLAB_API_TOKEN: "${T.glpat()}"`, "gitlab-pat", "gitlab ci variables")
    .s(`  RUNNER_TOKEN: ${T.glrt()}`, "gitlab-runner", "gitlab ci variables")
    .n('  DOCKER_AUTH_CONFIG: "$DOCKER_AUTH_CONFIG_JSON"', "variable-reference")
    .l("build:", "  script:")
    .n('    - docker login -u gitlab-ci-token -p "$CI_JOB_TOKEN" "$CI_REGISTRY"', "variable-reference")
    .s(`    - git clone https://gitlab+deploy-token-42:${T.gldt()}@gitlab.com/acme/charts.git`, "gitlab-deploy", "git url creds");

  F("Jenkinsfile")
    .l("pipeline {", "  agent any", "  environment {")
    .n("    REGISTRY_CREDS = credentials('registry-creds')", "variable-reference")
    .s(`    ARTIFACTORY_API_KEY = '${T.jfrog()}'`, "jfrog", "groovy env")
    .l("  }", "  stages { stage('build') { steps { sh 'make' } } }", "}");

  F("Dockerfile")
    .l("FROM node:20-alpine@sha256:" + g.hex(64))
    .n(`ENV NODE_SHA256=${g.hex(64)}`, "hash")
    .s(`ARG NPM_TOKEN=${T.npm()}`, "npm", "dockerfile ARG")
    .n('RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc', "variable-reference")
    .s(`ENV SENTRY_AUTH_TOKEN=${T.sntryu()}`, "sentry-user", "dockerfile ENV")
    .l('CMD ["node", "server.js"]');

  // ---------------------------------------------------------------- source code
  F("src/payments/stripe.js")
    .l("'use strict';")
    .s(`const stripe = require('stripe')('${T.skLive()}');`, "stripe", "js call argument")
    .n(`const publishableKey = '${T.pkLive()}';`, "publishable-key")
    .s(`const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET || '${T.whsec()}';`, "stripe-webhook", "js env fallback")
    .l("module.exports = async function handler(req, res) {")
    .n("  const token = req.headers['authorization'];", "code-mention")
    .n("  if (token == null) return res.status(401).end();", "code-mention")
    .n("  const secret = await getSecret('stripe/webhook');", "code-mention")
    .l("};");

  F("src/lib/notify.ts")
    .l("import fetch from 'node-fetch';")
    .s(`const SLACK_WEBHOOK = "${T.slackHook()}";`, "slack-webhook", "ts const")
    .s(`const slackUserToken = "${T.xoxp()}";`, "slack-user", "ts const")
    .s(`const SOCKET_MODE_TOKEN = '${T.xapp()}';`, "slack-app", "ts const")
    .n("export type Credentials = { username: string; password: string; apiKey?: string };", "code-mention")
    .n("export const TOKEN_HEADER = 'X-Api-Token';", "code-mention")
    .n("const apiKey = process.env.NOTIFY_API_KEY ?? '';", "variable-reference");

  F("src/lib/ai.ts")
    .l("import Groq from 'groq-sdk';")
    .s(`const groq = new Groq({ apiKey: '${T.groq()}' });`, "groq", "ts object literal")
    .s(`export const HF_TOKEN = "hf_${g.letters(34)}";`, "huggingface", "ts const")
    .n("export const MODEL = 'llama-3.1-70b-versatile';", "config-value")
    .n("const openaiKey = import.meta.env.VITE_OPENAI_KEY;", "variable-reference");

  F("frontend/src/pages/Login.tsx")
    .l("import { useState } from 'react';", "export function Login() {")
    .n("  const [password, setPassword] = useState('');", "code-mention")
    .n("  const passwordField = document.getElementById('password') as HTMLInputElement;", "code-mention")
    .n('  return <input type="password" name="password" autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />;', "code-mention")
    .n("  // TODO: refresh token when it expires (token_expired)", "code-mention")
    .l("}");

  F("frontend/src/config/search.js")
    .l("import algoliasearch from 'algoliasearch/lite';")
    .n(`export const searchClient = algoliasearch('${g.upper(10)}', '${g.hex(32)}'); // search-only key`, "public-search-key")
    .n(`mapboxgl.accessToken = '${T.mapboxPk()}';`, "public-token");

  F("backend/search/reindex.py")
    .l("from algoliasearch.search_client import SearchClient")
    .s(`ALGOLIA_ADMIN_API_KEY = "${T.algolia()}"`, "algolia admin (no rule)", "python const")
    .l(`client = SearchClient.create("${g.upper(10)}", ALGOLIA_ADMIN_API_KEY)`);

  F("backend/integrations/clients.py")
    .l("import os", "import requests", "import anthropic")
    .s(`client = anthropic.Anthropic(api_key="${T.ant()}")`, "anthropic", "python kwarg")
    .n('openai_key = os.getenv("OPENAI_API_KEY")', "variable-reference")
    .n('headers = {"Authorization": f"Bearer {token}"}', "variable-reference")
    .s(`HEADERS = {"X-API-Key": "${g.hex(32)}", "Accept": "application/json"}`, "api-key-header", "python dict header")
    .s(`resp = requests.get("https://api.acme-weather.io/v2/forecast", auth=("svc-forecast", "${g.upw(20)}"))`, "basic-auth-tuple", "python auth tuple")
    .n('password = os.environ["DB_PASS"]', "variable-reference")
    .n("def get_token(self): return self._vault.read('secret/data/api')['data']['token']", "code-mention")
    .s(`GOOGLE_MAPS_KEY = "${T.gapi()}"`, "google-api-key", "python const")
    .s(`creds = Credentials(token="${T.ya29()}", refresh_token="${T.gRefresh()}")`, "google-oauth-token", "python kwargs");

  F("backend/social/publish.py")
    .s(`FB_PAGE_ACCESS_TOKEN = "${T.fbToken()}"`, "facebook (no rule)", "python const")
    .s(`TWITTER_BEARER_TOKEN = "${T.twBearer()}"`, "twitter bearer (no rule)", "python const")
    .s(`DROPBOX_ACCESS_TOKEN = "${T.dropbox()}"`, "dropbox (no rule)", "python const")
    .n("TWITTER_API_BASE = 'https://api.twitter.com/2'", "url-no-creds");

  F("src/crm/hubspot.js")
    .s(`const hubspot = new Client({ accessToken: '${T.hubspot()}' });`, "hubspot (no rule)", "js object literal")
    .s(`const ld = LaunchDarkly.init('${T.ldSdk()}');`, "launchdarkly (no rule)", "js call argument")
    .s(`const asana = Asana.Client.create().useAccessToken('${T.asana()}');`, "asana (no rule)", "js call argument")
    .s(`const typeformToken = '${T.typeform()}';`, "typeform (no rule)", "js const")
    .s(`cloudinary.config({ cloudinary_url: 'cloudinary://${g.digits(15)}:${g.b64url(27)}@acme-media' });`, "cloudinary-url", "url creds");

  F("cmd/worker/main.go")
    .l("package main", "", "import (", '\t"os"', '\t"github.com/twilio/twilio-go"', ")", "")
    .n('var dbPassword = os.Getenv("DB_PASSWORD")', "variable-reference")
    .s(`const githubToken = "${T.gho()}"`, "github-oauth", "go const")
    .l("func main() {")
    .s(`\tclient := twilio.NewRestClientWithParams(twilio.ClientParams{Username: "${T.twilioAC()}", Password: "${g.hex(32)}"})`, "twilio-auth", "go struct literal")
    .n(`\tcommitSHA := "${g.hex(40)}"`, "git-sha")
    .n('\tif token == "" { log.Fatal("missing token") }', "code-mention")
    .s(`\tos.Setenv("LINEAR_API_KEY", "${T.linear()}")`, "linear", "go Setenv")
    .l("\t_ = client", "}");

  F("src/main/java/com/acme/orders/DataConfig.java")
    .l("package com.acme.orders;", "", "public class DataConfig {")
    .n('  @Value("${jwt.secret}") private String jwtSecret;', "template-reference")
    .n('  private static final String PASSWORD_PARAM = "password";', "code-mention")
    .n('  private final String password = System.getenv("DB_PASSWORD");', "variable-reference")
    .s(`  Connection c = DriverManager.getConnection("jdbc:postgresql://orders-db:5432/orders", "orders", "${g.pw(16)}");`, "jdbc-positional-password", "java positional argument")
    .s(`  String url = "jdbc:mysql://reporting:3306/reports?user=report&password=${g.upw(16)}&useSSL=true";`, "jdbc-url-password", "jdbc url")
    .s(`  AWSCredentials creds = new BasicAWSCredentials("${T.awsId()}", "${T.awsSecret()}");`, "aws", "java constructor")
    .n('  String legacy = "jdbc:oracle:thin:scott/tiger@localhost:1521:ORCL";', "default-credential")
    .l("}");

  F("src/Services/EmailService.cs")
    .l("using System.Net;", "namespace Acme.Services;", "public class EmailService {")
    .s(`  private readonly NetworkCredential _creds = new NetworkCredential("apikey", "${T.sendgrid()}");`, "sendgrid", "c# constructor")
    .n('  private readonly string _password = Environment.GetEnvironmentVariable("SMTP_PASSWORD");', "variable-reference")
    .n('  [JsonPropertyName("password")] public string Password { get; set; }', "code-mention")
    .s(`  private const string OdbcConn = "Driver={ODBC Driver 18 for SQL Server};Server=sql02;Database=mail;UID=mailer;PWD=${g.upw(16)};";`, "odbc-connection-string", "c# const ODBC")
    .l("}");

  F("lib/acme/notion_sync.rb")
    .s(`NOTION_TOKEN = "${T.notion()}"`, "notion", "ruby const")
    .s(`Airtable.api_key = "${T.airtable()}"`, "airtable", "ruby assignment")
    .n('TOKEN = ENV.fetch("NOTION_TOKEN")', "variable-reference")
    .n("raise ArgumentError, 'token missing' if token.nil?", "code-mention");

  F("tools/devtools.toml")
    .l("[figma]")
    .s(`token = "${T.figma()}"`, "figma", "toml")
    .l("[postman]")
    .s(`api_key = "${T.postman()}"`, "postman", "toml")
    .l("[contentful]")
    .s(`management_token = "${T.contentful()}"`, "contentful", "toml")
    .l("[sourcegraph]")
    .s(`access_token = "${T.sourcegraph()}"`, "sourcegraph", "toml")
    .l("[buildkite]")
    .s(`api_token = "${T.buildkite()}"`, "buildkite", "toml")
    .l("[harness]")
    .s(`api_key = "${T.harness()}"`, "harness", "toml")
    .l("[jira]", 'url = "https://acme.atlassian.net"', 'user = "release-bot@acme.io"')
    .s(`api_token = "${T.atlassian()}"`, "atlassian", "toml")
    .l("[bitbucket]")
    .s(`app_password = "${T.bitbucket()}"`, "bitbucket", "toml")
    .l("[okta]", 'org_url = "https://acme.okta.com"')
    .s(`token = "${T.okta()}"`, "okta", "toml")
    .l("[snyk]")
    .s(`token = "${g.uuid()}"`, "snyk", "toml")
    .l("[age]")
    .s(`identity = "${T.ageKey()}"`, "age", "toml");

  F("config/monitoring.yml")
    .l("datadog:")
    .s(`  api_key: ${T.ddApi()}`, "datadog", "yaml")
    .l("newrelic:")
    .s(`  license_key: ${T.nrLicense()}`, "newrelic-license", "yaml")
    .s(`  user_api_key: ${T.nrak()}`, "newrelic-user", "yaml")
    .l("grafana:")
    .s(`  service_account_token: ${T.glsa()}`, "grafana-sa", "yaml")
    .s(`  cloud_token: ${T.glc()}`, "grafana-cloud", "yaml")
    .l("dynatrace:")
    .s(`  api_token: ${T.dt()}`, "dynatrace", "yaml")
    .l("sentry:")
    .n(`  dsn: https://${g.hex(32)}@o${g.digits(6)}.ingest.sentry.io/${g.digits(7)}`, "sentry-dsn-public")
    .n("  traces_sample_rate: 0.2", "config-value")
    .l("ldap:", "  url: ldaps://ldap.acme.io:636", "  bind_dn: cn=svc-monitor,ou=svc,dc=acme,dc=io")
    .s(`  bind_password: "${g.pw(18)}"`, "generic-password", "yaml bind_password");

  // ---------------------------------------------------------------- notebooks / bundles
  const nbImg = g.b64(800);
  F("notebooks/eval.ipynb")
    .l("{", ' "cells": [', "  {", '   "cell_type": "code",', '   "execution_count": 1,', '   "metadata": {},', '   "outputs": [],', '   "source": [', '    "import openai, os\\n",')
    .s(`    "openai.api_key = \\"${T.oaiLegacy()}\\"\\n",`, "openai-legacy", "notebook json string")
    .s(`    "os.environ[\\"HF_TOKEN\\"] = \\"${T.hf()}\\"\\n",`, "huggingface", "notebook json string")
    .n('    "token = os.environ.get(\\"HF_TOKEN\\")\\n"', "variable-reference")
    .l("   ]", "  },", "  {", '   "cell_type": "code",', '   "execution_count": 2,')
    .n(`   "id": "${g.hex(8)}-${g.hex(4)}",`, "random-id")
    .l('   "outputs": [', "    {", '     "data": {')
    .n(`      "image/png": "iVBORw0KGgoAAAANSUhEUgAA${nbImg}",`, "base64-image")
    .l('      "text/plain": ["<Figure size 640x480>"]', "     },", '     "output_type": "display_data"', "    }", "   ],", '   "source": ["plt.show()"]', "  }", " ],", ' "metadata": { "kernelspec": { "name": "python3" } },', ' "nbformat": 4,', ' "nbformat_minor": 5', "}");

  const chunk = () => `function(e,t,n){"use strict";n.d(t,{a:function(){return r}});var r=function(e){return e.map(function(e){return e.id})}}`;
  F(`web/public/static/js/main.${g.hex(8)}.js`)
    .n(`/*! For license information please see main.${g.hex(8)}.js.LICENSE.txt */`, "bundle-comment")
    .s(`(self.webpackChunk=self.webpackChunk||[]).push([[179],{${g.digits(4)}:${chunk()},${g.digits(4)}:function(e,t,n){var o={apiKey:"${T.gapi()}",authDomain:"acme-prod.firebaseapp.com",projectId:"acme-prod"};e.exports=o}}]);`, "google-api-key", "minified bundle")
    .n(`!function(){var e={${g.digits(3)}:"${g.hex(20)}",${g.digits(3)}:"${g.hex(20)}"};window.__BUILD__={hash:"${g.hex(40)}",nonce:"${g.b64(24)}",id:"${g.uuid()}"}}();`, "bundle-hashes")
    .n(`//# sourceMappingURL=main.${g.hex(8)}.js.map`, "bundle-comment");

  F(`web/public/static/js/vendor.${g.hex(8)}.js`)
    .s(`var e=function(){return{headers:{Authorization:"Bearer ${T.jwt({ sub: "svc-frontend", scope: "orders:write", iat: 1717000000 })}"}}};`, "jwt", "minified bundle bearer");

  // ---------------------------------------------------------------- registry / credential files
  F(".npmrc")
    .s(`//registry.npmjs.org/:_authToken=${T.npm()}`, "npm", "npmrc")
    .n("//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}", "variable-reference")
    .s(`//acme.jfrog.io/artifactory/api/npm/npm/:_auth=${b64("ci-bot:" + g.upw(20))}`, "npmrc-auth-base64", "npmrc _auth")
    .n("@acme:registry=https://npm.pkg.github.com", "url-no-creds")
    .n("always-auth=true", "config-value");

  F(".yarnrc.yml")
    .n('npmAuthToken: "${NPM_TOKEN}"', "variable-reference")
    .n("npmRegistryServer: https://registry.npmjs.org", "url-no-creds")
    .l("npmScopes:", "  acme:")
    .s(`    npmAuthToken: ${T.npm()}`, "npm", "yarnrc");

  F(".pypirc")
    .l("[distutils]", "index-servers =", "    pypi", "    internal", "", "[pypi]", "username = __token__")
    .s(`password = ${T.pypi()}`, "pypi", "pypirc")
    .l("", "[internal]", "repository = https://pypi.internal.acme.io/simple", "username = deploy")
    .s(`password = ${g.pw(16)}`, "generic-password", "pypirc");

  F(".netrc")
    .s(`machine api.heroku.com login ops@acme.io password ${g.uuid()}`, "heroku-legacy", "netrc")
    .s(`machine github.com login acme-bot password ${T.ghp()}`, "github-pat", "netrc")
    .l("machine ftp.acme.io")
    .l("  login uploader")
    .s(`  password ${g.upw(16)}`, "netrc-multiline", "netrc multi-line");

  F(".git-credentials")
    .s(`https://acme-bot:${T.ghp()}@github.com`, "github-pat", "git-credentials")
    .s(`https://oauth2:${T.glpat()}@gitlab.com`, "gitlab-pat", "git-credentials")
    .s(`https://jdoe:${g.upw(14)}@bitbucket.org`, "url-basic-auth", "git-credentials password");

  F(".docker/config.json")
    .l("{", '  "auths": {', '    "https://index.docker.io/v1/": {')
    .s(`      "auth": "${b64("acmebot:" + T.dockerPat())}"`, "docker-auth-base64", "docker config auth")
    .l("    },", '    "ghcr.io": {')
    .s(`      "auth": "${b64("acme-bot:" + g.upw(20))}"`, "docker-auth-base64", "docker config auth")
    .l("    }", "  },")
    .n('  "credsStore": "desktop",', "config-value")
    .n('  "currentContext": "default"', "config-value")
    .l("}");

  F("deploy/aws/credentials")
    .l("[default]")
    .s(`aws_access_key_id = ${T.awsId()}`, "aws", "aws credentials file")
    .s(`aws_secret_access_key = ${T.awsSecret()}`, "aws-secret", "aws credentials file")
    .l("[ci-session]")
    .s(`aws_access_key_id = ${T.awsTmpId()}`, "aws", "aws credentials file (ASIA)")
    .s(`aws_secret_access_key = ${T.awsSecret()}`, "aws-secret", "aws credentials file")
    .s(`aws_session_token = ${T.awsSession()}`, "aws-session", "aws credentials file")
    .l("[docs-example]")
    .n("aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE", "aws-docs-example")
    .n("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY", "aws-docs-example");

  F(".cargo/credentials.toml").l("[registry]").s(`token = "${T.crates()}"`, "crates-io", "cargo credentials");
  F(".gem/credentials").l("---").s(`:rubygems_api_key: ${T.rubygems()}`, "rubygems", "gem credentials");
  F("project.clj").l('(defproject acme/util "0.3.1"', '  :deploy-repositories [["clojars" {:username "acme"').s(`                                   :password "${T.clojars()}"}]])`, "clojars", "clojure map");

  F("NuGet.Config")
    .l('<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <packageSourceCredentials>", "    <acme>", '      <add key="Username" value="ci" />')
    .s(`      <add key="ClearTextPassword" value="${g.upw(20)}" />`, "nuget-cleartext-password", "nuget config xml")
    .l("    </acme>", "  </packageSourceCredentials>", "  <apikeys>")
    .s(`    <add key="https://www.nuget.org/api/v2/package" value="${T.nuget()}" />`, "nuget", "nuget config xml")
    .l("  </apikeys>", "</configuration>");

  F(".m2/settings.xml")
    .l("<settings>", "  <servers>", "    <server>", "      <id>acme-releases</id>", "      <username>deployer</username>")
    .s(`      <password>${g.upw(18)}</password>`, "generic-password", "maven xml")
    .l("    </server>", "    <server>", "      <id>acme-snapshots</id>")
    .n(`      <password>{${g.b64(44)}}</password>`, "maven-encrypted-password")
    .l("    </server>", "    <server>", "      <id>central</id>")
    .n("      <password>${env.ARTIFACTORY_PASSWORD}</password>", "variable-reference")
    .l("    </server>", "  </servers>", "</settings>");

  // ---------------------------------------------------------------- keys
  const rsaLines = [PEM("RSA PRIVATE KEY")[0], ...T.pemBody("MIIEpAIBAAKCAQEA", 25), PEM("RSA PRIVATE KEY")[1]];
  F("deploy/keys/deploy.pem").block(rsaLines, "private-key-rsa", "pem file");
  const sshLines = [PEM("OPENSSH PRIVATE KEY")[0], ...T.pemBody("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn", 37, 70), PEM("OPENSSH PRIVATE KEY")[1]];
  F("deploy/keys/id_rsa").block(sshLines, "private-key-openssh", "id_rsa file");
  F("deploy/keys/id_rsa.pub").n(`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${g.b64(540)} deploy@acme`, "public-key");
  F("deploy/keys/id_ed25519.pub").n(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${g.b64(43)} ci@acme`, "public-key");
  const ecLines = [PEM("EC PRIVATE KEY")[0], ...T.pemBody("MHcCAQEEI", 2), PEM("EC PRIVATE KEY")[1]];
  F("certs/server.key").block(ecLines, "private-key-ec", "pem file");
  F("certs/server.crt").nblock([PEM("CERTIFICATE")[0], ...T.pemBody("MIIDdzCCAl+gAwIBAgIE", 18), PEM("CERTIFICATE")[1]], "certificate");
  F("certs/jwt-public.pem").nblock([PEM("PUBLIC KEY")[0], ...T.pemBody("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", 5), PEM("PUBLIC KEY")[1]], "public-key");
  F("certs/known_hosts").n(`github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${g.b64(43)}`, "public-key").n(`|1|${g.b64(27)}=|${g.b64(27)}= ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB${g.b64(120)}=`, "public-key");
  F("deploy/keys/legacy.ppk")
    .l("PuTTY-User-Key-File-3: ssh-rsa", "Encryption: none", "Comment: rsa-key-20240101", "Public-Lines: 6", ...T.pemBody("AAAAB3NzaC1yc2EAAAADAQABAAABAQ", 5))
    .block(["Private-Lines: 14", ...T.pemBody("AAABAQ", 13)], "putty-private-key", "ppk file")
    .l(`Private-MAC: ${g.hex(64)}`);
  F("deploy/keys/signing.asc").block(["-----BEGIN PGP " + "PRIVATE KEY BLOCK-----", "", ...T.pemBody("lQdGBGX", 30), "=" + g.b64(4), "-----END PGP " + "PRIVATE KEY BLOCK-----"], "pgp-private-key", "armored file");

  const pk8 = [PEM("PRIVATE KEY")[0], ...T.pemBody("MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ", 25), PEM("PRIVATE KEY")[1], ""].join("\\n");
  F("gcp/service-account.json")
    .l("{", '  "type": "service_account",', '  "project_id": "acme-prod-4821",')
    .n(`  "private_key_id": "${g.hex(40)}",`, "key-id")
    .s(`  "private_key": "${pk8}",`, "gcp-service-account", "service-account json (escaped PEM)")
    .n('  "client_email": "deployer@acme-prod-4821.iam.gserviceaccount.com",', "config-value")
    .n(`  "client_id": "${g.digits(21)}",`, "random-id")
    .l('  "auth_uri": "https://accounts.google.com/o/oauth2/auth",', '  "token_uri": "https://oauth2.googleapis.com/token"', "}");

  // ---------------------------------------------------------------- lockfiles / sums
  const lock = F("package-lock.json").l("{", '  "name": "web",', '  "lockfileVersion": 3,', '  "packages": {');
  for (const name of ["react", "react-dom", "scheduler", "loose-envify", "js-tokens"]) {
    lock.l(`    "node_modules/${name}": {`, '      "version": "18.3.1",');
    lock.n(`      "resolved": "https://registry.npmjs.org/${name}/-/${name}-18.3.1.tgz",`, "url-no-creds");
    lock.n(`      "integrity": "sha512-${g.b64(86)}=="`, "integrity-hash");
    lock.l("    },");
  }
  lock
    .l('    "node_modules/@acme/ui": {', '      "version": "2.4.0",')
    .s(`      "resolved": "https://ci-bot:${T.jfrog()}@acme.jfrog.io/artifactory/api/npm/npm-virtual/@acme/ui/-/ui-2.4.0.tgz",`, "jfrog", "lockfile resolved url")
    .n(`      "integrity": "sha512-${g.b64(86)}=="`, "integrity-hash")
    .l("    }", "  }", "}");

  const ylock = F("yarn.lock").l("# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "");
  for (const name of ["lodash", "chalk", "debug"]) {
    ylock.l(`${name}@^4.0.0:`, '  version "4.17.21"');
    ylock.n(`  resolved "https://registry.yarnpkg.com/${name}/-/${name}-4.17.21.tgz#${g.hex(40)}"`, "sha1-in-url");
    ylock.n(`  integrity sha512-${g.b64(86)}==`, "integrity-hash");
    ylock.l("");
  }
  const gosum = F("go.sum");
  for (const mod of ["github.com/stretchr/testify v1.9.0", "golang.org/x/crypto v0.24.0", "github.com/google/uuid v1.6.0"]) {
    gosum.n(`${mod} h1:${g.b64(43)}=`, "go-sum-hash");
    gosum.n(`${mod}/go.mod h1:${g.b64(43)}=`, "go-sum-hash");
  }
  F("Cargo.lock").l("[[package]]", 'name = "serde"', 'version = "1.0.203"', 'source = "registry+https://github.com/rust-lang/crates.io-index"').n(`checksum = "${g.hex(64)}"`, "checksum");
  F("poetry.lock").l("[[package]]", 'name = "requests"', 'version = "2.32.3"', "files = [").n(`    {file = "requests-2.32.3-py3-none-any.whl", hash = "sha256:${g.hex(64)}"},`, "checksum").l("]");
  F(".secrets.baseline.sha256").n(`${g.hex(64)}  dist/app.tar.gz`, "checksum");

  // ---------------------------------------------------------------- docs (negatives + one real leak)
  const jwtIoSig = "SflKxwRJSMeKKF2QT4fwpMeJf36P" + "Ok6yJV_adQssw5c";
  const jwtIo = b64u(JSON.stringify({ alg: "HS256", typ: "JWT" })) + "." + b64u(JSON.stringify({ sub: "1234567890", name: "John Doe", iat: 1516239022 })) + "." + jwtIoSig;
  F("docs/getting-started.md")
    .l("# Getting started", "", "Create a `.env` file:", "", "```sh")
    .n("export OPENAI_API_KEY=sk-...your-key...", "docs-placeholder")
    .n("export GITHUB_TOKEN=<your-personal-access-token>", "docs-placeholder")
    .n("export AWS_ACCESS_KEY_ID=AKIA" + "IOSFODNN7EXAMPLE", "aws-docs-example")
    .n("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY", "aws-docs-example")
    .n("export DATABASE_URL=postgres://user:password@localhost:5432/mydb", "placeholder-url")
    .l("```", "", "Call the API:", "", "```sh")
    .n('curl -H "Authorization: Bearer <token>" https://api.acme.io/v1/me', "docs-placeholder")
    .n('curl -H "Authorization: Bearer $ACME_TOKEN" https://api.acme.io/v1/me', "variable-reference")
    .n(["curl -u", "admin:admin", "http://localhost:8080/api/health"].join(" "), "default-credential")
    .l("```", "", "A decoded token looks like this (from jwt.io):", "")
    .n(`    ${jwtIo}`, "well-known-example-jwt")
    .l("", "Stripe's documentation uses a shared test key:", "")
    .n("    Stripe.api_key = 'sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc'", "well-known-docs-key")
    .n("Slack tokens look like `xoxb-1234-5678-abcdefghijklmnop` (see Slack docs).", "docs-placeholder")
    .n("Set `password: {{ .Values.password }}` in your chart and never commit the real value.", "template-reference")
    .n("The `token` field is optional; if `token == null` we fall back to anonymous access.", "code-mention")
    .n("Use `getSecret(\"db-password\")` to read from the vault.", "code-mention");

  F("docs/runbooks/staging.md")
    .l("# Staging runbook", "", "Temporary access for the incident (rotate after!):", "")
    .s(`    GITLAB_TOKEN=${T.glpat()}`, "gitlab-pat", "markdown runbook")
    .l("")
    .s(`Psql: \`psql "postgresql://incident:${g.upw(18)}@staging-db.acme.io:5432/app"\``, "postgres-url", "markdown inline code")
    .n("See https://github.com/acme/app/commit/" + g.hex(40) + " for the fix.", "git-sha");

  F("CHANGELOG.md")
    .l("# Changelog", "", "## 2.4.0")
    .n(`- Rotate signing keys on deploy ([${g.hex(7)}](https://github.com/acme/app/commit/${g.hex(40)}))`, "git-sha")
    .n(`- Fix token refresh race (#412, ${g.hex(40)})`, "git-sha")
    .n("- Password reset emails now expire after 30 minutes", "code-mention")
    .n(`- Bump lodash to 4.17.21 (sha512-${g.b64(86)}==)`, "integrity-hash");

  F("README.md")
    .l("# acme/app", "")
    .n("[![build](https://github.com/acme/app/actions/workflows/ci.yml/badge.svg)](https://github.com/acme/app/actions)", "url-no-creds")
    .n(`[![codecov](https://codecov.io/gh/acme/app/branch/main/graph/badge.svg?token=${g.upper(10)})](https://codecov.io/gh/acme/app)`, "badge-token")
    .n("Set `STRIPE_SECRET_KEY` to your key (starts with `sk_live_`).", "docs-placeholder")
    .n("Passwords are hashed with argon2id; never log `password` or `token` fields.", "code-mention");

  // ---------------------------------------------------------------- test fixtures (negatives)
  F("test/fixtures/credentials.json")
    .l("{")
    .n('  "githubToken": "ghp_' + "a".repeat(36) + '",', "fake-fixture")
    .n('  "awsAccessKeyId": "AKIA' + "0".repeat(16) + '",', "fake-fixture")
    .n('  "password": "password",', "fake-fixture")
    .n('  "token": "test-token",', "fake-fixture")
    .n('  "apiKey": "dummy-api-key-123",', "fake-fixture")
    .n('  "secret": "fake_secret_for_tests",', "fake-fixture")
    .n('  "stripeKey": "sk_test_' + "x".repeat(24) + '",', "fake-fixture")
    .n('  "slackToken": "xoxb-' + "0".repeat(12) + "-" + "0".repeat(13) + "-" + "x".repeat(24) + '",', "fake-fixture")
    .n('  "jwtSecret": "your-256-bit-secret"', "fake-fixture")
    .l("}");

  F("test/unit/auth.test.js")
    .l("const jwt = require('jsonwebtoken');", "describe('auth', () => {")
    .n("  const token = jwt.sign({ sub: 'u1' }, 'test-secret');", "fake-fixture")
    .n("  const user = { email: 'a@b.c', password: 'hunter2' };", "fake-fixture")
    .n("  it('masks tokens', () => expect(mask('ghp_' + 'x'.repeat(36))).toBe('ghp_****'));", "fake-fixture")
    .n("  const headers = { Authorization: 'Bearer fake-token' };", "fake-fixture")
    .n("  const apiKey = 'EXAMPLE_API_KEY';", "fake-fixture")
    .n("  const password = faker.internet.password();", "code-mention")
    .n("  const secret = crypto.randomBytes(32).toString('hex');", "code-mention")
    .l("});");

  F("tests/test_settings.py")
    .n('SECRET_KEY = "test-secret-key-not-for-production"', "fake-fixture")
    .n('PASSWORD = "correct horse battery staple"', "fake-fixture")
    .n('API_TOKEN = "0000000000000000000000000000000000000000"', "fake-fixture")
    .n("FAKE_AWS_SECRET = 'x' * 40", "fake-fixture");

  // ---------------------------------------------------------------- i18n / assets / html (negatives)
  F("frontend/public/locales/en.json")
    .l("{")
    .n('  "password": "Password",', "i18n")
    .n('  "password_hint": "Your password must be at least 12 characters and contain a number.",', "i18n")
    .n('  "forgot_password": "Forgot your password?",', "i18n")
    .n('  "token_expired": "Your session token has expired. Please sign in again.",', "i18n")
    .n('  "api_key_label": "API key",', "i18n")
    .n('  "secret_saved": "Secret saved",', "i18n")
    .l("}");
  F("frontend/public/locales/de.json")
    .l("{")
    .n('  "password": "Passwort",', "i18n")
    .n('  "password_hint": "Ihr Passwort muss mindestens 12 Zeichen lang sein.",', "i18n")
    .n('  "token_expired": "Ihr Sitzungstoken ist abgelaufen.",', "i18n")
    .l("}");

  F("frontend/src/styles/main.css")
    .l(".logo {")
    .n(`  background-image: url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA${g.b64(300)}");`, "base64-image")
    .l("}", "@font-face {", "  font-family: Inter;")
    .n(`  src: url(data:font/woff2;base64,d09GMgABAAAAA${g.b64(400)}) format("woff2");`, "base64-font")
    .l("}");

  F("frontend/src/assets/icon.svg")
    .l('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">')
    .n(`  <path d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 3c1.66 0 3 1.34 3 3s-1.34 3-3 3-3-1.34-3-3 1.34-3 3-3z"/>`, "svg-path")
    .n(`  <image href="data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ${g.b64(240)}" width="24" height="24"/>`, "base64-image")
    .l("</svg>");

  F("web/public/index.html")
    .l("<!doctype html>", "<html>", "<head>")
    .n(`  <script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="sha384-${g.b64(64)}" crossorigin="anonymous"></script>`, "sri-hash")
    .n(`  <meta name="google-site-verification" content="${g.b64url(43)}" />`, "site-verification")
    .n(`  <meta name="csrf-token" content="${g.b64(88)}">`, "csrf-token")
    .n(`  <script nonce="${g.b64(24)}">window.dataLayer = window.dataLayer || [];</script>`, "csp-nonce")
    .n(`  <link rel="preload" href="/static/js/main.${g.hex(8)}.js" as="script">`, "asset-hash")
    .l("</head>", "</html>");

  F("src/server/security.ts")
    .n("const nonce = crypto.randomBytes(16).toString('base64');", "code-mention")
    .n(`const STATIC_CSP = "script-src 'self' 'nonce-${g.b64(24)}' 'sha256-${g.b64(43)}='";`, "csp-nonce")
    .n(`export const SESSION_COOKIE = "__Host-session";`, "code-mention")
    .n(`export const EMPTY_BODY_SHA256 = "${"e3b0c44298fc1c149afbf4c8996fb924"}27ae41e4649b934ca495991b7852b855";`, "hash")
    .n(`export const DEFAULT_TENANT = "${g.uuid()}";`, "uuid")
    .n("export function isTokenExpired(token: { exp: number }) { return token.exp * 1000 < Date.now(); }", "code-mention");

  F("src/constants.py")
    .n("PASSWORD_MIN_LENGTH = 12", "code-mention")
    .n('TOKEN_URL = "https://oauth2.googleapis.com/token"', "url-no-creds")
    .n('SECRET_NAME = "prod/db/password"', "secret-name")
    .n('API_KEY_HEADER = "X-API-Key"', "code-mention")
    .n(`REQUEST_NAMESPACE = uuid.UUID("${g.uuid()}")`, "uuid")
    .n(`SCHEMA_FINGERPRINT = "${g.hex(64)}"`, "hash")
    .n(`DEFAULT_ETAG = 'W/"${g.hex(32)}"'`, "hash")
    .n('GRANT_TYPE = "client_credentials"', "code-mention")
    .n('TOKEN_TYPE = "Bearer"', "code-mention")
    .n(`AWS_ACCOUNT_ID = "${g.digits(12)}"`, "account-id")
    .n(`ROLE_ARN = "arn:aws:iam::${g.digits(12)}:role/deployer"`, "arn")
    .n(`SLACK_CHANNEL_ID = "C${g.upper(10)}"`, "random-id")
    .n(`TWILIO_ACCOUNT_SID = "${T.twilioAC()}"`, "public-account-id")
    .n(`OBJECT_ID = "${g.hex(24)}"`, "random-id");

  // ---------------------------------------------------------------- encrypted blobs (negatives)
  const vault = F("ansible/group_vars/prod/vault.yml").l("vault_db_password: !vault |").n("          $ANSIBLE_VAULT;1.1;AES256", "encrypted-blob");
  for (let i = 0; i < 5; i++) vault.n("          " + g.hex(80), "encrypted-blob");
  F("ansible/group_vars/prod/vars.yml")
    .n('db_password: "{{ vault_db_password }}"', "template-reference")
    .n("ansible_become_password: \"{{ lookup('env', 'BECOME_PASS') }}\"", "template-reference");

  F("secrets/prod.enc.yaml")
    .n(`db_password: ENC[AES256_GCM,data:${g.b64(24)},iv:${g.b64(43)}=,tag:${g.b64(22)}==,type:str]`, "encrypted-blob")
    .n(`api_token: ENC[AES256_GCM,data:${g.b64(56)},iv:${g.b64(43)}=,tag:${g.b64(22)}==,type:str]`, "encrypted-blob")
    .l("sops:", "    kms:")
    .n(`        - arn: arn:aws:kms:eu-west-1:${g.digits(12)}:key/${g.uuid()}`, "arn")
    .n(`          enc: AQICAHh${g.b64(240)}`, "encrypted-blob")
    .n(`    mac: ENC[AES256_GCM,data:${g.b64(88)},iv:${g.b64(43)}=,tag:${g.b64(22)}==,type:str]`, "encrypted-blob")
    .n(`    lastmodified: "2024-05-01T10:00:00Z"`, "config-value");

  F("src/db/seed.sql")
    .n(`INSERT INTO users (email, password_hash) VALUES ('admin@acme.io', '$argon2id$v=19$m=65536,t=3,p=4$${g.b64(22)}$${g.b64(43)}');`, "password-hash")
    .n(`INSERT INTO api_clients (id, name) VALUES ('${g.uuid()}', 'mobile');`, "uuid")
    .s(`INSERT INTO integrations (name, api_key) VALUES ('geo', '${g.alnum(40)}');`, "sql-literal-apikey", "sql insert");

  // ---------------------------------------------------------------- CLI flags, logs, history, IDE / API-client files
  F("scripts/bootstrap-cluster.sh")
    .l("#!/usr/bin/env bash")
    .s(`kubectl create secret generic db-creds --from-literal=username=app --from-literal=password='${g.upw(20)}'`, "kubectl-from-literal", "kubectl --from-literal")
    .s(`helm upgrade --install redis bitnami/redis --set auth.password=${g.upw(22)}`, "helm-set-password", "helm --set")
    .s(`docker run -d -e POSTGRES_PASSWORD=${g.upw(18)} -p 5432:5432 postgres:16`, "docker-run-env", "docker run -e")
    .s(`az login --service-principal -u ${g.uuid()} -p ${T.azAdSecret()} --tenant ${g.uuid()}`, "azure-ad-secret", "az login -p")
    .s(`sshpass -p '${g.upw(14)}' ssh ops@bastion.acme.io`, "sshpass", "sshpass -p")
    .s(`psql "host=pg01.acme.io port=5432 dbname=app user=report password=${g.upw(18)} sslmode=require"`, "libpq-keyvalue", "libpq conninfo")
    .s(`mongosh "mongodb+srv://analytics:${g.upw(20)}@cluster0.${g.lower(5)}.mongodb.net/reports?retryWrites=true"`, "mongodb-url", "mongodb+srv url")
    .n('kubectl create secret generic api --from-literal=token="$API_TOKEN"', "variable-reference")
    .n("PASSWORD=$(vault kv get -field=password secret/prod/db)", "variable-reference")
    .n("helm upgrade --install app ./chart --set image.tag=$(git rev-parse --short HEAD)", "code-mention");

  F("logs/app-2024-05-01.log")
    .n(`2024-05-01T10:00:00.123Z INFO request_id=${g.uuid()} trace_id=${g.hex(32)} span_id=${g.hex(16)} GET /health 200`, "log-ids")
    .s(`2024-05-01T10:00:01.456Z DEBUG outgoing request headers={"Authorization":"Bearer ${T.jwt({ sub: "svc-billing", aud: "payments", iat: 1714557600, exp: 1714561200 }, "RS256")}"}`, "jwt", "log line")
    .s(`2024-05-01T10:00:02.789Z ERROR upstream failed url=https://api.acme-partner.com/v1/orders?access_token=${g.alnum(40)}`, "url-query-token", "log url query")
    .n(`2024-05-01T10:00:03.000Z INFO user login ok user_id=${g.uuid()} session=${g.hex(8)}…`, "log-ids")
    .n(`2024-05-01T10:00:04.000Z WARN password reset requested for user_id=${g.digits(7)}`, "code-mention");

  F("ops/.bash_history")
    .n("ls -la", "config-value")
    .s(`export AWS_SECRET_ACCESS_KEY=${T.awsSecret()}`, "aws-secret", "shell history")
    .s(`gh auth login --with-token <<< ${T.ghp()}`, "github-pat", "shell history here-string")
    .s(`mysql -u root --password=${g.upw(16)} -e 'show databases'`, "mysql-cli-password", "mysql --password=")
    .n("history -c", "config-value");

  F("api/requests.http")
    .l("### list orders", "GET https://api.acme.io/v1/orders")
    .s(`Authorization: Basic ${b64("orders-admin:" + g.upw(18))}`, "basic-auth-header", ".http Basic header")
    .l("", "### create order", "POST https://api.acme.io/v1/orders")
    .n("Authorization: Bearer {{token}}", "template-reference")
    .s(`X-Api-Key: ${g.hex(40)}`, "api-key-header", ".http header");

  F("postman/acme.postman_collection.json")
    .l("{", '  "info": { "name": "acme" },', '  "auth": {', '    "type": "bearer",', '    "bearer": [')
    .s(`      { "key": "token", "value": "${g.alnum(48)}", "type": "string" }`, "postman-bearer", "postman collection key/value")
    .l("    ]", "  },", '  "variable": [')
    .n('    { "key": "baseUrl", "value": "https://api.acme.io" },', "url-no-creds")
    .n('    { "key": "token", "value": "{{ACME_TOKEN}}" }', "template-reference")
    .l("  ]", "}");

  F(".vscode/launch.json")
    .l("{", '  "configurations": [', "    {", '      "type": "node",', '      "name": "api",', '      "env": {')
    .s(`        "STRIPE_SECRET_KEY": "${T.skLive()}",`, "stripe", "vscode launch env")
    .n('        "DB_PASSWORD": "${env:DB_PASSWORD}"', "variable-reference")
    .l("      }", "    }", "  ]", "}");

  F(".idea/dataSources.xml")
    .l('<?xml version="1.0" encoding="UTF-8"?>', '<project version="4">', '  <component name="DataSourceManagerImpl">', '    <data-source name="prod" uuid="' + g.uuid() + '">')
    .s(`      <jdbc-url>jdbc:postgresql://prod-db.acme.io:5432/app?user=readonly&amp;password=${g.upw(16)}</jdbc-url>`, "jdbc-url-password", "xml jdbc url")
    .l("    </data-source>", "  </component>", "</project>");

  F("config/database.ini")
    .l("[postgresql]", "host = pg01.acme.io", "database = warehouse", "user = etl")
    .s(`password = ${g.pw(18)}`, "generic-password", "ini")
    .l("[redshift]")
    .n("password = %(REDSHIFT_PASSWORD)s", "variable-reference");

  F("serverless.yml")
    .l("service: orders", "provider:", "  name: aws", "  environment:")
    .n("    DB_PASSWORD: ${ssm:/orders/prod/db-password}", "variable-reference")
    .n("    STRIPE_KEY: ${env:STRIPE_KEY}", "variable-reference")
    .s(`    SHIPPO_TOKEN: ${T.shippo()}`, "shippo", "serverless env");

  F("cloudformation/stack.yaml")
    .l("Parameters:", "  DBPassword:", "    Type: String", "    NoEcho: true")
    .s(`    Default: "${g.pw(18)}"`, "cfn-default-password", "cloudformation NoEcho default")
    .l("Resources:", "  Hook:", "    Properties:")
    .n("      Token: !Ref GitHubToken", "variable-reference")
    .n("      Secret: '{{resolve:secretsmanager:prod/api:SecretString:token}}'", "template-reference");

  F("config/packages/doctrine.yaml")
    .l("doctrine:", "    dbal:")
    .n("        url: '%env(resolve:DATABASE_URL)%'", "variable-reference")
    .n("        password: '%" + "env(DB_PASSWORD)%'", "variable-reference");

  F("config/redacted-dump.yml")
    .l("# exported from the admin UI; secrets are masked")
    .n('api_key: "[REDACTED]"', "masked")
    .n('password: "********"', "masked")
    .n("token: ***", "masked")
    .n('client_secret: "<hidden>"', "masked")
    .n(`secret_version: "${g.hex(32)}"`, "secret-named-non-secret")
    .n(`api_key_id: "${g.uuid()}"`, "secret-named-non-secret")
    .n(`password_updated_at: "2024-03-01T12:00:00Z"`, "secret-named-non-secret")
    .n(`token_sha256: "${g.hex(64)}"`, "secret-named-non-secret")
    .n(`public_key: "${g.b64(44)}"`, "secret-named-non-secret");

  F("src/scanner/patterns.ts")
    .n("export const GITHUB_TOKEN_RE = /ghp_[A-Za-z0-9]{36}/;", "regex-in-code")
    .n("export const AWS_KEY_RE = /(AKIA|ASIA)[A-Z2-7]{16}/;", "regex-in-code")
    .n('export const SLACK_RE = new RegExp("xox[baprs]-[0-9A-Za-z-]{10,48}");', "regex-in-code")
    .n('const PRIVATE_KEY_HEADER = "-----BEGIN " + "PRIVATE KEY-----";', "code-mention");

  // ---------------------------------------------------------------- assemble
  const out = { seed, files: [], positives: [], negatives: [] };
  for (const f of files) {
    out.files.push({ path: f.path, text: f.lines.join("\n") + "\n" });
    for (const p of f.pos) out.positives.push({ path: f.path, ...p });
    for (const n of f.neg) out.negatives.push({ path: f.path, ...n });
  }
  return out;
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
  if (!dir) {
    console.error("usage: node generate.mjs OUTDIR [--seed N]");
    process.exit(2);
  }
  const i = process.argv.indexOf("--seed");
  const corpus = generateIndependentCorpus(i > 0 ? { seed: Number(process.argv[i + 1]) } : {});
  writeCorpus(dir, corpus);
  writeFileSync(join(dir, "..", "labels.json"), JSON.stringify({ positives: corpus.positives, negatives: corpus.negatives }, null, 1));
  console.log(`${corpus.files.length} files, ${corpus.positives.length} labelled secrets, ${corpus.negatives.length} hard negatives`);
}
