/** SARIF rule descriptors (tool.driver.rules) for the rules a report uses. */
import type { ReportingDescriptor } from "sarif";
import type { Finding } from "../engine/types.js";
import type { RuleMeta, Severity } from "./scan-report.js";

/** GitHub code scanning's `security-severity` (a CVSS-like score, as a string) per severity. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};

/** Advice when a rule carries no remediation of its own. */
export const DEFAULT_REMEDIATION =
  "Revoke or rotate the credential at its issuer, remove it from the code (and from the git history " +
  "if it was pushed), and load it at run time from a secret store or an environment variable.";

/** Descriptors for every rule id in `findings`, in first-use order, and each id's index. */
export function ruleDescriptors(
  findings: readonly Finding[],
  rules: readonly RuleMeta[] = [],
): { descriptors: ReportingDescriptor[]; index: Map<string, number> } {
  const known = new Map(rules.map((r) => [r.id, r]));
  const index = new Map<string, number>();
  const descriptors: ReportingDescriptor[] = [];
  for (const f of findings) {
    if (index.has(f.ruleId)) continue;
    const meta = known.get(f.ruleId) ?? { id: f.ruleId, description: f.description };
    index.set(f.ruleId, descriptors.length);
    descriptors.push(descriptor({ ...meta, severity: meta.severity ?? f.severity }));
  }
  return { descriptors, index };
}

/** One rule's descriptor: names, descriptions, help with remediation, security-severity. */
export function descriptor(rule: RuleMeta): ReportingDescriptor {
  const severity = rule.severity ?? "high";
  const remediation = sentence(rule.remediation ?? DEFAULT_REMEDIATION);
  const reference = rule.reference ? `\n\nToken format: ${rule.reference}` : "";
  const d: ReportingDescriptor = {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: sentence(rule.description) },
    fullDescription: {
      text: sentence(`${rule.description} committed to the repository or present in its history`),
    },
    help: {
      text: `${remediation}${reference}`,
      markdown: `**Remediation.** ${remediation}${rule.reference ? `\n\nToken format: <${rule.reference}>` : ""}`,
    },
    defaultConfiguration: { level: "error" },
    properties: {
      "security-severity": SECURITY_SEVERITY[severity],
      tags: ["security", "secret", "external/cwe/cwe-798"],
      precision: "high",
    },
  };
  if (rule.reference && /^https?:\/\//.test(rule.reference)) d.helpUri = rule.reference;
  return d;
}

/** `github-pat` -> `GithubPat` (SARIF rule names are identifiers, not sentences). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** Text ending with a period, as the SARIF validator asks of every message (SARIF2001). */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
