/** Shapes shared by the rule pack, the engine, the sources and the reporters. */

/** How sure we are that a match is a live credential. */
export type Confidence = "high" | "medium" | "low";

/** Offline structure or checksum checks a rule can ask for (see src/engine/validators.ts). */
export type ValidatorName = "github-crc32" | "npm-crc32" | "jwt" | "pem" | "json-private-key" | "basic-auth-base64";

/** One rule as written in patterns/*.json (and in the user config's `rules`). */
export interface RuleSpec {
  /** kebab-case, unique across the pack. */
  id: string;
  description: string;
  /** JavaScript regex source. Must run in linear time. */
  regex: string;
  /** Extra flags ("i", "s", "m"); "g" and "d" are always added. */
  flags?: string;
  /** Capture group holding the secret (default 1, or 0 when the regex has no group). */
  secretGroup?: number;
  /**
   * Lower-case literals, at least one of which must occur in the text for the rule to run. Empty
   * only with `path`: the rule then runs on the whole text of every file the path matches (a file
   * whose name says what it holds, such as Rails' config/master.key).
   */
  keywords: string[];
  /**
   * Literals that must all occur in a search window (case-sensitive) before the regex runs there: a
   * second, cheaper filter after the keyword (url-basic-auth needs "@" after "://").
   */
  requires?: string[];
  /** Minimum Shannon entropy (bits per char) of the secret. */
  entropy?: number;
  /** Offline check that raises (or, when `strict`, decides) confidence. */
  validate?: ValidatorName;
  /** Longest text the regex can match, used to size search windows in long lines (default 512). */
  maxLength?: number;
  /** The match can span lines (PEM blocks); the search window extends across lines. */
  multiline?: boolean;
  /** Only files whose path matches this regex are searched. */
  path?: string;
  severity?: "critical" | "high" | "medium" | "low";
  /** Remediation advice for reports (SARIF help text). */
  remediation?: string;
  /** Skip the shared placeholder filter (EXAMPLE, xxxx, ${VAR}, ...). */
  noPlaceholderFilter?: boolean;
  allowlist?: {
    /** Regexes tested against the secret; a match drops the finding. */
    regexes?: string[];
    /** Case-insensitive substrings; a secret containing one is dropped. */
    stopwords?: string[];
    /** Regexes tested against the whole line. */
    lineRegexes?: string[];
  };
  /** Executable examples: templates expanded by test/support/expand-template.ts. */
  examples: {
    /** Each must yield exactly one finding of this rule. */
    positive: string[];
    /** Each must yield no finding of this rule. */
    negative: string[];
  };
  /** Where the format is documented. */
  reference?: string;
}

/** A patterns/*.json file. */
export interface RuleFile {
  family: string;
  rules: RuleSpec[];
}

/** A piece of text to scan: a whole file, or the added lines of a diff. */
export interface Fragment {
  /** Path relative to the scan root, forward slashes. */
  path: string;
  text: string;
  /** For diff fragments: lineMap[i] is the file line number of the fragment's line i+1. */
  lineMap?: ArrayLike<number>;
  /**
   * `text` holds UTF-8 bytes, one character per byte (decoded as latin1: twice as fast as UTF-8,
   * and the rules only look for ASCII). Findings come out as for the decoded text: the secret
   * decoded, columns in UTF-16 code units.
   */
  utf8Bytes?: boolean;
}

/** Why a match was not reported (only kept when the caller asks for suppressed findings). */
export type SuppressedBy = "inline" | "allowlist" | "baseline" | "path";

/** What the engine finds in one fragment. */
export interface Finding {
  ruleId: string;
  description: string;
  /** Path relative to the scan root, forward slashes. */
  file: string;
  /** 1-based line of the secret's first character in the file. */
  line: number;
  /** 1-based column (UTF-16 code units) of the secret's first character. */
  column: number;
  endLine: number;
  endColumn: number;
  /** The full secret. Internal only: reporters must redact it. */
  secret: string;
  entropy: number;
  confidence: Confidence;
  severity: "critical" | "high" | "medium" | "low";
  /** Stable identity: rule + file + secret, never the position. */
  fingerprint: string;
  /** History scans. */
  commit?: string;
  author?: string;
  email?: string;
  date?: string;
  message?: string;
  /** The secret was found decoded from this encoding (e.g. a Kubernetes Secret's base64 data). */
  encoding?: "base64";
  /** Set when the finding was suppressed (reported only with --show-allowed). */
  suppressedBy?: SuppressedBy;
}

/** Counters a scan reports. */
export interface ScanStats {
  files: number;
  bytes: number;
  commits: number;
  durationMs: number;
}
