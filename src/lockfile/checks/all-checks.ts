import type { Check } from "../types.js";
import { checkDrift } from "./check-drift.js";
import { checkDuplicates } from "./check-duplicates.js";
import { checkFileOutside } from "./check-file-outside.js";
import { checkGitPin } from "./check-git-pin.js";
import { checkHost } from "./check-host.js";
import { checkIntegrity } from "./check-integrity.js";
import { checkProtocol } from "./check-protocol.js";
import { checkScheme } from "./check-scheme.js";
import { checkTarballName } from "./check-tarball-name.js";
import { checkTarballVersion } from "./check-tarball-version.js";

/** Every check, in report order: where it comes from, what it is, then drift and duplicates. */
export const ALL_CHECKS: readonly Check[] = [
  checkHost,
  checkProtocol,
  checkScheme,
  checkGitPin,
  checkTarballName,
  checkTarballVersion,
  checkIntegrity,
  checkFileOutside,
  checkDrift,
  checkDuplicates,
];
