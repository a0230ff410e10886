/** Corpus part 1: application source in eight languages, plus docs and a minified bundle. */
import type { CorpusBuilder } from "./corpus-builder.js";

export function sourceFiles(b: CorpusBuilder): void {
  const S = (family: string, v: string) => b.secret(family, v);
  const D = (kind: string, v: string) => b.decoy(kind, v);

  b.file("src/config/aws.ts", `import { S3Client } from "@aws-sdk/client-s3";

// Credentials for the reporting bucket (TODO: move to SSM)
export const s3 = new S3Client({
  region: "eu-west-1",
  credentials: {
    accessKeyId: "${S("aws", `AKIA${b.r("b32", 16)}`)}",
    secretAccessKey: "${S("aws", b.r("base64", 40))}",
  },
});

// From the AWS docs, do not use: ${D("aws-doc-key", "AKIAIOSFODNN7EXAMPLE")} / ${D("aws-doc-secret", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")}
export const requestId = "${D("uuid-id", b.uuid())}";
export const buildCommit = "${D("git-sha", b.r("hex", 40))}";
export const region = process.env.AWS_REGION ?? "eu-west-1";
const accessKeyId = ${D("env-ref", "process.env.AWS_ACCESS_KEY_ID")};
`);

  b.file("src/firebase.ts", `import { initializeApp } from "firebase/app";

const firebaseConfig = {
  apiKey: "${S("gcp", `AIza${b.r("base64url", 35)}`)}",
  authDomain: "${D("firebase-domain", "acme-shop-4821.firebaseapp.com")}",
  projectId: "acme-shop-4821",
  storageBucket: "acme-shop-4821.appspot.com",
  messagingSenderId: "${D("firebase-sender", b.r("digits", 12))}",
  appId: "${D("firebase-app-id", `1:${b.r("digits", 12)}:web:${b.r("hex", 22)}`)}",
  measurementId: "G-${b.r("upperalnum", 10)}",
};
export const app = initializeApp(firebaseConfig);
`);

  b.file("src/utils/cache.ts", `const CACHE_KEY = "${D("cache-key", `profile-v3-${b.r("hex", 8)}`)}";
const sortKey = "${D("sort-key", "createdAtDescending")}";
export const TOKEN_STORAGE_KEY = "${D("storage-key", "auth-token-storage-key")}";
export const primaryKey = "userAccountId";
const keyPath = "${D("key-path", "/etc/ssl/private/server.key")}";
const authorName = "Jane Doe";
export function cacheKeyFor(id: string): string {
  const key = \`user:\${id}:${D("key-suffix", b.r("hex", 12))}\`;
  return key;
}
const etag = "W/\\"${D("etag", b.r("hex", 32))}\\"";
const token = await getToken(user);
const password = ${D("var-ref", "req.body.password")};
const integrity = "${D("sri-hash", `sha384-${b.r("base64", 64)}`)}";
`);

  b.file("src/components/LoginForm.tsx", `export function LoginForm() {
  const [password, setPassword] = useState("");
  const passwordLabel = t("${D("i18n-key", "auth.login.password_label")}");
  return (
    <form>
      <input type="password" name="password" autoComplete="current-password" />
      <input type="hidden" name="csrf_token" value={csrfToken} />
      <img src="data:image/png;base64,${D("data-uri", `iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA${b.r("base64", 220)}`)}" alt="" />
    </form>
  );
}
`);

  b.file("services/payments.py", `import os
import stripe
from sendgrid import SendGridAPIClient

stripe.api_key = "${S("stripe", `sk_live_${b.r("alnum", 99)}`)}"
STRIPE_PUBLISHABLE_KEY = "${D("stripe-pk", `pk_live_${b.r("alnum", 99)}`)}"
STRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]
sg = SendGridAPIClient("${S("messaging", `SG.${b.r("base64url", 22)}.${b.r("base64url", 43)}`)}")
TWILIO_ACCOUNT_SID = "${D("twilio-sid", `AC${b.r("hex", 32)}`)}"
TWILIO_AUTH_TOKEN = "${S("messaging", b.r("hex", 32))}"
tokenizer = AutoTokenizer.from_pretrained("${D("model-name", "bert-base-uncased")}")
max_tokens = 4096
password_hash = "${D("sha256", b.r("hex", 64))}"
secret_name = "${D("secret-name", "prod/payments/stripe")}"
`);

  b.file("app/settings.py", `DEBUG = False
SECRET_KEY = "${S("generic", `${b.r("alnum", 20)}!@#%^&*-_=+${b.r("alnum", 20)}`)}"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.getenv("${D("env-name", "DATABASE_PASSWORD")}"),
    }
}
AUTH_PASSWORD_VALIDATORS = [{"NAME": "${D("dotted-name", "django.contrib.auth.password_validation.MinimumLengthValidator")}"}]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
HF_TOKEN = "${S("ai", `hf_${b.r("upper", 10)}${b.r("lower", 24)}`)}"
`);

  b.file("cmd/server/main.go", `package main

import (
\t"database/sql"
\t"os"
)

const githubToken = "${S("github", b.ghToken("ghp"))}"
const commitSHA = "${D("git-sha", b.r("hex", 40))}"

func main() {
\tdsn := "postgres://orders:${S("connection-strings", b.r("alnum", 22))}@db.internal.acme.io:5432/orders?sslmode=require"
\tdb, _ := sql.Open("postgres", dsn)
\tpassword := os.Getenv("DB_PASSWORD")
\ttoken := r.Header.Get("Authorization")
\tcfg := Config{Password: ${D("go-field-ref", "cfg.Password")}, APIKey: os.Getenv("API_KEY")}
\tlocal := "${D("dev-dsn", "postgres://postgres:postgres@localhost:5432/dev")}"
\t_ = db
}
`);

  b.file("src/main/java/com/acme/notify/SlackNotifier.java", `package com.acme.notify;

public final class SlackNotifier {
    private static final String WEBHOOK = "https://${S("slack", `hooks.slack.com/services/T${b.r("upperalnum", 10)}/B${b.r("upperalnum", 10)}/${b.r("alnum", 24)}`)}";
    private static final String API_KEY = "${S("generic", b.r("alnum", 32))}";
    private static final String PASSWORD_PARAM = "${D("param-name", "password")}";
    @Value("\${jwt.secret}")
    private String jwtSecret;
    private static final String BOT_TOKEN = "${S("slack", `xoxb-${b.r("digits", 12)}-${b.r("digits", 13)}-${b.r("alnum", 24)}`)}";
    private final String keystorePassword = System.getenv("${D("env-name", "KEYSTORE_PASSWORD")}");
}
`);

  b.file("app/services/notifier.rb", `class Notifier
  MAILGUN_KEY = "${S("messaging", `key-${b.r("hex", 32)}`)}"
  TELEGRAM_BOT = "${S("messaging", `${b.r("digits", 10)}:AA${b.r("base64url", 33)}`)}"
  def token
    ENV.fetch("${D("env-name", "NOTIFIER_TOKEN")}")
  end
  def aws_secret
    Rails.application.credentials.dig(:aws, :secret_access_key)
  end
  PASSWORD_FORMAT = /\\A(?=.*\\d)(?=.*[a-z]).{8,}\\z/
end
`);

  b.file("public/index.php", `<?php
$db_password = '${S("generic", `${b.r("alnum", 6)}#${b.r("alnum", 8)}`)}';
$mailchimp = new MailchimpMarketing\\ApiClient();
$mailchimp->setConfig(['apiKey' => '${S("messaging", `${b.r("hex", 32)}-us14`)}', 'server' => 'us14']);
$token = getenv('${D("env-name", "SHOP_TOKEN")}');
$password = $_POST['password'];
$shopify_token = '${S("payments", `shpat_${b.r("hex", 32)}`)}';
`);

  b.file("src/Api/Startup.cs", `public class Startup
{
    private const string StorageConnection = "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${S("azure", `${b.r("base64", 86)}==`)};EndpointSuffix=core.windows.net";
    private const string Dev = "${D("azurite", "UseDevelopmentStorage=true")}";
    public void Configure(IConfiguration configuration)
    {
        var jwtKey = configuration["${D("config-path", "Jwt:Key")}"];
        var clientSecret = "${S("azure", `${b.r("alnum", 3)}8Q~${b.r("base64url", 34)}`)}";
        var apiKeyHeaderName = "${D("header-name", "X-Api-Key")}";
    }
}
`);

  b.file("src/Api/appsettings.json", JSON.stringify({
    ConnectionStrings: {
      Default: `Server=sql-prod.acme.net;Database=Orders;User Id=orders_app;Password=${S("connection-strings", b.r("alnum", 18))};`,
      Local: D("localdb", "Server=(localdb)\\mssqllocaldb;Database=Orders;Trusted_Connection=True;"),
    },
    Jwt: { Issuer: "https://auth.acme.io", Audience: "orders-api", Key: "${JWT_SIGNING_KEY}" },
    Logging: { LogLevel: { Default: "Information" } },
    // A Sentry DSN is public by design (every browser sends it): a decoy, like gitleaks' default.
    Sentry: { Dsn: D("sentry-dsn-public", `https://${b.r("hex", 32)}@o${b.r("digits", 6)}.ingest.sentry.io/${b.r("digits", 7)}`) },
  }, null, 2) + "\n");

  b.file("tests/auth.test.ts", `import { verify } from "../src/auth";

// Fixture captured from staging: rotate if this ever reaches prod
const stagingToken = "${S("jwt", b.jwt())}";
// jwt.io sample token from the documentation
const sample = "${D("jwt-io-sample", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")}";
const fakeGithub = "${D("gh-placeholder", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")}";
const mockKey = "${D("stripe-placeholder", "sk_test_XXXXXXXXXXXXXXXXXXXXXXXX")}";
const secret = "${D("placeholder", "changeme")}";
const apiKey = "${D("angle-placeholder", "<your-api-key>")}";
const emptyPassword = "";
`);

  b.file("README.md", `# Orders service

## Configuration

Set \`OPENAI_API_KEY\` in \`.env\`, for example \`OPENAI_API_KEY=${D("doc-placeholder", "sk-proj-...")}\`.

\`\`\`bash
export AWS_ACCESS_KEY_ID=${D("aws-doc-key", "AKIAIOSFODNN7EXAMPLE")}
export GITHUB_TOKEN=${D("angle-placeholder", "<your-token>")}
curl -H "Authorization: Bearer $TOKEN" https://api.acme.io/v1/orders
curl -u "$USER:$PASSWORD" https://api.acme.io/v1/health
\`\`\`

Connect locally with \`${D("dev-dsn", "postgres://postgres:postgres@localhost:5432/orders")}\`.

Debugging session (remove!):

\`\`\`
curl -H "Authorization: Bearer ${S("observability", `NRAK-${b.r("upperalnum", 27)}`)}" https://api.newrelic.com/graphql
\`\`\`

The deploy key fingerprint is \`SHA256:${D("ssh-fingerprint", b.r("base64", 43))}\`.
`);

  const chunk = () => b.r("alnum", 2) + b.r("lower", 4);
  const filler = Array.from({ length: 40 }, (_, i) =>
    `function ${chunk()}(e,t){var n=e.key||"${D("minified-hash", b.r("hex", 20))}";return t[n]||(t[n]={id:${i},h:"${b.r("base64url", 16)}"}),t[n]}`).join(";");
  b.file("dist/app.min.js", `!function(){"use strict";${filler};var cfg={stripeKey:"${S("stripe", `rk_live_${b.r("alnum", 40)}`)}",sentry:"https://${D("sentry-dsn-public", `${b.r("hex", 32)}@o${b.r("digits", 6)}.ingest.sentry.io/${b.r("digits", 7)}`)}",chunk:"${D("chunk-hash", `main.${b.r("hex", 8)}.js`)}",sortKey:"${D("minified-key", b.r("base64url", 24))}"};window.__cfg=cfg}();\n`);
}
