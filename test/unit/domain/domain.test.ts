// One browser page for the whole pure domain: each page costs about a second to load the test helpers and
// libraries, while the suites themselves run in milliseconds. The suites sit one per source module
// (`<module>.suite.ts`); run one alone with `npx web-test-runner test/unit/domain/<module>.suite.ts`.
import './text.suite.js';
import './phone.suite.js';
import './identity.suite.js';
import './time.suite.js';
import './uuid.suite.js';
import './walk-in.suite.js';
