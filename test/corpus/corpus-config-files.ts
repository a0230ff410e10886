/** Corpus part 2: .env, properties, YAML, Terraform, shell, Dockerfile, XML, CI files. */
import type { CorpusBuilder } from "./corpus-builder.js";

export function configFiles(b: CorpusBuilder): void {
  const S = (family: string, v: string) => b.secret(family, v);
  const D = (kind: string, v: string) => b.decoy(kind, v);

  b.file(".env", `NODE_ENV=production
PORT=3000
DATABASE_URL=postgresql://app:${S("connection-strings", b.r("alnum", 24))}@prod-db.cluster-${b.r("loweralnum", 12)}.eu-west-1.rds.amazonaws.com:5432/app
REDIS_URL=rediss://default:${S("connection-strings", b.r("alnum", 32))}@cache.acme.io:6380
OPENAI_API_KEY=${S("ai", `sk-proj-${b.r("base64url", 156)}`)}
ANTHROPIC_API_KEY=${S("ai", `sk-ant-api03-${b.r("base64url", 93)}AA`)}
DD_API_KEY=${S("observability", b.r("hex", 32))}
SESSION_SECRET=${S("generic", b.r("base64url", 48))}
JWT_SECRET=${D("env-ref", "${JWT_SECRET}")}
API_KEY=
SECRET=${D("placeholder", "changeme")}
LOG_LEVEL=info
TOKEN_TTL=${D("number", "86400")}
PUBLIC_URL=https://shop.acme.io
SENTRY_ENVIRONMENT=production
`);

  b.file(".env.example", `DATABASE_URL=postgres://user:${D("placeholder", "password")}@localhost:5432/app
STRIPE_SECRET_KEY=${D("stripe-placeholder", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx")}
OPENAI_API_KEY=${D("doc-placeholder", "sk-...")}
GITHUB_TOKEN=${D("angle-placeholder", "<github-token>")}
SLACK_WEBHOOK_URL=${D("slack-doc", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")}
AWS_SECRET_ACCESS_KEY=${D("placeholder", "your_secret_access_key")}
SENDGRID_API_KEY=${D("placeholder", "SG.your-key-here")}
`);

  b.file("config/application.properties", `server.port=8080
spring.datasource.url=jdbc:postgresql://db.internal:5432/billing
spring.datasource.username=billing
spring.datasource.password=${S("generic", `${b.r("alnum", 10)}${b.r("digits", 3)}`)}
spring.mail.password=${D("env-ref", "${MAIL_PASSWORD}")}
jwt.secret=${S("generic", b.r("base64", 44))}
jwt.expiration=${D("number", "3600000")}
management.endpoints.web.exposure.include=health,info
spring.security.oauth2.client.registration.google.client-secret=${S("gcp", `GOCSPX-${b.r("base64url", 28)}`)}
spring.security.oauth2.client.registration.google.client-id=${D("oauth-client-id", `${b.r("digits", 12)}-${b.r("loweralnum", 32)}.apps.googleusercontent.com`)}
`);

  b.file("deploy/k8s/secret.yml", `apiVersion: v1
kind: Secret
metadata:
  name: api-secrets
type: Opaque
stringData:
  db-password: ${S("generic", b.r("alnum", 20))}
  stripe-key: ${S("stripe", `sk_live_${b.r("alnum", 24)}`)}
---
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api@${D("image-digest", `sha256:${b.r("hex", 64)}`)}
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${D("k8s-ref", "api-secrets")}
                  key: db-password
`);

  b.file("deploy/helm/values.yml", `image:
  repository: ghcr.io/acme/api
  tag: "${D("git-sha", b.r("hex", 40))}"
auth:
  existingSecret: api-secrets
  passwordKey: ${D("key-name", "db-password")}
  tokenSecretRef: ${D("k8s-ref", "api-token-v2")}
datadog:
  apiKeyExistingSecret: datadog-secret
vault:
  token: ${S("cloud-platforms", `hvs.${b.r("base64url", 90)}`)}
sops:
  api_key: ${D("sops", `ENC[AES256_GCM,data:${b.r("base64", 40)},iv:${b.r("base64", 43)}=,tag:${b.r("base64", 22)}==,type:str]`)}
ansible_password: !vault |
  $ANSIBLE_VAULT;1.1;AES256
  ${D("ansible-vault", b.r("hex", 64))}
`);

  b.file(".github/workflows/deploy.yml", `name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${D("action-sha", b.r("hex", 40))}
      - run: ./deploy.sh
        env:
          GITHUB_TOKEN: ${D("gha-secret", "${{ secrets.GITHUB_TOKEN }}")}
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
          DIGITALOCEAN_TOKEN: ${S("cloud-platforms", `dop_v1_${b.r("hex", 64)}`)}
      - run: echo "token=\${{ steps.auth.outputs.token }}" >> $GITHUB_OUTPUT
`);

  b.file("docker-compose.yml", `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${S("generic", `${b.r("alnum", 12)}${b.r("digits", 4)}`)}
  rabbit:
    image: rabbitmq:3-management
    environment:
      RABBITMQ_URL: amqps://svc:${S("connection-strings", b.r("alnum", 20))}@mq.acme.io:5671/prod
  worker:
    environment:
      MONGO_URI: mongodb+srv://worker:${S("connection-strings", b.r("alnum", 16))}@cluster0.${b.r("loweralnum", 5)}.mongodb.net/jobs
      API_TOKEN_FILE: ${D("path", "/run/secrets/api_token")}
`);

  b.file("infra/main.tf", `provider "aws" {
  region     = "us-east-1"
  access_key = "${S("aws", `AKIA${b.r("b32", 16)}`)}"
  secret_key = "${S("aws", b.r("base64", 40))}"
}

resource "aws_db_instance" "main" {
  username = "admin"
  password = ${D("tf-ref", "var.db_password")}
}

resource "random_password" "db" {
  length = 32
}

variable "api_token" {
  type      = string
  sensitive = true
}

terraform {
  cloud {
    organization = "acme"
  }
}
`);

  b.file("infra/terraform.tfvars", `db_password = "${S("generic", `${b.r("alnum", 14)}`)}"
datadog_app_key = "${S("observability", b.r("hex", 40))}"
cloudflare_api_token = "${S("cloud-platforms", b.r("base64url", 40))}"
environment = "production"
kms_key_arn = "${D("arn", `arn:aws:kms:us-east-1:${b.r("digits", 12)}:key/${b.uuid()}`)}"
`);

  b.file("scripts/deploy.sh", `#!/usr/bin/env bash
set -euo pipefail
export VAULT_ADDR=https://vault.acme.io:8200
export TFE_TOKEN=${S("cloud-platforms", `${b.r("alnum", 14)}.atlasv1.${b.r("base64url", 67)}`)}
export HEROKU_API_KEY=${S("cloud-platforms", b.uuid())}
export GITLAB_TOKEN=${S("gitlab", `glpat-${b.r("base64url", 20)}`)}
export TOKEN=$(vault kv get -field=token secret/deploy)
export PASSWORD=${D("env-ref", "${DEPLOY_PASSWORD:?missing}")}
curl -sf -u admin:${S("connection-strings", b.r("alnum", 20))} https://jenkins.acme.io/job/deploy/build
curl -H "Authorization: Bearer $TOKEN" https://api.acme.io/deploy
git push https://x-access-token:${D("gha-secret", "${GITHUB_TOKEN}")}@github.com/acme/api.git
`);

  b.file("Dockerfile", `FROM node:20-alpine@${D("image-digest", `sha256:${b.r("hex", 64)}`)}
ARG NPM_TOKEN
ENV NODE_ENV=production
RUN echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
ENV SENTRY_AUTH_TOKEN=${S("observability", `sntryu_${b.r("hex", 64)}`)}
ENV LINEAR_API_KEY=${S("dev-tools", `lin_api_${b.r("alnum", 40)}`)}
COPY . .
CMD ["node", "dist/server.js"]
`);

  b.file(".npmrc", `@acme:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=${S("github", b.ghToken("ghp"))}
//registry.npmjs.org/:_authToken=${S("package-registries", b.ghToken("npm"))}
always-auth=true
`);

  b.file(".pypirc", `[distutils]
index-servers = pypi

[pypi]
username = __token__
password = ${S("package-registries", `pypi-AgEIcHlwaS5vcmc${b.r("base64url", 150)}`)}
`);

  b.file("settings.xml", `<settings>
  <servers>
    <server>
      <id>nexus-releases</id>
      <username>deployer</username>
      <password>${S("generic", b.r("alnum", 20))}</password>
    </server>
    <server>
      <id>nexus-snapshots</id>
      <password>${D("env-ref", "${env.NEXUS_PASSWORD}")}</password>
    </server>
  </servers>
</settings>
`);

  b.file("src/Api/Web.config", `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <appSettings>
    <add key="PaymentGatewayApiKey" value="${S("generic", b.r("alnum", 32))}" />
    <add key="TokenLifetimeMinutes" value="${D("number", "60")}" />
    <add key="ClientSecret" value="${D("octopus-var", "#{ClientSecret}")}" />
  </appSettings>
</configuration>
`);

  b.file("config/integrations.yml", `slack:
  bot_token: ${S("slack", `xoxb-${b.r("digits", 11)}-${b.r("digits", 12)}-${b.r("alnum", 24)}`)}
  signing_secret_ref: ${D("secret-manager-ref", "projects/acme/secrets/slack-signing/versions/latest")}
discord:
  webhook: https://discord.com/api/webhooks/${b.r("digits", 19)}/${S("messaging", b.r("base64url", 68))}
shopify:
  api_version: "${D("version", "2024-01")}"
  access_token: ${S("payments", `shpat_${b.r("hex", 32)}`)}
square:
  access_token: ${S("payments", `sq0atp-${b.r("base64url", 22)}`)}
postman:
  api_key: ${S("dev-tools", `PMAK-${b.r("hex", 24)}-${b.r("hex", 34)}`)}
doppler:
  token: ${S("cloud-platforms", `dp.st.prd.${b.r("alnum", 43)}`)}
braintree:
  token: ${S("payments", `access_token$production$${b.r("loweralnum", 16)}$${b.r("hex", 32)}`)}
feature_flags:
  checkout_v2: true
  auth_provider: ${D("word", "okta")}
  token_endpoint_auth_method: ${D("word-chain", "client_secret_basic")}
`);

  b.file("src/i18n/en.json", JSON.stringify({
    "auth.password.label": "Password",
    "auth.password.reset": D("i18n", "Reset your password"),
    "auth.token.expired": "Your session token has expired",
    "auth.apiKey.help": D("i18n", "Create an API key in Settings > Developer"),
    "settings.secret.title": "Secrets",
  }, null, 2) + "\n");
}
