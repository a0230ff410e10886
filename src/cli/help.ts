/** The --help text. */
export const HELP = `scan-secrets: find secrets before they reach a repository, and in its history.

Usage:
  scan-secrets [PATH...]                 scan files of the working tree (honours .gitignore)
  scan-secrets --staged                  scan what the next commit adds (the pre-commit hook)
  scan-secrets --history                 scan every commit reachable from any ref
  scan-secrets baseline update [--history] [PATH...]
  scan-secrets baseline audit [--format json] [--mark FINGERPRINT --as STATE --note TEXT] [--interactive]
  scan-secrets baseline import FILE [--from detect-secrets|gitleaks]   .secrets.baseline, .gitleaksignore or a gitleaks report
  scan-secrets verify-lockfile [--cwd DIR]
  scan-secrets install [--force] | uninstall

Scan options:
  -f, --format text|json|sarif|github    report format (default text)
  -o, --output FILE                      write the report to FILE
      --baseline FILE | --no-baseline    baseline to apply (default .secrets-baseline.json)
      --config FILE                      configuration (default .scan-secrets.json)
      --max-file-size SIZE               skip larger files (default 10MB)
      --redact N                         percent of each secret hidden (default: at most 4 chars shown)
      --show-allowed                     also list findings that allowlists, inline comments or the baseline suppressed
      --no-inline-allow                  ignore scan-secrets:allow comments (CI)
      --fail-on-unaudited                baseline entries still unaudited do not suppress their findings
      --keep-missing                     baseline update: keep entries no longer found
  -q, --quiet                            no notices on stderr
  -j, --jobs N                           work-tree scanning threads (default: one per core up to 4; one on 2 cores)

History options:
      --range A..B | --since DATE | --branch REF
      --cache FILE                       remember scanned commits; re-runs scan only new ones
      --all-occurrences                  list every commit a secret appears in
  -j, --jobs N                           matching threads (default: cores - 1, up to 8)
      --shard I/N                        scan one deterministic share of the commits
      --progress | --no-progress

Exit codes: 0 nothing found, 1 findings, 2 usage, configuration, git or parse error.
`;
