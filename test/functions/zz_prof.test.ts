import fc from "fast-check";
import { impl } from "../../src/functions/impl";
test("prof", () => {
  const scalar = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constantFrom(null, undefined), fc.integer({min:300,max:3000000}));
  const matrix = fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
  const samples = fc.sample(fc.array(fc.oneof(scalar, matrix), { maxLength: 5 }), 5000);
  for (const id of ["CONTRIBUTION", "APPEAL_CARD", "SCALE_GAP"] as const) {
    const t = performance.now();
    let errs = 0;
    for (const s of samples) { const r = impl[id](...s); if (JSON.stringify(r).includes("unexpected")) errs++; }
    console.log(id, performance.now() - t, errs);
  }
});
