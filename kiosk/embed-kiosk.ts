/** The page of `/embed/kiosk` (embed/kiosk.html): the kiosk's PWA entry, talking to its host through kiosk/frame-bridge.ts. */
import './main.js';
import { startFrameBridge } from './frame-bridge.js';

const kiosk = document.querySelector('visitor-kiosk');
if (kiosk) startFrameBridge({ app: 'kiosk', element: kiosk, siteSrc: kiosk.getAttribute('config-src') ?? '/site.json' });
