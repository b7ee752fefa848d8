// One browser page for src/invite: the suites share generated keys. Run one alone by importing it here only.
import './encoding.suite.js';
import './keys.suite.js';
import './vectors.suite.js';
import './property.suite.js';
import './timing.suite.js';
import './seal.suite.js';
