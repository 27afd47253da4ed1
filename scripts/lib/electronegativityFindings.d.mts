// Types for the tests that import the reader (the scripts themselves are plain ESM).
export interface ElectronegativityFinding {
  check: string;
  level: string;
  file: string;
  location: string;
  description: string;
}
export function readElectronegativityFindings(text: string): ElectronegativityFinding[];
