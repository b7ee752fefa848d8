// One browser page for the desk's pure rules (issue 4), as test/unit/domain does: a page costs about a second
// to load, the suites run in milliseconds. Run one alone with `npx web-test-runner test/unit/rules/<name>.suite.ts`.
import './classify.suite.js';
import './routing.suite.js';
import './tours.suite.js';
import './calendar.suite.js';
import './watchlist.suite.js';
import './schema.suite.js';
