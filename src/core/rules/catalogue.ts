// The rule catalogue as the CLI and the task pane list it.
import { Severity } from '../diagnostic';

export interface RuleInfo {
  /** Stable id `family.name`. */
  id: string;
  severity: Severity;
  /** Profile ids the rule applies to, or ['*'] for all. */
  profiles: string[];
  /** zh-CN one-line description. */
  description: string;
}

// Filled by rules/index.ts as rules are registered.
export const ruleCatalogue: RuleInfo[] = [];
