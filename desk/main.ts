/** The page entry of `/desk`: the desk element placed by desk.html, and the page's language and title. */
import { resolveLocale } from '../src/i18n/index.js';
import { deskMessagesFor } from '../src/i18n/desk/index.js';
import './define.js';

const locale = resolveLocale([...navigator.languages]);
document.documentElement.lang = locale;
document.title = deskMessagesFor(locale).documentTitle;
