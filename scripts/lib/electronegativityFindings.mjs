// Reads Electronegativity's SARIF report into findings the security scan can
// match against build/security-review.json.
//
// Why SARIF and not CSV: Electronegativity 1.10 writes its CSV header and its
// rows with two concurrent fs.writeFile calls (one truncating, one appending).
// On a busy machine the header can land on top of the first rows, so fields of
// one finding run into the next and no parser can recover them. The SARIF
// report is one JSON document written in one call, and JSON has no quoting
// rules of its own to get wrong. zod checks its shape so a changed format
// fails with a sentence instead of a silently empty list.
import { z } from 'zod';

const sarifReport = z.object({
  runs: z
    .array(
      z.object({
        results: z.array(
          z.object({
            ruleId: z.string().min(1),
            level: z.string(),
            message: z.object({ text: z.string() }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: z.string() }),
                    region: z.object({ startLine: z.number().int(), startColumn: z.number().int() }),
                  }),
                }),
              )
              .min(1),
          }),
        ),
      }),
    )
    .min(1),
});

/**
 * @param {string} text the SARIF file's content
 * @returns {{ check: string, level: string, file: string, location: string, description: string }[]}
 */
export function readElectronegativityFindings(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Electronegativity's SARIF report is not valid JSON (${error.message}).`, { cause: error });
  }
  const parsed = sarifReport.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Electronegativity's SARIF report does not have the expected shape: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data.runs.flatMap((run) =>
    run.results.map((result) => {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      return {
        check: result.ruleId,
        // "note" = a point for manual review, "warning" = a misconfiguration found.
        level: result.level,
        // With -r the path is relative to the scanned folder, forward slashes on every OS.
        file: artifactLocation.uri.replaceAll('\\', '/'),
        location: `${region.startLine}:${region.startColumn}`,
        description: result.message.text,
      };
    }),
  );
}
