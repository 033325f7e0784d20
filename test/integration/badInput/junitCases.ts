// Malformed JUnit uploads: broken or hostile XML (DTDs, entities), wrong content types and
// encodings, unknown builds and bad report names.
import { type Case, xml } from "./requests.ts";

const junit = (report = "corpus") => `/api/v1/builds/corpus-build/junit?report=${report}`;

export const junitCases: Case[] = [
  // JUnit uploads
  { name: "JUnit: broken XML", path: junit(), ...xml("<testsuites><testsuite name='a'><testcase"), status: 400, code: "VALIDATION_FAILED" },
  {
    name: "JUnit: a DTD",
    path: junit(),
    ...xml('<?xml version="1.0"?><!DOCTYPE testsuites [<!ELEMENT testsuites ANY>]><testsuites/>'),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "JUnit: billion laughs",
    path: junit(),
    ...xml(
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><testsuites name="&lol9;"/>`,
    ),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "JUnit: an external entity",
    path: junit(),
    ...xml('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuites name="&xxe;"/>'),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  { name: "JUnit: an undeclared entity", path: junit(), ...xml('<testsuites name="&secret;"/>'), status: 400, code: "VALIDATION_FAILED" },
  { name: "JUnit: not a JUnit document", path: junit(), ...xml("<html><body/></html>"), status: 400, code: "VALIDATION_FAILED" },
  {
    name: "JUnit: JSON content type",
    path: junit(),
    body: "<testsuites/>",
    headers: { "content-type": "application/json" },
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "JUnit: gzip declared, plain XML sent",
    path: junit(),
    body: "<testsuites/>",
    headers: { "content-type": "application/xml", "content-encoding": "gzip" },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "JUnit: Latin-1 bytes",
    path: junit(),
    body: Buffer.concat([Buffer.from('<testsuites name="caf'), Buffer.from([0xe9]), Buffer.from('"/>')]),
    headers: { "content-type": "application/xml" },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  { name: "JUnit: an unknown build", path: "/api/v1/builds/no-such-build/junit", ...xml("<testsuites/>"), status: 404, code: "NOT_FOUND" },
  {
    name: "JUnit: a NUL in the build id",
    path: "/api/v1/builds/corpus%00build/junit",
    ...xml("<testsuites/>"),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "buildId",
  },
  {
    name: "JUnit: a report name with a path escape",
    path: junit("..%5C..%5Cx%3F"),
    ...xml("<testsuites/>"),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "report",
  },
  { name: "JUnit: two report names", path: `${junit()}&report=again`, ...xml("<testsuites/>"), status: 400, code: "VALIDATION_FAILED", field: "report" },
];
