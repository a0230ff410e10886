/** What a migration importer returns: decisions for current findings, and what it could not place. */
import type { Finding } from "../engine/types.js";
import type { AuditState } from "./baseline-file.js";

/** A current finding the foreign baseline already knew about, with the decision it carried. */
export interface ImportDecision {
  finding: Finding;
  state: AuditState;
  note: string;
}

/** Result of importing one foreign file. */
export interface ImportResult {
  decisions: ImportDecision[];
  /** Foreign entries no current finding matched (described without any secret). */
  unmatched: string[];
}

/** The foreign formats `baseline import` reads. */
export type ImportFormat = "detect-secrets" | "gitleaks";
