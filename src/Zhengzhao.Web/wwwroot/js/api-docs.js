// Runs before the API reference's bundle. Its schema library (Zod) probes whether it may compile validators with
// Function(), which the CSP refuses and reports as a violation; jitless tells it to validate without compiling, so
// the policy needs no 'unsafe-eval' and the reference raises no report.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
